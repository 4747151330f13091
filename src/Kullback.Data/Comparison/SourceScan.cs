using System.Globalization;
using Kullback.Comparison;
using Kullback.Data.Engines;

namespace Kullback.Data.Comparison;

/// <summary>
/// One source being scanned for a comparison: its engine, the queries in its dialect, and what the overview scan found
/// (rows; per column the missing count, distinct count, minimum, maximum and standard deviation).
/// </summary>
internal sealed class SourceScan(IQueryEngine engine, IReadOnlyList<ColumnPlan> plans)
{
    private readonly Dictionary<string, ColumnOverview> _overview = new(StringComparer.Ordinal);

    private sealed record ColumnOverview(long Missing, long Distinct, double Minimum, double Maximum, double StandardDeviation, double Mean);

    public IQueryEngine Engine { get; } = engine;

    public ScanQueries Queries { get; } = new(SqlSpellings.For(engine.Dialect), engine.FromWhere);

    public long Rows { get; private set; }

    public long Missing(ColumnPlan plan) => _overview[plan.Name].Missing;

    public long Present(ColumnPlan plan) => Rows - Missing(plan);

    public long Distinct(ColumnPlan plan) => _overview[plan.Name].Distinct;

    public double Minimum(ColumnPlan plan) => _overview[plan.Name].Minimum;

    public double Maximum(ColumnPlan plan) => _overview[plan.Name].Maximum;

    public double StandardDeviation(ColumnPlan plan) => _overview[plan.Name].StandardDeviation;

    public double Mean(ColumnPlan plan) => _overview[plan.Name].Mean;

    /// <summary>The overview scan: one query over every column.</summary>
    public async Task OverviewAsync(CancellationToken cancellationToken)
    {
        var row = await SingleRowAsync(Queries.Overview(plans), cancellationToken).ConfigureAwait(false);
        Rows = row.GetInt64(0);
        int i = 1;
        foreach (var plan in plans)
        {
            long missing = row.GetInt64(i++), distinct = row.GetInt64(i++);
            double minimum = double.NaN, maximum = double.NaN, deviation = 0, mean = double.NaN;
            if (plan.Kind == ColumnKind.Numeric)
            {
                minimum = Number(row, i++);
                maximum = Number(row, i++);
                deviation = Number(row, i++);
                mean = Number(row, i++);
                if (double.IsNaN(deviation)) deviation = 0;
            }
            _overview[plan.Name] = new ColumnOverview(missing, distinct, minimum, maximum, deviation, mean);
        }
    }

    /// <summary>The column's bin edges from this source (the reference): per value when there are few, else by the rule.</summary>
    public async Task<NumericBinEdges> EdgesAsync(ColumnPlan plan, NumericBinningOptions options, CancellationToken cancellationToken)
    {
        var overview = _overview[plan.Name];
        if (overview.Distinct == 0) return new NumericBinEdges([], options.Rule);
        if (overview.Distinct <= options.PerValueThreshold)
        {
            var values = new List<double>();
            await foreach (var row in Engine.QueryAsync(Queries.DistinctValues(plan), cancellationToken).ConfigureAwait(false))
                values.Add(row.GetDouble(0));
            return NumericBinning.FromDistinctValues([.. values]);
        }
        if (options.Auto)
        {
            double[] quartiles = await QuantilesAsync(plan, [0.25, 0.75], cancellationToken).ConfigureAwait(false);
            return NumericBinning.Auto(new AutoBinningSummary(Present(plan), overview.Minimum, overview.Maximum, quartiles[0], quartiles[1], Skewness: 0),
                                       options.AutoMaximumBins);
        }
        if (options.Rule == BinningRule.Width) return NumericBinning.Width(overview.Minimum, overview.Maximum, options.BinCount);
        return NumericBinning.FromQuantiles(await QuantilesAsync(plan, NumericBinning.QuantileProbabilities(options.BinCount), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Type-1 quantiles at <paramref name="probabilities"/>, in order.</summary>
    public async Task<double[]> QuantilesAsync(ColumnPlan plan, IReadOnlyList<double> probabilities, CancellationToken cancellationToken)
    {
        var values = new List<double>(probabilities.Count);
        await foreach (var row in Engine.QueryAsync(Queries.Quantiles(plan, probabilities), cancellationToken).ConfigureAwait(false))
            values.Add(row.GetDouble(0));
        if (values.Count != probabilities.Count)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"the engine returned {values.Count} quantiles of {InputText.Quote(plan.Name)} for {probabilities.Count} probabilities."), Engine.Source.Location);
        values.Sort();   // the engines return them in order; sorting guards against an engine that does not
        return [.. values];
    }

    /// <summary>Every numeric column's counts in its bins, from one scan.</summary>
    public async Task<Dictionary<string, long[]>> NumericCountsAsync(IReadOnlyDictionary<string, NumericBinEdges> edges, CancellationToken cancellationToken)
    {
        var columns = plans.Where(p => p.Kind == ColumnKind.Numeric).Select(p => (p, edges[p.Name])).ToList();
        var result = new Dictionary<string, long[]>(StringComparer.Ordinal);
        if (columns.Count == 0) return result;
        var row = await SingleRowAsync(Queries.NumericCounts(columns), cancellationToken).ConfigureAwait(false);
        int i = 0;
        foreach (var (plan, columnEdges) in columns)
        {
            var counts = new long[columnEdges.Bins.Length];
            for (int b = 0; b < counts.Length; b++) counts[b] = row.GetInt64(i++);
            result[plan.Name] = counts;
        }
        return result;
    }

    /// <summary>The most frequent categories with their counts, and how many values fall outside the list.</summary>
    public async Task<(List<KeyValuePair<string, long>> Listed, long Unlisted)> ValueCountsAsync(ColumnPlan plan, int limit, CancellationToken cancellationToken)
    {
        var listed = new List<KeyValuePair<string, long>>();
        long sum = 0;
        await foreach (var row in Engine.QueryAsync(Queries.ValueCounts(plan, limit), cancellationToken).ConfigureAwait(false))
        {
            long n = row.GetInt64(1);
            listed.Add(new(row.GetString(0), n));
            sum += n;
        }
        return (listed, Math.Max(0, Present(plan) - sum));
    }

    /// <summary>The column's counts in the cells of a fine histogram (underflow, cells, overflow, missing = 0).</summary>
    public async Task<long[]> FineCountsAsync(ColumnPlan plan, NumericBinEdges fine, CancellationToken cancellationToken)
    {
        var counts = new long[fine.Bins.Length];   // the last, missing bin stays 0: missing values are in the column's own histogram
        await foreach (var row in Engine.QueryAsync(Queries.FineCounts(plan, fine.Edges), cancellationToken).ConfigureAwait(false))
        {
            long bucket = row.GetInt64(0);
            if (bucket < 0 || bucket > fine.Edges.Length)
                throw new InvalidInputException($"the engine put a value of {InputText.Quote(plan.Name)} in a bin that does not exist.", Engine.Source.Location);
            counts[bucket] = row.GetInt64(1);
        }
        return counts;
    }

    private async Task<ResultRow> SingleRowAsync(string sql, CancellationToken cancellationToken)
    {
        ResultRow? first = null;
        await foreach (var row in Engine.QueryAsync(sql, cancellationToken).ConfigureAwait(false))
            first ??= row;
        return first ?? throw new InvalidInputException("the engine returned no row for an aggregate query.", Engine.Source.Location);
    }

    private static double Number(ResultRow row, int index) => row.IsNull(index) ? double.NaN : row.GetDouble(index);
}
