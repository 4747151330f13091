namespace Kullback.Data.Input;

/// <summary>
/// The lines of a block (a run of whole lines from <see cref="LineReader.TryReadBlock"/>), one at a time, with their
/// physical numbers; and how a block is cut in two at a line end for two cores.
/// </summary>
internal ref struct BlockLines
{
    private readonly ReadOnlySpan<byte> _block;
    private readonly LineReader _reader;
    private int _position;

    public BlockLines(ReadOnlySpan<byte> block, long firstLine, LineReader reader)
    {
        _block = block;
        _reader = reader;
        _position = 0;
        LineNumber = firstLine - 1;
    }

    /// <summary>The physical number of the line last handed out.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The next line without its line end.</summary>
    /// <exception cref="InvalidInputException">The line is longer than the limit.</exception>
    public bool Next(out ReadOnlySpan<byte> line)
    {
        if (_position >= _block.Length)
        {
            line = default;
            return false;
        }
        var rest = _block[_position..];
        int i = rest.IndexOfAny((byte)'\n', (byte)'\r');
        int terminator = 1;
        if (i < 0) i = rest.Length;
        else if (rest[i] == '\r' && i + 1 < rest.Length && rest[i + 1] == '\n') terminator = 2;
        LineNumber++;
        if (i > _reader.MaxLineLength) throw _reader.LineTooLong(LineNumber);
        line = rest[..i];
        _position += Math.Min(i + terminator, rest.Length);
        return true;
    }

    /// <summary>The bytes not yet handed out.</summary>
    public readonly ReadOnlySpan<byte> Rest => _block[_position..];

    /// <summary>Counts the next line as read by the caller: <paramref name="bytes"/> with its line end.</summary>
    public void Consumed(int bytes)
    {
        _position += bytes;
        LineNumber++;
    }

    /// <summary>
    /// The length of a row read by a fast path, with its line end, once <paramref name="at"/> is just past its last
    /// field: what remains of the line may hold unread fields (skipped unless <paramref name="exact"/>) but no quote;
    /// −1 when the row must be read the full way (more fields than expected, a quote, no line end, too long).
    /// </summary>
    public static int RowEnd(ReadOnlySpan<byte> rest, int at, byte delimiter, bool exact, int maxLineLength)
    {
        if (at >= rest.Length) return -1;
        byte b = rest[at];
        if (b == delimiter)
        {
            if (exact) return -1;
            int e = rest[at..].IndexOfAny(RowStops);
            if (e < 0 || rest[at + e] == '"') return -1;
            at += e;
            b = rest[at];
        }
        if (at > maxLineLength) return -1;
        if (b == '\n') return at + 1;
        if (b == '\r') return at + 1 < rest.Length && rest[at + 1] == '\n' ? at + 2 : at + 1;
        return -1;
    }

    private static readonly System.Buffers.SearchValues<byte> RowStops = System.Buffers.SearchValues.Create("\n\r\""u8);

    /// <summary>The number of lines in a block: its line ends (LF, CRLF or a lone CR), and one more if it does not end with one.</summary>
    public static long Count(ReadOnlySpan<byte> block)
    {
        if (block.IsEmpty) return 0;
        long count;
        if (!block.Contains((byte)'\r')) count = block.Count((byte)'\n');
        else
        {
            count = 0;
            for (int i = 0; i < block.Length; i++)
                if (block[i] == '\n' || (block[i] == '\r' && (i + 1 == block.Length || block[i + 1] != '\n'))) count++;
        }
        byte last = block[^1];
        return last is (byte)'\n' or (byte)'\r' ? count : count + 1;
    }

    /// <summary>
    /// The blocks at least this long (in bytes) are parsed in two halves on two cores when the machine has them;
    /// settable so that tests run the parallel path on small inputs.
    /// </summary>
    internal static int ParallelThreshold { get; set; } = 1 << 20;

    /// <summary>
    /// True to read the usual rows (numbers, delimiters, a line end) as they are scanned, without splitting them first;
    /// settable so that tests compare both ways. Rows a fast path does not take are read the full way.
    /// </summary>
    internal static bool FastRows { get; set; } = true;

    /// <summary>The bytes gathered into one block: four times the threshold, within 16 KiB … 4 MiB.</summary>
    internal static int BlockBytes => (int)Math.Clamp(ParallelThreshold * 4L, 1 << 14, 1 << 22);

    /// <summary>Parses one half of a block whose first line has the given physical number.</summary>
    internal delegate void HalfReader(ReadOnlySpan<byte> half, long firstLine);

    /// <summary>
    /// Parses the two halves of a block at once, cut at <paramref name="split"/>: <paramref name="second"/> on another
    /// core, <paramref name="first"/> on this one. A failure of the first half is thrown; a failure of the second is
    /// not: the caller reads that half again in order on this core, so that results and errors are a sequential read's.
    /// </summary>
    /// <param name="block">Whole lines.</param>
    /// <param name="split">Where the second half starts (just after a line end).</param>
    /// <param name="firstLine">The physical number of the block's first line.</param>
    /// <param name="first">Reads the first half.</param>
    /// <param name="second">Reads the second half.</param>
    /// <param name="secondLine">The physical number of the second half's first line.</param>
    /// <returns>True when the second half was parsed without failing.</returns>
    public static bool InHalves(ReadOnlyMemory<byte> block, int split, long firstLine, HalfReader first, HalfReader second, out long secondLine)
    {
        long start = firstLine + Count(block.Span[..split]);
        bool done = false;
        var other = Task.Run(() =>
        {
            try
            {
                second(block.Span[split..], start);
                done = true;
            }
#pragma warning disable CA1031 // a failure of the second half is found again, at its place, when the caller reads it in order
            catch (Exception)
#pragma warning restore CA1031
            {
                done = false;
            }
        });
        try
        {
            first(block.Span[..split], firstLine);
        }
        finally
        {
            other.GetAwaiter().GetResult();
        }
        secondLine = start;
        return done;
    }

    /// <summary>Where to cut a block in two: just after the line end nearest its middle; false when it has none to cut at.</summary>
    public static bool TrySplit(ReadOnlySpan<byte> block, out int split)
    {
        split = 0;
        if (Environment.ProcessorCount < 2 || block.Length < ParallelThreshold) return false;
        int middle = block.Length / 2;
        int i = block[middle..].IndexOf((byte)'\n');
        if (i < 0) return false;
        split = middle + i + 1;
        return split < block.Length;
    }
}
