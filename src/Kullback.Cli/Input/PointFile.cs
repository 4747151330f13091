using System.Globalization;
using Sylvan.Data.Csv;

namespace Kullback.Cli;

/// <summary>Reads points (one per row, one coordinate per column) from a CSV/TSV file for the sample-based estimators.</summary>
internal static class PointFile
{
    /// <param name="path">The file.</param>
    /// <param name="columns">Comma-separated column names or 1-based numbers; null for every column.</param>
    public static List<double[]> Read(string path, string? columns, Terminal terminal)
    {
        if (!File.Exists(path)) throw new UsageException($"sample file '{path}' does not exist.");
        string? first;
        try { first = File.ReadLines(path).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l) && !l.TrimStart().StartsWith('#')); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new UsageException($"cannot read sample file '{path}': {e.Message}"); }
        if (first is null) throw new UsageException($"{path} holds no samples.");
        char delimiter = first.Contains('\t') ? '\t' : first.Contains(',') ? ',' : first.Contains(';') ? ';' : ' ';
        bool header = first.Split(delimiter, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                           .Any(f => !double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _));

        using var csv = CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = header, Delimiter = delimiter, Comment = '#' });
        int[] selected = SelectColumns(csv, header, columns, path);
        var points = new List<double[]>();
        while (csv.Read())
        {
            if (csv.RowFieldCount == 0 || (csv.RowFieldCount == 1 && csv.GetFieldSpan(0).Trim().IsEmpty)) continue;
            var point = new double[selected.Length];
            for (int j = 0; j < selected.Length; j++)
            {
                int c = selected[j];
                if (c >= csv.RowFieldCount)
                    throw new UsageException($"{path}:{csv.RowNumber}: the row has {csv.RowFieldCount} fields, so there is no column {c + 1}.");
                var field = csv.GetFieldSpan(c).Trim();
                if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out point[j]) || !double.IsFinite(point[j]))
                    throw new UsageException($"{path}:{csv.RowNumber}:{c + 1}: '{field}' is not a finite number; every selected column must hold coordinates.");
            }
            points.Add(point);
        }
        return points;
    }

    private static int[] SelectColumns(CsvDataReader csv, bool header, string? columns, string path)
    {
        int count = csv.FieldCount;
        if (columns is null) return Enumerable.Range(0, count).ToArray();
        return columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c =>
        {
            if (int.TryParse(c, NumberStyles.Integer, CultureInfo.InvariantCulture, out int oneBased))
                return oneBased >= 1 && oneBased <= count ? oneBased - 1 : throw new UsageException($"--column {c} is out of range: {path} has {count} column(s), numbered from 1.");
            if (!header) throw new UsageException($"--column '{c}' names a column, but {path} has no header row; give its number instead.");
            for (int i = 0; i < count; i++)
                if (string.Equals(csv.GetName(i), c, StringComparison.OrdinalIgnoreCase)) return i;
            throw new UsageException($"{path} has no column '{c}'; its columns are {string.Join(", ", Enumerable.Range(0, count).Select(csv.GetName))}.");
        }).ToArray();
    }
}
