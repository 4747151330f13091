using System.Globalization;
using Kullback.Fitting;
using Sylvan.Data.Csv;

namespace Kullback.Cli;

/// <summary>The data read from a file, what they were taken to be, and how that was decided.</summary>
/// <param name="Data">The empirical distribution (N known for counts and samples).</param>
/// <param name="Kind">Counts, probabilities or samples.</param>
/// <param name="Explanation">A sentence saying what was read and, when inferred, why and how to override it.</param>
internal sealed record Observations(DiscreteDistribution Data, InputKind Kind, string Explanation);

/// <summary>
/// Reads counts, probabilities or samples from CSV, TSV or plain text (Sylvan.Data.Csv), inferring which when not told.
/// Samples stream: memory grows with the number of distinct values, not of rows.
/// </summary>
internal static class ObservationFile
{
    private const int PeekLines = 200;

    /// <summary>Reads <paramref name="path"/> ("-" for standard input).</summary>
    /// <param name="path">The file, or "-".</param>
    /// <param name="kind">What the file holds; null to infer it.</param>
    /// <param name="column">For samples in a CSV file: a column name, or a 1-based index.</param>
    /// <param name="stdin">Standard input.</param>
    /// <param name="onOpen">Called with the byte counter and the file length once the file is open (for progress).</param>
    public static Observations Read(string path, InputKind? kind, string? column, TextReader stdin, Action<CountingStream, long>? onOpen = null)
    {
        string shown = path == Sources.StandardInput ? "<stdin>" : path;
        TextReader source;
        if (path == Sources.StandardInput) source = stdin;
        else
        {
            if (Directory.Exists(path)) throw new UsageException($"'{path}' is a directory, not a data file.");
            if (!File.Exists(path)) throw new UsageException($"data file '{path}' does not exist.");
            try
            {
                var counting = new CountingStream(File.OpenRead(path));
                onOpen?.Invoke(counting, new FileInfo(path).Length);
                source = new StreamReader(counting);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read data file '{path}': {e.Message}");
            }
        }

        using (source)
        {
            var peeked = new List<string>();
            while (peeked.Count < PeekLines && source.ReadLine() is { } line) peeked.Add(line);
            bool wholeFilePeeked = peeked.Count < PeekLines;
            var shape = Shape.Of(peeked, columnNamed: column is not null && !int.TryParse(column, out _));
            if (shape.DataLines.Count == 0) throw new UsageException($"{shown} holds no data: every line is blank or a # comment.");
            using var reader = new PrefixedReader(string.Join('\n', peeked) + "\n", source);

            string how;
            InputKind resolved;
            if (kind is { } given) { resolved = given; how = "as told by --as"; }
            else (resolved, how) = Infer(shape, column, wholeFilePeeked, shown);

            return resolved switch
            {
                InputKind.Samples => ReadSamples(reader, shape, column, shown, how),
                _ when shape.Columns == 2 && shape.Delimiter is not null => ReadPairs(reader, shape, resolved, kind is null, shown, how),
                _ => ReadBareList(reader, resolved, kind is null, shown, how),
            };
        }
    }

    /// <summary>What the first lines look like: delimiter, header, number of columns.</summary>
    private sealed record Shape(char? Delimiter, bool HasHeader, int Columns, IReadOnlyList<string[]> DataLines, string[]? Header)
    {
        /// <param name="lines">The first lines of the file.</param>
        /// <param name="columnNamed">--column gave a name (not a number), so there must be a header.</param>
        public static Shape Of(List<string> lines, bool columnNamed)
        {
            var meaningful = lines.Where(l => !string.IsNullOrWhiteSpace(l) && !l.TrimStart().StartsWith('#')).ToList();
            char? delimiter = meaningful.Any(l => l.Contains('\t')) ? '\t'
                : meaningful.Any(l => l.Contains(',')) ? ','
                : meaningful.Any(l => l.Contains(';')) ? ';' : null;
            string[] Split(string l) => delimiter is char d ? l.Split(d).Select(f => f.Trim().Trim('"')).ToArray()
                                                            : l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var rows = meaningful.Select(Split).ToList();
            // A header: --column gives a name, or some column is numeric in every later row but not in the first.
            bool header = rows.Count > 0 && (columnNamed
                || (rows.Count > 1 && Enumerable.Range(0, rows[0].Length).Any(j =>
                       !IsNumber(rows[0][j]) && rows.Skip(1).All(r => j < r.Length && IsNumber(r[j])))));
            var data = header ? rows.Skip(1).ToList() : rows;
            return new Shape(delimiter, header, data.Count > 0 ? data[0].Length : 0, data, header ? rows[0] : null);
        }
    }

    private static bool IsNumber(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    private static bool IsInteger(string s) => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);

    private static (InputKind, string) Infer(Shape shape, string? column, bool wholeFilePeeked, string shown)
    {
        const string overrideHint = "use --as to say otherwise";
        if (column is not null) return (InputKind.Samples, $"inferred: --column names a column of samples; {overrideHint}");
        if (shape.Delimiter is not null && shape.Columns == 2)
            return (InputKind.Counts, $"inferred: two columns read as value,count rows; {overrideHint}");   // probabilities decided once all are read
        if (shape.Delimiter is not null && shape.Columns > 2)
        {
            string names = shape.Header is { } h ? $" ({string.Join(", ", h.Take(6))})" : "";
            throw new UsageException($"{shown} has {shape.Columns} columns{names}: choose the column of samples with --column NAME or --column INDEX (1 = first).");
        }
        var fields = shape.DataLines.SelectMany(r => r).ToList();
        if (shape.DataLines.Any(r => r.Length > 1))
            return (InputKind.Counts, $"inferred: a list of numbers read as the counts of outcomes 0, 1, 2, …; {overrideHint}");
        if (fields.Any(f => !IsNumber(f)))
            return (InputKind.Samples, $"inferred: one labelled observation per row; {overrideHint}");
        if (fields.All(IsInteger))
        {
            bool repeats = fields.Distinct().Count() < fields.Count;
            if (repeats || !wholeFilePeeked)
                return (InputKind.Samples, $"inferred: one whole number per row{(repeats ? " with repeated values" : "")}, read as samples; {overrideHint}");
            return (InputKind.Counts, $"inferred: distinct whole numbers one per row, read as the counts of outcomes 0, 1, 2, …; {overrideHint}");
        }
        var values = fields.Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToList();
        if (values.All(v => v >= 0 && v <= 1) && wholeFilePeeked)
            return (InputKind.Probabilities, $"inferred: numbers in [0, 1], read as the probabilities of outcomes 0, 1, 2, …; {overrideHint}");
        return (InputKind.Samples, $"inferred: one number per row, read as samples; {overrideHint}");
    }

    private static Observations ReadSamples(TextReader reader, Shape shape, string? column, string shown, string how)
    {
        int index = ColumnIndex(shape, column, shown);
        var options = new CsvDataReaderOptions { HasHeaders = shape.HasHeader, Delimiter = shape.Delimiter ?? '\t', Comment = '#' };
        using var csv = CsvDataReader.Create(reader, options);
        var tally = new IntegerTally();
        Dictionary<string, long>? labels = null;
        List<string>? labelOrder = null;
        string? firstNonInteger = null;
        long rows = 0;
        while (csv.Read())
        {
            if (csv.RowFieldCount == 0) continue;
            if (index >= csv.RowFieldCount)
                throw new UsageException($"{shown}:{csv.RowNumber}: the row has {csv.RowFieldCount} fields, so there is no column {index + 1}.");
            var field = csv.GetFieldSpan(index).Trim();
            if (field.IsEmpty) continue;
            rows++;
            if (labels is null && long.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
            {
                tally.Add(value);
                continue;
            }
            if (labels is null)
            {
                firstNonInteger = $"'{field}' at {shown}:{csv.RowNumber}";
                (labels, labelOrder) = LabelsFrom(tally);
            }
            string label = field.ToString();
            if (labels.TryGetValue(label, out long c)) labels[label] = c + 1;
            else { labels[label] = 1; labelOrder!.Add(label); }
        }
        if (rows == 0) throw new UsageException($"{shown} holds no samples{(column is null ? "" : $" in column {column}")}.");
        string from = column is null ? "" : $" from column {ColumnName(shape, index)}";
        if (labels is null)
            return new Observations(tally.ToDistribution(), InputKind.Samples, $"Read {rows} samples{from} ({how}).");
        var data = DiscreteDistribution.FromCounts(labelOrder!.Select(Outcome.Of).ToArray(), labelOrder!.Select(l => (double)labels[l]).ToArray());
        return new Observations(data, InputKind.Samples,
            $"Read {rows} samples{from} ({how}); {firstNonInteger} is not a whole number, so the outcomes are treated as labels.");
    }

    /// <summary>The integers counted so far, as labels with the same counts (when a later row turns out not to be an integer).</summary>
    private static (Dictionary<string, long>, List<string>) LabelsFrom(IntegerTally tally)
    {
        var labels = new Dictionary<string, long>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (value, count) in tally.Entries())
        {
            string label = value.ToString(CultureInfo.InvariantCulture);
            labels[label] = count;
            order.Add(label);
        }
        return (labels, order);
    }

    private static int ColumnIndex(Shape shape, string? column, string shown)
    {
        if (column is null) return 0;
        if (int.TryParse(column, NumberStyles.Integer, CultureInfo.InvariantCulture, out int oneBased))
        {
            if (oneBased < 1 || oneBased > Math.Max(shape.Columns, 1))
                throw new UsageException($"--column {column} is out of range: {shown} has {shape.Columns} column(s), numbered from 1.");
            return oneBased - 1;
        }
        if (shape.Header is null)
            throw new UsageException($"--column '{column}' names a column, but {shown} has no header row; give its number (1 = first) instead.");
        int found = Array.FindIndex(shape.Header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        if (found < 0)
            throw new UsageException($"{shown} has no column {InputText.Quote(column)}; its columns are {string.Join(", ", shape.Header.Select(h => InputText.Quote(h)))}.");
        return found;
    }

    private static string ColumnName(Shape shape, int index) =>
        shape.Header is { } h && index < h.Length ? $"'{h[index]}'" : (index + 1).ToString(CultureInfo.InvariantCulture);

    private static Observations ReadPairs(TextReader reader, Shape shape, InputKind kind, bool inferred, string shown, string how)
    {
        var options = new CsvDataReaderOptions { HasHeaders = shape.HasHeader, Delimiter = shape.Delimiter, Comment = '#' };
        using var csv = CsvDataReader.Create(reader, options);
        var outcomes = new List<Outcome>();
        var weights = new List<double>();
        var seen = new Dictionary<Outcome, int>();
        while (csv.Read())
        {
            if (csv.RowFieldCount == 0 || (csv.RowFieldCount == 1 && csv.GetFieldSpan(0).Trim().IsEmpty)) continue;
            if (csv.RowFieldCount < 2)
                throw new UsageException($"{shown}:{csv.RowNumber}: expected value,count but found one field '{csv.GetString(0)}'.");
            string valueText = csv.GetString(0).Trim();
            var outcome = long.TryParse(valueText, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? Outcome.Of(v) : Outcome.Of(valueText);
            if (!seen.TryAdd(outcome, csv.RowNumber))
                throw new UsageException($"{shown}:{csv.RowNumber}: the value {outcome} appears again (first at line {seen[outcome]}); give each value once.");
            weights.Add(ParseWeight(csv.GetString(1).Trim(), shown, csv.RowNumber, kind));
            outcomes.Add(outcome);
        }
        return Build(outcomes, weights, kind, inferred, shown, how, $"{outcomes.Count} value,{(kind == InputKind.Probabilities ? "probability" : "count")} rows");
    }

    private static Observations ReadBareList(TextReader reader, InputKind kind, bool inferred, string shown, string how)
    {
        double[] values = ProbabilityFile.Parse(reader, shown);
        var outcomes = Enumerable.Range(0, values.Length).Select(i => Outcome.Of(i)).ToList();
        return Build(outcomes, [.. values], kind, inferred, shown, how, $"{values.Length} {(kind == InputKind.Probabilities ? "probabilities" : "counts")} of outcomes 0…{values.Length - 1}");
    }

    private static Observations Build(List<Outcome> outcomes, List<double> weights, InputKind kind, bool inferred, string shown, string how, string what)
    {
        if (outcomes.Count == 0) throw new UsageException($"{shown} holds no data rows.");
        if (weights.All(w => w == 0)) throw new UsageException($"{shown}: every count is 0; at least one outcome must have been seen.");
        double sum = weights.Sum();
        bool integral = weights.All(w => w == Math.Floor(w));
        if (inferred && kind == InputKind.Counts && !integral && Math.Abs(sum - 1) <= 1e-6)
        {
            kind = InputKind.Probabilities;
            how = how.Replace("value,count rows", "value,probability rows (they sum to 1)").Replace("the counts of", "the probabilities of");
            what = what.Replace("counts", "probabilities").Replace("count", "probability");
        }
        if (kind == InputKind.Probabilities)
        {
            ProbabilityFile.CheckSum([.. weights], shown, areCounts: false, hint: "--as counts");
            return new Observations(DiscreteDistribution.FromProbabilities(outcomes, [.. weights]), kind,
                $"Read {what} ({how}); N is unknown, so fits are ranked by D(P‖Q).");
        }
        var data = DiscreteDistribution.FromCounts(outcomes, [.. weights]);
        string n = data.ObservationCount is long count ? $"N = {count}" : "non-integer weights, so N is unknown";
        return new Observations(data, InputKind.Counts, $"Read {what}, {n} ({how}).");
    }

    private static double ParseWeight(string text, string shown, int line, InputKind kind)
    {
        string noun = kind == InputKind.Probabilities ? "probability" : "count";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double w))
            throw new UsageException($"{shown}:{line}:2: '{text}' is not a number; expected value,{noun} rows such as 3,17.");
        if (!double.IsFinite(w) || w < 0)
            throw new UsageException($"{shown}:{line}:2: '{text}' is not a valid {noun}: it must be a finite number ≥ 0.");
        return w;
    }
}
