using System.Globalization;

namespace Kullback.Data.Input;

/// <summary>
/// What the first lines of a table look like: the delimiter, whether the first row is a header, the number of
/// columns. Learnt from up to <see cref="PeekRows"/> rows (at most <see cref="PeekBytes"/> bytes) that are then read
/// again from the reader's buffer, so the source is still read once.
/// </summary>
/// <remarks>
/// The delimiter is a tab if any of those lines holds one, else a semicolon if every one does (the CSV of
/// decimal-comma locales, "1,5;2"), else a comma if any holds one, else a semicolon, else runs of blanks.
/// The first row is a header when a column is chosen by name, or when some column is not a number in the first row
/// but is a number in every later row looked at. Blank lines and lines whose first non-blank character is <c>#</c>
/// are skipped everywhere.
/// </remarks>
internal sealed class TableShape
{
    public const int PeekRows = 200;
    public const int PeekBytes = 1 << 20;

    private static readonly System.Buffers.SearchValues<byte> NumberBytes = System.Buffers.SearchValues.Create("0123456789 \t.+-eE"u8);

    private TableShape(Delimiter delimiter, string[]? header, long headerLine, List<Row> rows, bool wholeSource, bool headerIsNumbers)
    {
        _headerIsNumbers = headerIsNumbers;
        Delimiter = delimiter;
        Header = header;
        HeaderLine = headerLine;
        DataRows = rows;
        WholeSource = wholeSource;
    }

    private readonly bool _headerIsNumbers;

    /// <summary>One row looked at: its physical line and its fields' texts.</summary>
    public sealed record Row(long Line, byte[][] Fields);

    public Delimiter Delimiter { get; }

    /// <summary>The header's names (unquoted), or null.</summary>
    public string[]? Header { get; }

    /// <summary>The physical line of the header, or 0.</summary>
    public long HeaderLine { get; }

    /// <summary>The data rows looked at (after the header).</summary>
    public IReadOnlyList<Row> DataRows { get; }

    /// <summary>True when the rows looked at are the whole source.</summary>
    public bool WholeSource { get; }

    /// <summary>The number of fields in the first data row (0 when there is none).</summary>
    public int Columns => DataRows.Count > 0 ? DataRows[0].Fields.Length : Header?.Length ?? 0;

    /// <summary>Looks at the first rows of <paramref name="lines"/> and rewinds it.</summary>
    /// <param name="lines">A reader before its first line.</param>
    /// <param name="headerRequired">A column is chosen by name, so the first row is a header.</param>
    /// <param name="options">The limits (the field length applies to header names).</param>
    public static TableShape Learn(LineReader lines, bool headerRequired, InputOptions options)
    {
        var raw = new List<(long Line, byte[] Bytes)>();
        lines.Mark();
        while (raw.Count < PeekRows && lines.MarkedBytes < PeekBytes && lines.TryReadLine(out var line))
            if (!Utf8Text.IsBlankOrComment(line)) raw.Add((lines.LineNumber, Head(line).ToArray()));
        bool whole = lines.AtEnd;
        lines.Rewind();

        var delimiter = raw.Any(r => r.Bytes.Contains((byte)'\t')) ? Delimiter.Tab
            : raw.Count > 0 && raw.All(r => r.Bytes.Contains((byte)';')) ? Delimiter.Semicolon
            : raw.Any(r => r.Bytes.Contains((byte)',')) ? Delimiter.Comma
            : raw.Any(r => r.Bytes.Contains((byte)';')) ? Delimiter.Semicolon
            : Delimiter.Blanks;
        var rows = raw.Select(r => new Row(r.Line, Split(r.Bytes, delimiter, lines.Source, r.Line))).ToList();
        if (delimiter == Delimiter.Comma) RefuseBlankSeparatedDecimalCommas(rows, lines.Source);

        bool header = rows.Count > 0 && (headerRequired || (rows.Count > 1 && Enumerable.Range(0, rows[0].Fields.Length).Any(j =>
            !IsNumeric(rows[0].Fields[j]) && rows.Skip(1).All(r => j < r.Fields.Length && IsNumeric(r.Fields[j])))));
        string[]? names = null;
        long headerLine = 0;
        bool headerIsNumbers = header && rows[0].Fields.All(f => IsNumeric(f));
        if (header)
        {
            var first = rows[0];
            names = new string[first.Fields.Length];
            for (int j = 0; j < names.Length; j++)
            {
                if (first.Fields[j].Length > options.MaxFieldLength)
                    throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                        $"a header name of {first.Fields[j].Length:N0} bytes, longer than the limit of {options.MaxFieldLength:N0} (raise it with {options.Hints.MaxFieldLength})."),
                        new InputLocation(lines.Source, first.Line));
                names[j] = Utf8Text.Decode(first.Fields[j]);
            }
            headerLine = first.Line;
            rows.RemoveAt(0);
        }
        return new TableShape(delimiter, names, headerLine, rows, whole, headerIsNumbers);
    }

    /// <summary>
    /// A line as far as the shape needs it: a line longer than <see cref="PeekBytes"/> (a long list on one line) is cut
    /// at its last separator before that, so that looking at it costs bounded memory.
    /// </summary>
    private static ReadOnlySpan<byte> Head(ReadOnlySpan<byte> line)
    {
        if (line.Length <= PeekBytes) return line;
        var head = line[..PeekBytes];
        int cut = head.LastIndexOfAny(Separators);
        return cut > 0 ? head[..cut] : head;
    }

    private static readonly System.Buffers.SearchValues<byte> Separators = System.Buffers.SearchValues.Create(",;\t "u8);

    /// <summary>
    /// True when the text is a number, or would be one but for its size or a decimal comma (so that a column of
    /// numbers is seen as numeric, and its header as a header, before its values are refused one by one).
    /// </summary>
    public static bool IsNumeric(ReadOnlySpan<byte> field) =>
        NumberText.TryParseDouble(field, out _) != NumberStatus.Invalid || NumberText.LooksLikeCommaNumber(field);

    private static byte[][] Split(byte[] line, Delimiter delimiter, string source, long lineNumber)
    {
        var fields = new List<byte[]>();
        var cursor = new FieldCursor(line, delimiter, source, lineNumber);
        while (cursor.Next(out var field, out _, out bool quoted))
            fields.Add(quoted ? System.Text.Encoding.UTF8.GetBytes(FieldCursor.Unescape(field)) : field.ToArray());
        return [.. fields];
    }

    /// <summary>"0,5 1,5" split at its commas gives "0", "5 1", "5": numbers with decimal commas separated by blanks.</summary>
    private static void RefuseBlankSeparatedDecimalCommas(List<Row> rows, string source)
    {
        foreach (var row in rows)
            foreach (var field in row.Fields)
            {
                int blank = field.AsSpan().IndexOfAny((byte)' ', (byte)'\t');
                if (blank > 0 && (uint)(field[blank - 1] - '0') <= 9 && blank + 1 < field.Length && (uint)(field[^1] - '0') <= 9
                    && !field.AsSpan().ContainsAnyExcept(NumberBytes))
                    throw new InvalidInputException(
                        "the numbers look like they have decimal commas and are separated by spaces: numbers are read with a decimal point (0.5) in every locale; write decimal points, or separate the columns by commas, tabs or semicolons.",
                        new InputLocation(source, row.Line));
            }
    }

    /// <summary>The 0-based index of a chosen column, or an error that says what columns there are.</summary>
    public int IndexOf(ColumnSelector column, string source, string flag)
    {
        if (column.Name is null)
        {
            if (column.Number < 1 || column.Number > Math.Max(Columns, 1))
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{flag} {column.Text} is out of range: there {(Columns == 1 ? "is 1 column" : $"are {Columns} columns")}, numbered from 1."),
                    new InputLocation(source));
            return column.Number - 1;
        }
        if (Header is null || _headerIsNumbers)
            throw new InvalidInputException(
                $"{flag} {InputText.Quote(column.Name)} names a column, but the first row is not a header (it holds numbers); give the column's number (1 = first) instead.",
                new InputLocation(source));
        int found = Array.FindIndex(Header, h => string.Equals(h.Trim(), column.Name, StringComparison.OrdinalIgnoreCase));
        if (found < 0)
            throw new InvalidInputException($"there is no column {InputText.Quote(column.Name)}; the columns are {ColumnList()}.",
                new InputLocation(source, HeaderLine));
        return found;
    }

    /// <summary>
    /// The header's names (each quoted and cut, at most six and about 120 characters, so that a message that lists them
    /// stays one short line), or the number of columns.
    /// </summary>
    public string ColumnList()
    {
        if (Header is null) return string.Create(CultureInfo.InvariantCulture, $"numbered 1 to {Columns}");
        const int MostShown = 6, Budget = 120;
        var list = new System.Text.StringBuilder();
        int shown = 0;
        foreach (string name in Header)
        {
            string quoted = InputText.Quote(name, 20);
            if (shown == MostShown || (shown > 0 && list.Length + 2 + quoted.Length > Budget)) break;
            if (shown > 0) list.Append(", ");
            list.Append(quoted);
            shown++;
        }
        if (Header.Length > shown) list.Append(CultureInfo.InvariantCulture, $" and {Header.Length - shown} more");
        return list.ToString();
    }

    /// <summary>The name of column <paramref name="index"/> for messages: its quoted header name, or its number.</summary>
    public string NameOf(int index) =>
        Header is { } h && index < h.Length ? InputText.Quote(h[index], 20) : (index + 1).ToString(CultureInfo.InvariantCulture);
}
