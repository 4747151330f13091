using System.Globalization;

namespace Kullback.Data.Input;

/// <summary>
/// Reads points for the nearest-neighbour estimators: one point per row, one coordinate per chosen column (all
/// columns when none is chosen), into one flat row-major array.
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

        // slot[j] = position of field j among the coordinates, or -1 when it is not chosen.
        int width = all ? shape.Columns : chosen.Max() + 1;
        var slot = Enumerable.Repeat(-1, width).ToArray();
        for (int k = 0; k < chosen.Length; k++)
        {
            if (slot[chosen[k]] >= 0)
                throw new InvalidInputException($"column {shape.NameOf(chosen[k])} is chosen twice; choose each column once.", new InputLocation(lines.Source));
            slot[chosen[k]] = k;
        }

        int dimensions = chosen.Length;
        var coordinates = new ChunkedBuffer<double>();
        Span<double> point = dimensions <= 64 ? stackalloc double[dimensions] : new double[dimensions];
        long points = 0;
        while (lines.TryReadLine(out var line))
        {
            if (Utf8Text.IsBlankOrComment(line) || lines.LineNumber == shape.HeaderLine) continue;
            var cursor = new FieldCursor(line, shape.Delimiter, lines.Source, lines.LineNumber);
            int j = 0, filled = 0;
            while (filled < dimensions || all)
            {
                if (!cursor.Next(out var field, out int start, out bool quoted)) break;
                int k = j < width ? slot[j] : -1;
                if (all && j >= width)
                    throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                        $"the row has more fields than the first data row ({width}); every row needs the same columns (or choose them with {options.Hints.Column})."),
                        At(lines, line, start));
                j++;
                if (k < 0) continue;
                if (field.Length > options.MaxFieldLength) throw ObservationReader.FieldTooLong(field, At(lines, line, start), options);
                var status = quoted ? NumberStatus.Invalid : NumberText.TryParseDouble(field, out point[k]);
                if (status != NumberStatus.Ok)
                    throw new InvalidInputException(field.IsEmpty
                        ? $"the field in column {shape.NameOf(j - 1)} is empty; every point needs a number in each chosen column."
                        : $"{Utf8Text.Quote(field)} in column {shape.NameOf(j - 1)} {NumberText.WhyNotANumber(field, status)}; every chosen column must hold numbers, one coordinate per column.",
                        At(lines, line, start));
                filled++;
            }
            if (filled < dimensions)
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                    $"the row has {j} field{(j == 1 ? "" : "s")}, so there is no column {shape.NameOf(Missing(slot, j))}."),
                    new InputLocation(lines.Source, lines.LineNumber, 1 + Utf8Text.CountScalars(line)));
            if (points >= options.MaxPoints)
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                    $"more than {options.MaxPoints:N0} points, the limit (raise it with {options.Hints.MaxPoints})."),
                    new InputLocation(lines.Source, lines.LineNumber));
            foreach (double x in point) coordinates.Add(x);
            points++;
        }
        if (points == 0) throw new InvalidInputException("the input holds no points.", new InputLocation(lines.Source));
        return new PointSet(lines.Source, coordinates.ToArray(), dimensions, names);
    }

    private static int Missing(int[] slot, int fields)
    {
        for (int j = fields; j < slot.Length; j++)
            if (slot[j] >= 0) return j;
        return slot.Length - 1;
    }

    private static InputLocation At(LineReader lines, ReadOnlySpan<byte> line, int start) =>
        new(lines.Source, lines.LineNumber, 1 + Utf8Text.CountScalars(line[..start]));
}
