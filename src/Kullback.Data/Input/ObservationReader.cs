using System.Globalization;

namespace Kullback.Data.Input;

/// <summary>
/// Reads observations for <c>fit</c> and <c>sweep</c>: <c>value,count</c> rows, a bare list of counts or
/// probabilities for the outcomes 0, 1, 2, …, or samples (one per row, one column of a table, or every number of a
/// blank-separated list), inferring which when not told and saying how in one sentence.
/// </summary>
/// <remarks>
/// Inference, from the first rows (see <see cref="TableShape"/>): a chosen column holds samples; two delimited columns
/// are <c>value,count</c> rows (probabilities when the second column is not whole and sums to 1 within 1e-6); more
/// delimited columns need a column; several numbers on a blank-separated line are a bare list of counts; one field per
/// row is a sample unless every field is a number and the whole file was looked at, when distinct whole numbers are
/// counts and numbers in [0, 1] are probabilities. A sample is a whole number (<c>[+|-] digits</c>, within the range of
/// a 64-bit integer) or, from the first one that is not, every sample is a label; labels that look like numbers with a
/// decimal comma are refused. Empty sample fields are skipped and counted in the explanation.
/// </remarks>
internal static class ObservationReader
{
    public static Observations Read(InputSource source, ObservationKind? kind, ColumnSelector? column, InputOptions options)
    {
        using var lines = new LineReader(source, options);
        var hints = options.Hints;
        var shape = TableShape.Learn(lines, headerRequired: column is { Name: not null }, options);
        if (shape.DataRows.Count == 0)
            throw new InvalidInputException("the input holds no data: every line is blank, a # comment or a header.", new InputLocation(lines.Source));

        string how;
        ObservationKind resolved;
        if (kind is { } given)
        {
            resolved = given;
            how = $"as told by {hints.Kind}";
        }
        else (resolved, how) = Infer(shape, column, lines.Source, hints);

        if (resolved == ObservationKind.Samples) return ReadSamples(lines, shape, column, how, kind is null, options);
        if (shape.Delimiter != Delimiter.Blanks && shape.Columns == 2) return ReadPairs(lines, shape, resolved, kind is null, how, options);
        if (shape.Delimiter != Delimiter.Blanks && shape.Columns > 2) throw NeedsColumn(shape, lines.Source, hints);
        return ReadBareList(lines, resolved, kind is null, how, options);
    }

    private static (ObservationKind, string) Infer(TableShape shape, ColumnSelector? column, string source, InputHints hints)
    {
        string sayOtherwise = $"use {hints.Kind} to say otherwise";
        if (column is not null) return (ObservationKind.Samples, $"inferred: {hints.Column} names a column of samples; {sayOtherwise}");
        if (shape.Delimiter != Delimiter.Blanks && shape.Columns == 2)
            return (ObservationKind.Counts, $"inferred: two columns read as value,count rows; {sayOtherwise}");
        if (shape.Delimiter != Delimiter.Blanks && shape.Columns > 2) throw NeedsColumn(shape, source, hints);
        if (shape.DataRows.Any(r => r.Fields.Length > 1))
            return (ObservationKind.Counts, $"inferred: a list of numbers read as the counts of outcomes 0, 1, 2, …; {sayOtherwise}");
        var fields = shape.DataRows.Select(r => r.Fields.Length > 0 ? r.Fields[0] : []).ToList();
        if (fields.Any(f => NumberText.TryParseDouble(f, out _) != NumberStatus.Ok))
            return (ObservationKind.Samples, $"inferred: one labelled observation per row; {sayOtherwise}");
        if (fields.All(f => NumberText.TryParseInt64(f, out _) == NumberStatus.Ok))
        {
            bool repeats = fields.Select(f => Convert.ToHexString(f)).Distinct().Count() < fields.Count;
            if (repeats || !shape.WholeSource)
                return (ObservationKind.Samples, $"inferred: one whole number per row{(repeats ? " with repeated values" : "")}, read as samples; {sayOtherwise}");
            return (ObservationKind.Counts, $"inferred: distinct whole numbers one per row, read as the counts of outcomes 0, 1, 2, …; {sayOtherwise}");
        }
        if (shape.WholeSource && fields.All(f => NumberText.TryParseDouble(f, out double v) == NumberStatus.Ok && v is >= 0 and <= 1))
            return (ObservationKind.Probabilities, $"inferred: numbers in [0, 1], read as the probabilities of outcomes 0, 1, 2, …; {sayOtherwise}");
        return (ObservationKind.Samples, $"inferred: one number per row, read as samples; {sayOtherwise}");
    }

    private static InvalidInputException NeedsColumn(TableShape shape, string source, InputHints hints) =>
        new(string.Create(CultureInfo.InvariantCulture,
                $"there are {shape.Columns} columns ({shape.ColumnList()}): choose the column of samples with {hints.Column} NAME or {hints.Column} INDEX (1 = first)."),
            new InputLocation(source, shape.DataRows[0].Line));

    private static Observations ReadSamples(LineReader lines, TableShape shape, ColumnSelector? column, string how, bool inferred, InputOptions options)
    {
        // A blank-separated list without a chosen column: every field is a sample.
        bool everyField = column is null && shape.Delimiter == Delimiter.Blanks;
        if (column is null && !everyField && shape.Columns > 1) throw NeedsColumn(shape, lines.Source, options.Hints);
        int index = column is { } c ? shape.IndexOf(c, lines.Source, options.Hints.Column) : 0;
        var layout = new SampleLayout(shape, index, everyField, options, lines);

        while (lines.LineNumber < shape.HeaderLine && lines.TryReadLine(out _)) { }
        var main = new SampleParser(layout);
        while (lines.TryReadBlock(BlockLines.BlockBytes, out var block, out long firstLine))
        {
            // Two cores while every sample is a whole number; labels (and the limit's exact place) read on one.
            if (main.Tally.IsLabels || !BlockLines.TrySplit(block.Span, out int split))
            {
                main.Parse(block.Span, firstLine);
                continue;
            }
            var second = new SampleParser(layout);
            bool secondDone = BlockLines.InHalves(block, split, firstLine,
                (half, line) => main.Parse(half, line), (half, line) => second.Parse(half, line), out long secondLine);
            if (secondDone && !main.Tally.IsLabels && !second.Tally.IsLabels && main.Tally.Distinct + second.Tally.Distinct <= options.MaxDistinctValues)
                main.Merge(second);
            else
                main.Parse(block.Span[split..], secondLine);   // in order, on this core: the same result and errors as one core gives
        }
        var tally = main.Tally;
        string where2 = column is null ? "" : $" in column {shape.NameOf(index)}";
        if (tally.Count == 0) throw new InvalidInputException($"the input holds no samples{where2}.", new InputLocation(lines.Source));
        string from = column is null ? "" : $" from column {shape.NameOf(index)}";
        long skipped = main.Skipped;
        string empties = skipped == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; {skipped} empty field{(skipped == 1 ? " was" : "s were")} skipped");
        string text = string.Create(CultureInfo.InvariantCulture, $"Read {tally.Count} samples{from} ({how}){empties}");
        if (tally.IsLabels) text += $"; {tally.FirstLabel} is not a whole number, so the outcomes are treated as labels";
        return new Observations(tally.ToDistribution(), ObservationKind.Samples, text + ".", inferred);
    }

    /// <summary>Which field of a row is a sample (or every field).</summary>
    private sealed record SampleLayout(TableShape Shape, int Index, bool EveryField, InputOptions Options, LineReader Lines);

    /// <summary>Tallies the samples of lines; one per half of a block.</summary>
    private sealed class SampleParser(SampleLayout layout)
    {
        public SampleTally Tally { get; } = new(layout.Options);

        public long Skipped { get; private set; }

        public void Merge(SampleParser other)
        {
            Tally.Merge(other.Tally);
            Skipped += other.Skipped;
        }

        public void Parse(ReadOnlySpan<byte> block, long firstLine)
        {
            var shape = layout.Shape;
            int index = layout.Index;
            bool everyField = layout.EveryField;
            var options = layout.Options;
            string source = layout.Lines.Source;
            var lines = new BlockLines(block, firstLine, layout.Lines);
            byte delimiter = (byte)shape.Delimiter;   // 0 for blanks: never in checked text, so never matched
            bool fast = (index == 0 || everyField) && BlockLines.FastRows;   // with blanks as delimiter (0) a second sample on the row goes the full way
            int maxLine = layout.Lines.MaxLineLength;
            while (true)
            {
                if (fast && !Tally.IsLabels)
                {
                    // The usual row, read as it is scanned: a whole number first, then a delimiter or the line end.
                    var rest = lines.Rest;
                    if (NumberText.ScanWhole(rest, out int used, out long value))
                    {
                        int end = BlockLines.RowEnd(rest, used, delimiter, exact: false, maxLine);
                        if (end > 0)
                        {
                            Tally.AddWhole(value, new Place(source, lines.LineNumber + 1, default, 0));
                            lines.Consumed(end);
                            continue;
                        }
                    }
                }
                if (!lines.Next(out var line)) break;
                if (Utf8Text.IsBlankOrComment(line)) continue;
                var cursor = new FieldCursor(line, shape.Delimiter, source, lines.LineNumber);
                int j = 0;
                bool found = false;
                while (cursor.Next(out var field, out int start, out bool quoted))
                {
                    if (!everyField && j++ != index) continue;
                    found = true;
                    if (field.IsEmpty)
                    {
                        Skipped++;
                        if (!everyField) break;
                        continue;
                    }
                    var place = new Place(source, lines.LineNumber, line, start);
                    if (field.Length > options.MaxFieldLength) throw FieldTooLong(field, place.Location, options);
                    Tally.Add(field, quoted, place);
                    if (!everyField) break;
                }
                if (!found && !everyField)
                    throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                        $"the row has {j} field{(j == 1 ? "" : "s")}, so there is no column {index + 1}."),
                        new InputLocation(source, lines.LineNumber, 1 + Utf8Text.CountScalars(line)));
            }
        }
    }

    private static Observations ReadPairs(LineReader lines, TableShape shape, ObservationKind kind, bool inferred, string how, InputOptions options)
    {
        string noun = kind == ObservationKind.Probabilities ? "probability" : "count";
        var outcomes = new List<Outcome>();
        var weights = new List<double>();
        var seen = new Dictionary<Outcome, long>();
        while (lines.TryReadLine(out var line))
        {
            if (Utf8Text.IsBlankOrComment(line) || lines.LineNumber == shape.HeaderLine) continue;
            var cursor = new FieldCursor(line, shape.Delimiter, lines.Source, lines.LineNumber);
            if (!cursor.Next(out var valueText, out int valueStart, out bool valueQuoted)
                || !cursor.Next(out var weightText, out int weightStart, out _))
                throw new InvalidInputException($"expected value,{noun} but the row has one field.", At(lines, line, 0));
            if (cursor.Next(out _, out int extra, out _))
                throw new InvalidInputException($"expected value,{noun} but the row has more than two fields.", At(lines, line, extra));
            if (valueText.Length > options.MaxFieldLength) throw FieldTooLong(valueText, At(lines, line, valueStart), options);
            if (weightText.Length > options.MaxFieldLength) throw FieldTooLong(weightText, At(lines, line, weightStart), options);

            Outcome outcome;
            long whole = 0;
            var status = valueQuoted ? NumberStatus.Invalid : NumberText.TryParseInt64(valueText, out whole);
            if (status == NumberStatus.Ok) outcome = Outcome.Of(whole);
            else if (status == NumberStatus.OutOfRange)
                throw new InvalidInputException($"{Utf8Text.Quote(valueText)} {NumberText.WhyNotANumber(valueText, status)}.", At(lines, line, valueStart));
            else if (valueText.IsEmpty) throw new InvalidInputException("the value is empty; every row needs a value.", At(lines, line, valueStart));
            else if (!valueQuoted && NumberText.LooksLikeCommaNumber(valueText))
                throw new InvalidInputException($"{Utf8Text.Quote(valueText)} {NumberText.WhyNotANumber(valueText, NumberStatus.Invalid)}.", At(lines, line, valueStart));
            else outcome = Outcome.Of(valueQuoted ? FieldCursor.Unescape(valueText) : Utf8Text.Decode(valueText));

            var weightStatus = NumberText.TryParseDouble(weightText, out double weight);
            if (weightStatus != NumberStatus.Ok)
                throw new InvalidInputException(
                    $"{Utf8Text.Quote(weightText)} {NumberText.WhyNotANumber(weightText, weightStatus)}; expected value,{noun} rows such as 3,17.", At(lines, line, weightStart));
            if (weight < 0)
                throw new InvalidInputException($"{Utf8Text.Quote(weightText)} is not a valid {noun}: it must be a finite number ≥ 0.", At(lines, line, weightStart));
            // A count past 2⁵³ is kept as its nearest double; N is then unknown (the fits rank by D(P‖Q)).
            if (!seen.TryAdd(outcome, lines.LineNumber))
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                    $"the value {InputText.Quote(outcome.Label)} appears again (first at line {seen[outcome]}); give each value once."), At(lines, line, valueStart));
            if (outcomes.Count >= options.MaxDistinctValues)
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                    $"more than {options.MaxDistinctValues:N0} value,{noun} rows, the limit for distinct values (raise it with {options.Hints.MaxDistinctValues})."),
                    At(lines, line, 0));
            outcomes.Add(outcome);
            weights.Add(weight);
        }
        if (outcomes.Count == 0) throw new InvalidInputException("the input holds no data rows.", new InputLocation(lines.Source));
        string what = string.Create(CultureInfo.InvariantCulture, $"{outcomes.Count} value,{noun} rows");
        return Build(outcomes, [.. weights], kind, inferred, how, what, lines.Source, options);
    }

    private static Observations ReadBareList(LineReader lines, ObservationKind kind, bool inferred, string how, InputOptions options)
    {
        double[] values = VectorReader.Read(lines, VectorKind.Weights, options, options.MaxDistinctValues, options.Hints.MaxDistinctValues, "distinct outcomes");
        var outcomes = new Outcome[values.Length];
        for (int i = 0; i < outcomes.Length; i++) outcomes[i] = Outcome.Of(i);
        string noun = kind == ObservationKind.Probabilities ? "probabilities" : "counts";
        string what = string.Create(CultureInfo.InvariantCulture, $"{values.Length} {noun} of outcomes 0…{values.Length - 1}");
        return Build(outcomes, values, kind, inferred, how, what, lines.Source, options);
    }

    private static Observations Build(IReadOnlyList<Outcome> outcomes, double[] weights, ObservationKind kind, bool inferred, string how, string what,
                                      string source, InputOptions options)
    {
        var where = new InputLocation(source);
        var compensated = new CompensatedSum();
        bool integral = true, anyPositive = false;
        long total = 0;
        bool totalOverflow = false;
        foreach (double w in weights)
        {
            compensated.Add(w);
            anyPositive |= w > 0;
            if (w != Math.Floor(w) || w > 9007199254740992.0) integral = false;   // weights beyond 2^53 were written as decimals
            else if (!totalOverflow)
            {
                if (w > long.MaxValue || (total += (long)w) < 0) totalOverflow = true;
            }
        }
        if (!anyPositive) throw new InvalidInputException("every count is 0; at least one outcome must have been seen.", where);
        // Counts whose sum passes the largest double are fine as weights: the measures scale them exactly.
        double sum = compensated.Overflowed ? double.PositiveInfinity : compensated.Total;
        if (inferred && kind == ObservationKind.Counts && !integral && Math.Abs(sum - 1) <= 1e-6)
        {
            kind = ObservationKind.Probabilities;
            how = how.Replace("value,count rows", "value,probability rows (they sum to 1)", StringComparison.Ordinal)
                     .Replace("the counts of", "the probabilities of", StringComparison.Ordinal);
            what = what.Replace("counts", "probabilities", StringComparison.Ordinal).Replace("count", "probability", StringComparison.Ordinal);
        }
        try
        {
            if (kind == ObservationKind.Probabilities)
            {
                if (Math.Abs(sum - 1.0) > DiscreteDistribution.ProbabilitySumTolerance)
                {
                    double off = sum - 1.0;
                    throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                        $"the probabilities sum to {sum:R} ({Math.Abs(off):G3} {(off < 0 ? "short of" : "over")} 1; the tolerance is 1e-9). If these are counts or weights, use {options.Hints.Kind} counts."),
                        where);
                }
                return new Observations(DiscreteDistribution.FromProbabilities(outcomes, weights), kind,
                    $"Read {what} ({how}); N is unknown, so fits are ranked by D(P‖Q).", inferred);
            }
            var data = DiscreteDistribution.FromCounts(outcomes, weights);
            string n = data.ObservationCount is long count
                ? string.Create(CultureInfo.InvariantCulture, $"N = {count}")
                : integral && !totalOverflow ? "non-integer weights, so N is unknown"
                : "counts too large for N to be exact (past 2^53 each or 2^63 in all), so N is unknown";
            return new Observations(data, ObservationKind.Counts, $"Read {what}, {n} ({how}).", inferred);
        }
        catch (InvalidArgumentException e)
        {
            throw new InvalidInputException(e.Reason, where, e);
        }
    }

    private static InputLocation At(LineReader lines, ReadOnlySpan<byte> line, int start) =>
        new(lines.Source, lines.LineNumber, 1 + Utf8Text.CountScalars(line[..start]));

    internal static InvalidInputException FieldTooLong(ReadOnlySpan<byte> field, InputLocation where, InputOptions options) =>
        new(string.Create(CultureInfo.InvariantCulture,
                $"a field of {field.Length:N0} bytes, longer than the limit of {options.MaxFieldLength:N0} (raise it with {options.Hints.MaxFieldLength}): {Utf8Text.Quote(field)}."),
            where);
}
