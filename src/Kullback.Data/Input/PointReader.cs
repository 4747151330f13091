using System.Globalization;

namespace Kullback.Data.Input;

/// <summary>
/// Reads points for the nearest-neighbour estimators: one point per row, one coordinate per chosen column (all
/// columns when none is chosen), into one flat row-major array. Large inputs are parsed in blocks, each cut in two
/// halves parsed on two cores; the result and every error are the same as one core gives.
/// </summary>
/// <remarks>
/// Every chosen field must be a finite number (an empty field is refused: a point needs every coordinate); when every
/// column is used, every row must have as many fields as the first. Other columns may hold anything.
/// </remarks>
internal static class PointReader
{
    public static PointSet Read(InputSource source, IReadOnlyList<ColumnSelector>? columns, InputOptions options)
    {
        using var lines = new LineReader(source, options);
        var shape = TableShape.Learn(lines, headerRequired: columns?.Any(c => c.Name is not null) == true, options);
        if (shape.DataRows.Count == 0)
            throw new InvalidInputException("the input holds no points: every line is blank, a # comment or a header.", new InputLocation(lines.Source));
        bool all = columns is null || columns.Count == 0;
        int[] chosen = all
            ? Enumerable.Range(0, shape.Columns).ToArray()
            : columns!.Select(c => shape.IndexOf(c, lines.Source, options.Hints.Column)).ToArray();
        var names = chosen.Select(i => shape.Header is { } h && i < h.Length ? h[i] : (i + 1).ToString(CultureInfo.InvariantCulture)).ToArray();
        int width = all ? shape.Columns : chosen.Max() + 1;
        var slot = Enumerable.Repeat(-1, width).ToArray();
        for (int k = 0; k < chosen.Length; k++)
        {
            if (slot[chosen[k]] >= 0)
                throw new InvalidInputException($"column {shape.NameOf(chosen[k])} is chosen twice; choose each column once.", new InputLocation(lines.Source));
            slot[chosen[k]] = k;
        }
        var layout = new Layout(shape, slot, chosen.Length, width, all, options, lines);

        // The header (and what precedes it) line by line; then blocks.
        while (lines.LineNumber < shape.HeaderLine && lines.TryReadLine(out _)) { }
        var main = new Parser(layout);
        while (lines.TryReadBlock(BlockLines.BlockBytes, out var block, out long firstLine))
        {
            // One flat array holds every coordinate: at most Array.MaxLength of them, whatever the point limit.
            long byPoints = options.MaxPoints - main.Count, byArray = Array.MaxLength / layout.Dimensions - main.Count;
            long allowance = Math.Min(byPoints, byArray);
            bool arrayBinds = byArray < byPoints;
            long before = main.Count;
            if (!BlockLines.TrySplit(block.Span, out int split))
            {
                main.Parse(block.Span, firstLine, allowance, arrayBinds);
                continue;
            }
            var second = new Parser(layout);
            bool secondDone = BlockLines.InHalves(block, split, firstLine,
                (half, line) => main.Parse(half, line, allowance, arrayBinds),
                (half, line) => second.Parse(half, line, allowance, arrayBinds), out long secondLine);
            long taken = main.Count - before;
            if (secondDone && taken + second.Count <= allowance) main.Append(second);
            else main.Parse(block.Span[split..], secondLine, allowance - taken, arrayBinds);   // in order, on this core: the error one core gives
        }
        if (main.Count == 0) throw new InvalidInputException("the input holds no points.", new InputLocation(lines.Source));
        return new PointSet(lines.Source, main.Coordinates.ToArray(), chosen.Length, names);
    }

    /// <summary>Which fields are read and where they go.</summary>
    private sealed record Layout(TableShape Shape, int[] Slot, int Dimensions, int Width, bool All, InputOptions Options, LineReader Lines);

    /// <summary>Parses lines into coordinates; one per half of a block.</summary>
    private sealed class Parser(Layout layout)
    {
        public ChunkedBuffer<double> Coordinates { get; } = new();

        public long Count { get; private set; }

        public void Append(Parser other)
        {
            Coordinates.Append(other.Coordinates);
            Count += other.Count;
        }

        /// <summary>Parses the lines of a block, keeping at most <paramref name="allowance"/> more points.</summary>
        /// <param name="block">Whole lines.</param>
        /// <param name="firstLine">The physical number of its first line.</param>
        /// <param name="allowance">The most points it may add.</param>
        /// <param name="arrayBinds">True when the allowance comes from the size of one array, not from the point limit.</param>
        public void Parse(ReadOnlySpan<byte> block, long firstLine, long allowance, bool arrayBinds)
        {
            var shape = layout.Shape;
            var slot = layout.Slot;
            int dimensions = layout.Dimensions, width = layout.Width;
            bool all = layout.All;
            var options = layout.Options;
            string source = layout.Lines.Source;
            long limit = Count + allowance;
            var lines = new BlockLines(block, firstLine, layout.Lines);
            byte delimiter = (byte)shape.Delimiter;   // 0 for blanks: never in checked text, so never matched
            int maxLine = layout.Lines.MaxLineLength;
            bool single = width == 1 && layout.All;   // every column, and there is one
            while (true)
            {
                if (single && BlockLines.FastRows)
                {
                    // One number per row: as many rows as the fast path takes, in one loop.
                    while (Count < limit)
                    {
                        var rest = lines.Rest;
                        if (!NumberText.ScanNumber(rest, out int used, out double x)) break;
                        int end = BlockLines.RowEnd(rest, used, delimiter, exact: true, maxLine);
                        if (end < 0) break;
                        Coordinates.Add(x);
                        Count++;
                        lines.Consumed(end);
                    }
                }
                else if (Count < limit && BlockLines.FastRows)
                {
                    // The usual row, read as it is scanned: numbers, delimiters, a line end, nothing else.
                    var row = Coordinates.Reserve(dimensions);
                    int end = FastRow(lines.Rest, row, delimiter, maxLine);
                    if (end > 0)
                    {
                        lines.Consumed(end);
                        Count++;
                        continue;
                    }
                    Coordinates.Unreserve(dimensions);
                }
                if (!lines.Next(out var line)) break;
                if (Utf8Text.IsBlankOrComment(line)) continue;
                if (Count >= limit)
                    throw new InvalidInputException(arrayBinds
                        ? string.Create(CultureInfo.InvariantCulture, $"more than {Array.MaxLength:N0} coordinates, the most one array holds; choose fewer columns with {options.Hints.Column}.")
                        : string.Create(CultureInfo.InvariantCulture, $"more than {options.MaxPoints:N0} points, the limit (raise it with {options.Hints.MaxPoints})."),
                        new InputLocation(source, lines.LineNumber));
                var cursor = new FieldCursor(line, shape.Delimiter, source, lines.LineNumber);
                var point = Coordinates.Reserve(dimensions);   // parsed in place; given back if the row is bad
                int j = 0, filled = 0;
                while ((filled < dimensions || all) && cursor.Next(out var field, out int start, out bool quoted))
                {
                    if (j >= width)
                    {
                        Coordinates.Unreserve(dimensions);
                        throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                            $"the row has more fields than the first data row ({width}); every row needs the same columns (or choose them with {options.Hints.Column})."),
                            At(source, lines.LineNumber, line, start));
                    }
                    int k = slot[j++];
                    if (k < 0) continue;
                    var status = quoted || field.Length > options.MaxFieldLength ? NumberStatus.Invalid : NumberText.TryParseDouble(field, out point[k]);
                    if (status != NumberStatus.Ok)
                    {
                        Coordinates.Unreserve(dimensions);
                        throw Bad(field, quoted, status, j - 1, At(source, lines.LineNumber, line, start));
                    }
                    filled++;
                }
                if (filled < dimensions)
                {
                    Coordinates.Unreserve(dimensions);
                    throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                        $"the row has {j} field{(j == 1 ? "" : "s")}, so there is no column {shape.NameOf(Missing(slot, j))}."),
                        new InputLocation(source, lines.LineNumber, 1 + Utf8Text.CountScalars(line)));
                }
                Count++;
            }
        }

        /// <summary>The length of the row with its line end when it is read at once, or −1 for the full way.</summary>
        private int FastRow(ReadOnlySpan<byte> rest, Span<double> point, byte delimiter, int maxLine)
        {
            var slot = layout.Slot;
            int width = layout.Width, at = 0;
            for (int j = 0; j < width; j++)
            {
                if (j > 0)
                {
                    if (at >= rest.Length || rest[at] != delimiter) return -1;
                    at++;
                }
                int k = slot[j];
                if (k >= 0)
                {
                    if (!NumberText.ScanNumber(rest[at..], out int used, out point[k])) return -1;
                    at += used;
                }
                else
                {
                    int e = rest[at..].IndexOfAny(delimiter, (byte)'"', (byte)'\n');
                    if (e < 0 || rest[at + e] != delimiter || rest[at..(at + e)].Contains((byte)'\r')) return -1;
                    at += e;
                }
            }
            return BlockLines.RowEnd(rest, at, delimiter, layout.All, maxLine);
        }

        private InvalidInputException Bad(ReadOnlySpan<byte> field, bool quoted, NumberStatus status, int column, InputLocation where)
        {
            var options = layout.Options;
            if (field.Length > options.MaxFieldLength) return ObservationReader.FieldTooLong(field, where, options);
            if (quoted) status = NumberText.TryParseDouble(field, out _) == NumberStatus.Ok ? NumberStatus.Invalid : status;
            string name = layout.Shape.NameOf(column);
            return new InvalidInputException(field.IsEmpty
                ? $"the field in column {name} is empty; every point needs a number in each chosen column."
                : $"{Utf8Text.Quote(field)} in column {name} {(quoted ? "is quoted; numbers are written without quotes" : NumberText.WhyNotANumber(field, status))}; each chosen column must hold numbers.",
                where);
        }
    }

    private static int Missing(int[] slot, int fields)
    {
        for (int j = fields; j < slot.Length; j++)
            if (slot[j] >= 0) return j;
        return slot.Length - 1;
    }

    private static InputLocation At(string source, long line, ReadOnlySpan<byte> text, int start) =>
        new(source, line, 1 + Utf8Text.CountScalars(text[..start]));
}
