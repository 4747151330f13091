using System.Globalization;
using Kullback.Comparison;
using Kullback.Data.Engines;

namespace Kullback.Data.Comparison;

/// <summary>
/// One source being scanned for a comparison: its engine, the queries in its dialect, and what the overview scan found
/// (rows; per column the missing count, distinct count, minimum, maximum and standard deviation).
/// </summary>
internal sealed class SourceScan
{
    private readonly Dictionary<string, ColumnOverview> _overview = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ColumnPlan> _own = new(StringComparer.Ordinal);
    private readonly List<ColumnPlan> _plans;
    private readonly BucketHistograms _histograms;

    private sealed record ColumnOverview(long Missing, long Distinct, double Minimum, double Maximum, double StandardDeviation, double Mean);

    /// <summary>A scan of <paramref name="engine"/>'s source for the columns of <paramref name="plans"/>.</summary>
    /// <remarks>
    /// The plans carry the reference's column types; each side spells its values from its own (a boolean in PostgreSQL
    /// and an Enum8 in ClickHouse are both the categories 'false' and 'true'; a timestamp in one file and a date in the
    /// other are both seconds since 1970).
    /// </remarks>
    /// <exception cref="InvalidInputException">A column is missing here, or holds a type here that cannot be compared as the plan's kind.</exception>
    public SourceScan(IQueryEngine engine, IReadOnlyList<ColumnPlan> plans)
    {
        Engine = engine;
        Queries = new(SqlSpellings.For(engine.Dialect), engine.FromWhere);
        _histograms = new BucketHistograms(engine);
        _plans = [];
        foreach (var plan in plans)
        {
            var column = engine.RequireColumn(plan.Name);
            if (plan.Kind == ColumnKind.Numeric && column.Category is not (ColumnCategory.Integral or ColumnCategory.Real or ColumnCategory.Temporal or ColumnCategory.Boolean))
                throw new InvalidInputException(
                    $"column {InputText.Quote(plan.Name)} holds {InputText.Quote(column.EngineType)} here, which cannot be compared as numbers.", engine.Source.Location);
            var own = plan with { Category = column.Category };   // the reference's spelling of the name: RequireColumn matched it here
            _own[plan.Name] = own;
            _plans.Add(own);
        }
    }

    public IQueryEngine Engine { get; }

    public ScanQueries Queries { get; }

    public long Rows { get; private set; }

    public long Missing(ColumnPlan plan) => _overview[plan.Name].Missing;

    public long Present(ColumnPlan plan) => Rows - Missing(plan);

    public long Distinct(ColumnPlan plan) => _overview[plan.Name].Distinct;

    public double Minimum(ColumnPlan plan) => _overview[plan.Name].Minimum;

    public double Maximum(ColumnPlan plan) => _overview[plan.Name].Maximum;

    public double StandardDeviation(ColumnPlan plan) => _overview[plan.Name].StandardDeviation;

    public double Mean(ColumnPlan plan) => _overview[plan.Name].Mean;

    /// <summary>The overview scan with exact distinct counts.</summary>
    public Task OverviewAsync(CancellationToken cancellationToken) => OverviewAsync(null, cancellationToken);

    /// <summary>Whether the column's distinct count is an estimate (above the bound given the overview scan), not exact.</summary>
    public bool DistinctIsEstimate(ColumnPlan plan) => _estimated.Contains(plan.Name);

    private readonly HashSet<string> _estimated = new(StringComparer.Ordinal);

    /// <summary>
    /// The overview scan: one query over every column. With <paramref name="exactDistinctUpTo"/>, numeric columns'
    /// distinct values are first estimated (where the engine can, <see cref="SqlSpellings.HasApproximateCountDistinct"/>)
    /// and counted exactly, in a second query, only where the estimate is at most that bound; above it the count stays an
    /// estimate (<see cref="DistinctIsEstimate"/>). The bound must be far above every
    /// threshold a decision compares the count with (an estimate can be off by a fifth or so).
    /// </summary>
    public async Task OverviewAsync(long? exactDistinctUpTo, CancellationToken cancellationToken)
    {
        bool estimate = exactDistinctUpTo is not null && Queries.Sql.HasApproximateCountDistinct;
        var row = await SingleRowAsync(Queries.Overview(_plans, estimate), cancellationToken).ConfigureAwait(false);
        Rows = row.GetInt64(0);
        int i = 1;
        foreach (var plan in _plans)
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
                if (double.IsInfinity(minimum) || double.IsInfinity(maximum))
                    throw new InvalidInputException(
                        $"column {InputText.Quote(plan.Name)} holds {(double.IsNegativeInfinity(minimum) && double.IsPositiveInfinity(maximum) ? "−∞ and +∞" : double.IsInfinity(minimum) ? "−∞" : "+∞")}: "
                        + $"compare bins and tests finite numbers (missing values are NULL, empty or NaN); leave the infinite rows out with --where, or compare the column as categories with --categorical {InputText.Quote(plan.Name)}.",
                        Engine.Source.Location);
            }
            _overview[plan.Name] = new ColumnOverview(missing, distinct, minimum, maximum, deviation, mean);
        }
        if (!estimate) return;
        var numeric = _plans.Where(p => p.Kind == ColumnKind.Numeric).ToList();
        var small = numeric.Where(p => _overview[p.Name].Distinct <= exactDistinctUpTo).ToList();
        if (small.Count > 0)
        {
            var counts = await SingleRowAsync(Queries.CountDistinct(small), cancellationToken).ConfigureAwait(false);
            for (int j = 0; j < small.Count; j++)
                _overview[small[j].Name] = _overview[small[j].Name] with { Distinct = counts.GetInt64(j) };
        }
        foreach (var plan in numeric.Except(small)) _estimated.Add(plan.Name);
    }

    /// <summary>The column's bin edges from this source (the reference): per value when there are few, else by the rule.</summary>
    public async Task<NumericBinEdges> EdgesAsync(ColumnPlan plan, NumericBinningOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        plan = Own(plan);
        var overview = _overview[plan.Name];
        if (overview.Distinct == 0) return new NumericBinEdges([], options.Rule);
        if (overview.Distinct <= options.PerValueThreshold)
        {
            var values = new List<double>();
            await foreach (var row in Engine.QueryAsync(Queries.DistinctValues(plan), cancellationToken).ConfigureAwait(false))
                values.Add(row.GetDouble(0));
            return NumericBinning.FromDistinctValues([.. values]);
        }
        long n = Present(plan);
        if (options.Auto)
        {
            // The quartiles as NumericBinning.Summarise takes them in memory: linear interpolation between the values at
            // 0-based positions ⌊h⌋ and ⌊h⌋ + 1, h = (n − 1)·p.
            long lower = (n - 1) / 4, upper = (long)((Int128)(n - 1) * 3 / 4);
            double lowerFraction = (n - 1) % 4 / 4.0, upperFraction = (long)((Int128)(n - 1) * 3 % 4) / 4.0;
            double[] at = await ValuesAtRanksAsync(plan, [lower + 1, Math.Min(n, lower + 2), upper + 1, Math.Min(n, upper + 2)], cancellationToken).ConfigureAwait(false);
            double q1 = at[0] + lowerFraction * (at[1] - at[0]), q3 = at[2] + upperFraction * (at[3] - at[2]);
            return NumericBinning.Auto(new AutoBinningSummary(n, overview.Minimum, overview.Maximum, q1, q3, Skewness: 0), options.AutoMaximumBins);
        }
        if (options.Rule == BinningRule.Width) return NumericBinning.Width(overview.Minimum, overview.Maximum, options.BinCount);
        int k = options.BinCount;
        var ranks = new long[k + 1];
        for (int i = 0; i <= k; i++) ranks[i] = TypeOneRank(i, k, n);
        return NumericBinning.FromQuantiles(await ValuesAtRanksAsync(plan, ranks, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Type-1 quantiles at <paramref name="probabilities"/>, in order: the values at ranks ⌈p·n⌉ (1 for p = 0), where a
    /// p·n within rounding of an integer m counts as m, so that p = i/k (rounded to a double) gives ⌈i·n/k⌉ exactly.
    /// </summary>
    public Task<double[]> QuantilesAsync(ColumnPlan plan, IReadOnlyList<double> probabilities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        plan = Own(plan);
        long n = Present(plan);
        var ranks = new long[probabilities.Count];
        for (int i = 0; i < ranks.Length; i++) ranks[i] = TypeOneRank(probabilities[i], n);
        return ValuesAtRanksAsync(plan, ranks, cancellationToken);
    }

    /// <summary>The 1-based rank of the type-1 quantile i/k of n values: ⌈i·n/k⌉, at least 1.</summary>
    internal static long TypeOneRank(int i, int k, long n) => (long)Int128.Max(1, ((Int128)i * n + k - 1) / k);

    /// <summary>The 1-based rank of the type-1 quantile at p of n values, p·n snapped to an integer within its rounding error.</summary>
    internal static long TypeOneRank(double p, long n)
    {
        if (!(p >= 0 && p <= 1)) throw new InvalidArgumentException($"The probability {p} is outside [0, 1].", nameof(p));
        double position = p * n;
        double nearest = Math.Round(position);
        // fl(i/k)·n is within 2.3e-16·n of i·n/k, which is an integer or at least 1/k from one (k ≤ 10⁵ bins, n·k < 10¹⁵).
        if (Math.Abs(position - nearest) <= 1e-15 * n) position = nearest;
        return Math.Clamp((long)Math.Ceiling(position), 1, Math.Max(1, n));
    }

    /// <summary>
    /// The values at 1-based <paramref name="ranks"/> of the sorted non-missing values, in order: by <see cref="RankSearch"/>
    /// in DuckDB (memory bounded, not by the rows), else by the engine's quantiles (<see cref="ScanQueries.ValuesAtRanks"/>).
    /// </summary>
    private async Task<double[]> ValuesAtRanksAsync(ColumnPlan plan, long[] ranks, CancellationToken cancellationToken)
    {
        long[] distinct = [.. ranks.Distinct().Order()];   // asked once each (ranks repeat where the data have few values)
        var overview = _overview[plan.Name];
        if (RankSearch.Applies(Engine.Dialect, overview.Minimum, overview.Maximum))
        {
            double[] found = await RankSearch.ValuesAtRanksAsync(Engine, Queries, plan, Present(plan), overview.Minimum, overview.Maximum, distinct, _histograms, cancellationToken).ConfigureAwait(false);
            return [.. ranks.Select(r => found[Array.BinarySearch(distinct, r)])];
        }
        var values = new List<double>(distinct.Length);
        await foreach (var row in Engine.QueryAsync(Queries.ValuesAtRanks(plan, distinct, Present(plan)), cancellationToken).ConfigureAwait(false))
            values.Add(row.GetDouble(0));
        if (values.Count != distinct.Length)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"the engine returned {values.Count} quantiles of {InputText.Quote(plan.Name)} for {distinct.Length} probabilities."), Engine.Source.Location);
        values.Sort();   // the engines return them in order; sorting guards against an engine that does not
        var result = new double[ranks.Length];
        for (int i = 0; i < ranks.Length; i++) result[i] = values[Array.BinarySearch(distinct, ranks[i])];
        return result;
    }

    /// <summary>Every numeric column's counts in its bins, from one scan.</summary>
    public async Task<Dictionary<string, long[]>> NumericCountsAsync(IReadOnlyDictionary<string, NumericBinEdges> edges, CancellationToken cancellationToken)
    {
        var columns = _plans.Where(p => p.Kind == ColumnKind.Numeric).Select(p => (p, edges[p.Name])).ToList();
        var result = new Dictionary<string, long[]>(StringComparer.Ordinal);
        if (columns.Count == 0) return result;
        if (Queries.NumericCountsAsRows)
        {
            var all = columns.Select(c => new long[c.Item2.Bins.Length]).ToArray();
            await foreach (var bin in Engine.QueryAsync(Queries.NumericCounts(columns), cancellationToken).ConfigureAwait(false))
            {
                long c = bin.GetInt64(0), b = bin.GetInt64(1);
                if (c < 0 || c >= all.Length || b < 0 || b >= all[c].Length)
                    throw new InvalidInputException("the engine put a value in a bin that does not exist.", Engine.Source.Location);
                all[c][b] = bin.GetInt64(2);
            }
            for (int c = 0; c < columns.Count; c++) result[columns[c].p.Name] = all[c];
            return result;
        }
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
        plan = Own(plan);
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

    /// <summary>The column's counts in the cells of a fine histogram (underflow, cells, overflow, missing = 0): by <see cref="FineCellCounter"/> in DuckDB, else by <see cref="ScanQueries.FineCounts"/>.</summary>
    public async Task<long[]> FineCountsAsync(ColumnPlan plan, NumericBinEdges fine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fine);
        plan = Own(plan);
        var counts = new long[fine.Bins.Length];   // the last, missing bin stays 0: missing values are in the column's own histogram
        var overview = _overview[plan.Name];
        if (FineCellCounter.Applies(Engine.Dialect, overview.Minimum, overview.Maximum, fine.Edges.Length)
            && await FineCellCounter.CountAsync(Engine, Queries, plan, Present(plan), overview.Minimum, overview.Maximum, fine.Edges, _histograms, cancellationToken).ConfigureAwait(false) is { } cells)
        {
            cells.CopyTo(counts, 0);
            return counts;
        }
        await foreach (var row in Engine.QueryAsync(Queries.FineCounts(plan, fine.Edges), cancellationToken).ConfigureAwait(false))
        {
            long bucket = row.GetInt64(0);
            if (bucket < 0 || bucket > fine.Edges.Length)
                throw new InvalidInputException($"the engine put a value of {InputText.Quote(plan.Name)} in a bin that does not exist.", Engine.Source.Location);
            counts[bucket] = row.GetInt64(1);
        }
        return counts;
    }

    /// <summary>This side's plan for a column of the reference's plan (its own name spelling and type).</summary>
    private ColumnPlan Own(ColumnPlan plan) => _own.TryGetValue(plan.Name, out var own) ? own : plan;

    private async Task<ResultRow> SingleRowAsync(string sql, CancellationToken cancellationToken)
    {
        ResultRow? first = null;
        await foreach (var row in Engine.QueryAsync(sql, cancellationToken).ConfigureAwait(false))
            first ??= row;
        return first ?? throw new InvalidInputException("the engine returned no row for an aggregate query.", Engine.Source.Location);
    }

    private static double Number(ResultRow row, int index) => row.IsNull(index) ? double.NaN : row.GetDouble(index);
}
