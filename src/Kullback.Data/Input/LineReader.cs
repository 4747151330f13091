using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;

namespace Kullback.Data.Input;

/// <summary>
/// Splits a source into physical lines of UTF-8 bytes, in one forward pass over a buffer that never grows beyond
/// the longest line allowed. Every byte is checked before a line is handed out: a NUL byte or invalid UTF-8 is
/// refused as binary as soon as it is read (so <c>/dev/zero</c> is refused within its first 8 KB).
/// </summary>
/// <remarks>
/// Lines end at LF, CRLF or a lone CR; a last line without an end counts. Line numbers count every physical line
/// (blank lines, comments and headers too). While <see cref="Mark"/> is in force the lines read stay in the buffer,
/// so that <see cref="Rewind"/> can hand them out again: the first lines are looked at once to learn a file's
/// shape, and the source is still read only once.
/// </remarks>
internal sealed class LineReader : IDisposable
{
    private const int FirstRead = 8 * 1024;
    private const int InitialCapacity = 256 * 1024;

    private readonly Stream _stream;
    private readonly int _maxLineLength;
    private readonly InputHints _hints;
    private byte[] _buffer;
    private int _position;      // start of the next line
    private int _end;           // end of the bytes read
    private int _checked;       // [0, _checked) is valid UTF-8 without NUL
    private bool _endOfStream;
    private bool _firstRead = true;
    private long _lineNumber;   // of the last line handed out
    private int _mark = -1;
    private long _markLine;

    public LineReader(InputSource source, InputOptions options)
    {
        Source = source.Name;
        _maxLineLength = options.MaxLineLength;
        _hints = options.Hints;
        _buffer = new byte[Math.Min(InitialCapacity, options.MaxLineLength + 2)];
        var raw = source.Open();
        try
        {
            _stream = TextEncodingDetector.Detect(raw, Source);
        }
        catch
        {
            raw.Dispose();
            throw;
        }
    }

    /// <summary>The source's name, for messages.</summary>
    public string Source { get; }

    /// <summary>The 1-based physical line number of the last line handed out (0 before the first).</summary>
    public long LineNumber => _lineNumber;

    /// <summary>True once the whole source has been read and every line handed out.</summary>
    public bool AtEnd => _endOfStream && _position >= _end;

    /// <summary>The bytes held from the mark to the current position (for a look-ahead budget).</summary>
    public int MarkedBytes => _mark < 0 ? 0 : _position - _mark;

    /// <summary>The next line, without its line end.</summary>
    /// <returns>False at the end of the source.</returns>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_position, _checked - _position);
            int i = pending.IndexOfAny((byte)'\n', (byte)'\r');
            if (i >= 0)
            {
                int terminator = 1;
                if (pending[i] == '\r')
                {
                    if (i + 1 < pending.Length) terminator = pending[i + 1] == '\n' ? 2 : 1;
                    else if (!_endOfStream) { Fill(); continue; }
                }
                if (i > _maxLineLength) throw LineTooLong();
                line = pending[..i];
                _position += i + terminator;
                _lineNumber++;
                return true;
            }
            if (pending.Length > _maxLineLength) throw LineTooLong();
            if (_endOfStream)
            {
                if (pending.IsEmpty)
                {
                    line = default;
                    return false;
                }
                line = pending;
                _position = _checked;
                _lineNumber++;
                return true;
            }
            Fill();
        }
    }

    /// <summary>
    /// The next run of whole lines, at least one, of about <paramref name="preferredBytes"/> when the source has that
    /// much: for parsing many lines at once (on several cores). The memory stays valid until the next read.
    /// </summary>
    /// <param name="preferredBytes">How much to gather before handing out (the buffer grows to hold it).</param>
    /// <param name="block">The lines with their line ends; the last line may lack one at the end of the source.</param>
    /// <param name="firstLine">The physical line number of the block's first line.</param>
    /// <returns>False at the end of the source.</returns>
    public bool TryReadBlock(int preferredBytes, out ReadOnlyMemory<byte> block, out long firstLine)
    {
        if (_mark >= 0) throw new InvalidOperationException("Blocks are read after the look-ahead.");
        while (true)
        {
            int available = _checked - _position;
            if (_endOfStream || available >= preferredBytes)
            {
                var pending = _buffer.AsSpan(_position, available);
                int end;
                if (_endOfStream) end = available;
                else
                {
                    int last = pending.LastIndexOfAny((byte)'\n', (byte)'\r');
                    if (last >= 0 && last == available - 1 && pending[last] == '\r') last = last == 0 ? -1 : pending[..last].LastIndexOfAny((byte)'\n', (byte)'\r');
                    end = last + 1;
                }
                if (end > 0)
                {
                    block = new ReadOnlyMemory<byte>(_buffer, _position, end);
                    firstLine = _lineNumber + 1;
                    _lineNumber += BlockLines.Count(block.Span);
                    _position += end;
                    return true;
                }
                if (_endOfStream)
                {
                    block = default;
                    firstLine = _lineNumber + 1;
                    return false;
                }
                if (available > _maxLineLength) throw LineTooLong();
            }
            Fill(Math.Max(preferredBytes, InitialCapacity));
        }
    }

    /// <summary>The error for a line longer than the limit, at <paramref name="line"/>.</summary>
    public InvalidInputException LineTooLong(long line) =>
        new(string.Create(CultureInfo.InvariantCulture,
                $"the line is longer than {_maxLineLength:N0} bytes, the limit for a line (raise it with {_hints.MaxLineLength})."),
            new InputLocation(Source, line));

    /// <summary>The longest line allowed.</summary>
    public int MaxLineLength => _maxLineLength;

    /// <summary>Keeps every line from here on in the buffer until <see cref="Rewind"/>.</summary>
    public void Mark()
    {
        _mark = _position;
        _markLine = _lineNumber;
    }

    /// <summary>Goes back to the mark: the lines read since are handed out again, with the same numbers.</summary>
    public void Rewind()
    {
        if (_mark < 0) throw new InvalidOperationException("Rewind without a mark.");
        _position = _mark;
        _lineNumber = _markLine;
        _mark = -1;
    }

    private void Fill() => Fill(InitialCapacity);

    /// <summary>Reads more: compacts, grows the buffer when it is full (to hold at least <paramref name="room"/> bytes), reads, checks.</summary>
    private void Fill(int room)
    {
        int keep = _mark >= 0 ? _mark : _position;
        if (keep > 0)
        {
            _buffer.AsSpan(keep, _end - keep).CopyTo(_buffer);
            _position -= keep;
            _end -= keep;
            _checked -= keep;
            if (_mark >= 0) _mark = 0;
        }
        if (_end == _buffer.Length || _buffer.Length < room)
        {
            long wanted = Math.Max(Math.Min((long)_buffer.Length * 2, (long)_end + _maxLineLength + 2 + InitialCapacity), room);
            Array.Resize(ref _buffer, (int)Math.Min(wanted, Array.MaxLength));
        }
        room = _buffer.Length - _end;
        if (_firstRead) room = Math.Min(room, FirstRead);
        _firstRead = false;
        int n = ReadFrom(_stream, _buffer.AsSpan(_end, room), Source, _lineNumber + 1);
        if (n == 0) _endOfStream = true;
        _end += n;
        Check();
    }

    /// <summary>Reads from the stream, turning read errors (I/O, corrupt gzip, invalid UTF-16) into input errors.</summary>
    internal static int ReadFrom(Stream stream, Span<byte> destination, string source, long line)
    {
        var where = new InputLocation(source, line);
        try
        {
            return stream.Read(destination);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidInputException("the data are not valid gzip: the compressed stream is corrupt.", where, e);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidInputException(
                "the text is not valid UTF-16 (a byte-order mark said UTF-16, but the bytes that follow are not); save it as UTF-8.", where, e);
        }
        catch (IOException e)
        {
            throw new InvalidInputException($"the source cannot be read: {InputSource.OneLine(e.Message)}", where, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidInputException("the source cannot be read: permission denied.", where, e);
        }
    }

    /// <summary>Checks the bytes read since the last check: no NUL, valid UTF-8 (a sequence cut by the buffer's end waits).</summary>
    private void Check()
    {
        var fresh = _buffer.AsSpan(_checked, _end - _checked);
        int nul = fresh.IndexOf((byte)0);
        int cut = _endOfStream ? fresh.Length : fresh.Length - IncompleteTail(fresh);
        if (nul >= 0)
        {
            // Invalid UTF-8 before the NUL is reported first, where it is.
            int invalid = FirstInvalid(fresh[..nul]);
            if (invalid >= 0) throw NotUtf8(_checked + invalid);
            throw Binary(_checked + nul);
        }
        if (!Utf8.IsValid(fresh[..cut])) throw NotUtf8(_checked + FirstInvalid(fresh[..cut]));
        _checked += cut;
    }

    /// <summary>The number of bytes at the end that begin a multi-byte sequence not yet complete (0–3).</summary>
    private static int IncompleteTail(ReadOnlySpan<byte> bytes)
    {
        for (int k = 1; k <= Math.Min(3, bytes.Length); k++)
        {
            byte b = bytes[^k];
            if ((b & 0xC0) == 0x80) continue;
            int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return length > k ? k : 0;
        }
        return 0;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out int consumed) != System.Buffers.OperationStatus.Done) return i;
            i += consumed;
        }
        return -1;
    }

    private InvalidInputException Binary(int offset) =>
        new("a NUL byte (0x00): this is binary data, or UTF-16 without a byte-order mark, not text; expected UTF-8 text (or UTF-16 that starts with a byte-order mark).",
            Locate(offset));

    private InvalidInputException NotUtf8(int offset) =>
        new(string.Create(CultureInfo.InvariantCulture,
                $"byte 0x{_buffer[offset]:X2} is not valid UTF-8: this is binary data or text in another encoding; expected UTF-8 text (or UTF-16 that starts with a byte-order mark)."),
            Locate(offset));

    private InvalidInputException LineTooLong() => LineTooLong(_lineNumber + 1);

    /// <summary>The physical line and column of a byte not yet handed out in a line.</summary>
    private InputLocation Locate(int offset)
    {
        long line = _lineNumber + 1;
        int lineStart = _position;
        var span = _buffer.AsSpan(0, offset);
        for (int i = _position; i < offset; i++)
        {
            byte b = span[i];
            if (b == '\n' || (b == '\r' && (i + 1 >= _end || _buffer[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new InputLocation(Source, line, 1 + Utf8Text.CountScalars(span[lineStart..offset]));
    }

    public void Dispose() => _stream.Dispose();
}
