namespace Kullback.Data.Input;

/// <summary>
/// The fields of one line of a table, left to right, each without the blanks around it. A field may be quoted
/// (<c>"a, b"</c>, with <c>""</c> for a quote inside); a quoted field ends on its line.
/// </summary>
internal ref struct FieldCursor
{
    private readonly ReadOnlySpan<byte> _line;
    private readonly byte _delimiter;
    private readonly string _source;
    private readonly long _lineNumber;
    private readonly bool _simple;   // delimited, with no quote and no blank: fields are what lies between delimiters
    private int _position;
    private bool _done;

    public FieldCursor(ReadOnlySpan<byte> line, Delimiter delimiter, string source, long lineNumber)
    {
        _line = line;
        _source = source;
        _lineNumber = lineNumber;
        _delimiter = (byte)delimiter;
        _position = 0;
        _done = false;
        _simple = delimiter != Delimiter.Blanks && line.IndexOfAny(Awkward) < 0;
        if (delimiter == Delimiter.Blanks)
        {
            while (_position < line.Length && Utf8Text.IsBlank(line[_position])) _position++;
            _done = _position == line.Length;
        }
    }

    /// <summary>The next field.</summary>
    /// <param name="field">The field's text: trimmed, and inside the quotes when quoted (doubled quotes left as they are).</param>
    /// <param name="start">The byte offset in the line where the field's text starts (for its column).</param>
    /// <param name="quoted">True when the field was quoted and holds a doubled quote to unescape.</param>
    /// <returns>False when the line has no more fields.</returns>
    /// <exception cref="InvalidInputException">A quoted field is not closed on its line, or text follows its closing quote.</exception>
    public bool Next(out ReadOnlySpan<byte> field, out int start, out bool quoted)
    {
        quoted = false;
        if (_done)
        {
            field = default;
            start = _position;
            return false;
        }
        var rest = _line[_position..];
        if (_simple)
        {
            int end = rest.IndexOf(_delimiter);
            start = _position;
            if (end < 0)
            {
                field = rest;
                _position = _line.Length;
                _done = true;
            }
            else
            {
                field = rest[..end];
                _position += end + 1;
            }
            return true;
        }
        int lead = 0;
        while (lead < rest.Length && rest[lead] != _delimiter && Utf8Text.IsBlank(rest[lead])) lead++;
        if (lead < rest.Length && rest[lead] == '"') return NextQuoted(_position + lead, out field, out start, out quoted);

        int length = _delimiter == 0 ? IndexOfBlank(rest) : rest.IndexOf(_delimiter);
        if (length < 0) length = rest.Length;
        field = Utf8Text.Trim(rest[..length], out int leading);
        start = _position + leading;
        Advance(_position + length);
        return true;
    }

    private bool NextQuoted(int quote, out ReadOnlySpan<byte> field, out int start, out bool escaped)
    {
        escaped = false;
        int i = quote + 1;
        while (true)
        {
            int close = _line[i..].IndexOf((byte)'"');
            if (close < 0) throw Malformed(quote, "a quoted field is not closed on its line; a quoted field must end on the line it starts");
            i += close;
            if (i + 1 < _line.Length && _line[i + 1] == '"')
            {
                escaped = true;
                i += 2;
                continue;
            }
            break;
        }
        field = _line[(quote + 1)..i];
        start = quote + 1;
        int after = i + 1;
        while (after < _line.Length && _line[after] != _delimiter && Utf8Text.IsBlank(_line[after])) after++;
        if (after < _line.Length && _line[after] != _delimiter && _delimiter != 0)
            throw Malformed(after, "text follows the closing quote of a field; put the whole field inside the quotes");
        if (_delimiter == 0 && after < _line.Length && !Utf8Text.IsBlank(_line[after]) && after == i + 1)
            throw Malformed(after, "text follows the closing quote of a field; put the whole field inside the quotes");
        Advance(after);
        return true;
    }

    private void Advance(int at)
    {
        if (_delimiter == 0)
        {
            while (at < _line.Length && Utf8Text.IsBlank(_line[at])) at++;
            _position = at;
            _done = at >= _line.Length;
            return;
        }
        if (at >= _line.Length)
        {
            _position = _line.Length;
            _done = true;
        }
        else _position = at + 1;   // past the delimiter; a delimiter at the end leaves one empty field
    }

    private readonly InvalidInputException Malformed(int offset, string problem) =>
        new($"{problem}.", new InputLocation(_source, _lineNumber, 1 + Utf8Text.CountScalars(_line[..offset])));

    private static readonly System.Buffers.SearchValues<byte> Awkward = System.Buffers.SearchValues.Create("\" \t\v\f"u8);

    private static readonly System.Buffers.SearchValues<byte> Blanks = System.Buffers.SearchValues.Create(" \t\v\f"u8);

    private static int IndexOfBlank(ReadOnlySpan<byte> s) => s.IndexOfAny(Blanks);

    /// <summary>Removes the doubling of quotes inside a quoted field.</summary>
    public static string Unescape(ReadOnlySpan<byte> field) => Utf8Text.Decode(field).Replace("\"\"", "\"", StringComparison.Ordinal);
}
