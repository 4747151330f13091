using System.Globalization;
using System.Numerics;
using System.Text;
using Kullback.Data.Engines;

namespace Kullback.Data.Comparison;

/// <summary>
/// The values at given ranks of a numeric column's sorted non-missing values, found without sorting them all or holding
/// them in memory: a search by buckets, run by the engine (DuckDB) in a few grouped scans.
/// </summary>
/// <remarks>
/// <para>The values of an interval [lo, hi] (its least and greatest value) that holds some of the ranks are counted into
/// about B equal-width buckets, b(x) = round((x·½ − lo·½)·s) with s = B / (hi·½ − lo·½) and B ≈ n/256 between 2¹⁰ and
/// 2¹⁶; the running counts say which bucket holds each rank and the rank there. Buckets of at most 2²⁰ values are then
/// sorted on their own (a window numbered per bucket), at most 2²² values a query; a larger bucket is searched the same
/// way over its own least and greatest value, and one that holds a single repeated value needs no more. Halving before
/// subtracting keeps every step finite (for lo = −hi = −1.7e308 too); the cast is a TRY_CAST because DuckDB may compute
/// a bucket before the condition that keeps only the interval's values (far outside it, b exceeds 64 bits).</para>
/// <para>The answer is exact whatever the rounding: b is computed in the engine's doubles by the same text in every
/// query and each operation is monotone in x, so b never decreases as x grows and each bucket's values precede those of
/// the next. Since lo falls in bucket 0 and hi in bucket B, every level splits its interval.</para>
/// <para>DuckDB's quantile_disc holds every value of a column in memory (8 bytes a value) and took 2.25 s for 2·10⁷
/// values; the search took 0.6 s there (a clamp to [0, B − 1] and each bucket's minimum and maximum had made it 1.2 s),
/// and its memory is bounded by B and the batch, not by the rows.</para>
/// </remarks>
internal sealed class RankSearch
{
    /// <summary>How the search splits and sorts.</summary>
    /// <param name="SortedDirectly">An interval of at most this many values is sorted rather than split further (default 2²⁰).</param>
    /// <param name="SortBudget">At most this many values are sorted by one query (default 2²²).</param>
    /// <param name="MaximumDepth">Beyond this depth an interval is sorted whatever its size (only data built for it go so deep; default 8).</param>
    /// <param name="FewestBuckets">The fewest buckets a level splits into; there are about one per 128 values, at most 2²⁰ (default 2¹⁰).</param>
    internal sealed record Limits(long SortedDirectly = 1 << 20, long SortBudget = 1 << 22, int MaximumDepth = 8, long FewestBuckets = 1 << 10)
    {
        public static Limits Default { get; } = new();
    }

    private readonly IQueryEngine _engine;
    private readonly string _values;
    private readonly double[] _found;
    private readonly bool[] _done;
    private readonly CancellationToken _cancellationToken;
    private readonly Limits _limits;
    private readonly BucketHistograms _histograms;

    private RankSearch(IQueryEngine engine, ScanQueries queries, ColumnPlan column, int count, Limits limits, BucketHistograms histograms, CancellationToken cancellationToken)
    {
        _limits = limits;
        _histograms = histograms;
        _engine = engine;
        _values = PresentValues(queries, column);
        _found = new double[count];
        _done = new bool[count];
        _cancellationToken = cancellationToken;
    }

    /// <summary>A set of values, all of one bucket of each enclosing level: the SQL condition on v that selects it, its range, size and the number of values before it.</summary>
    private sealed record Interval(string Condition, double Lowest, double Highest, long Count, long Before, int Depth);

    /// <summary>Whether the search can run: the engine's SQL is DuckDB's and the values are finite.</summary>
    public static bool Applies(SqlDialect dialect, double minimum, double maximum) =>
        dialect == SqlDialect.DuckDb && double.IsFinite(minimum) && double.IsFinite(maximum) && minimum <= maximum;

    /// <summary>The values at the 1-based <paramref name="ranks"/> (distinct, ascending, within 1…<paramref name="present"/>) of the column's sorted non-missing values.</summary>
    public static async Task<double[]> ValuesAtRanksAsync(IQueryEngine engine, ScanQueries queries, ColumnPlan column, long present, double minimum, double maximum,
                                                          long[] ranks, BucketHistograms? histograms, CancellationToken cancellationToken, Limits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        for (int i = 0; i < ranks.Length; i++)
            if (ranks[i] < 1 || ranks[i] > present || (i > 0 && ranks[i] <= ranks[i - 1]))
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"Rank {ranks[i]} is not in 1…{present} or not above the one before."), nameof(ranks));
        var search = new RankSearch(engine, queries, column, ranks.Length, limits ?? Limits.Default, histograms ?? new BucketHistograms(engine), cancellationToken);
        var targets = Enumerable.Range(0, ranks.Length).Select(i => (i, ranks[i])).ToList();
        await search.ResolveAsync(new Interval("TRUE", minimum, maximum, present, 0, 0), targets).ConfigureAwait(false);
        for (int i = 0; i < ranks.Length; i++)
            if (!search._done[i])
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                    $"the engine's counts of {InputText.Quote(column.Name)} did not reach rank {ranks[i]} of {present}; were the data changed while being read?"), engine.Source.Location);
        return search._found;
    }

    /// <summary>Finds the targets (index, rank among all values) that lie in <paramref name="interval"/>.</summary>
    private async Task ResolveAsync(Interval interval, List<(int Index, long Rank)> targets)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (interval.Lowest == interval.Highest)
        {
            foreach (var (index, _) in targets) Found(index, interval.Lowest);
            return;
        }
        string? bucket = interval.Count <= _limits.SortedDirectly || interval.Depth >= _limits.MaximumDepth ? null : BucketExpression(interval, _limits.FewestBuckets);
        if (bucket is null)
        {
            await SortAsync("0", interval.Condition, [(0L, interval.Before, targets)]).ConfigureAwait(false);
            return;
        }
        // Each bucket's count, in order of bucket.
        string condition = $"{interval.Condition} AND {bucket} = ";
        var sorted = new List<(long Bucket, long Before, List<(int, long)> Targets)>();
        var deeper = new List<(string Condition, long Count, long Before, List<(int, long)> Targets)>();
        long batch = 0, before = interval.Before;
        int next = 0;
        foreach (var (b, n) in await _histograms.CountsAsync(bucket, _values, interval.Condition, _cancellationToken).ConfigureAwait(false))
        {
            var inside = new List<(int, long)>();
            while (next < targets.Count && targets[next].Rank <= before + n) inside.Add(targets[next++]);
            if (inside.Count > 0)
            {
                if (n > _limits.SortedDirectly)
                {
                    deeper.Add((condition + b.ToString(CultureInfo.InvariantCulture), n, before, inside));
                }
                else
                {
                    if (sorted.Count > 0 && batch + n > _limits.SortBudget)
                    {
                        await SortAsync(bucket, interval.Condition, sorted).ConfigureAwait(false);
                        sorted.Clear();
                        batch = 0;
                    }
                    sorted.Add((b, before, inside));
                    batch += n;
                }
            }
            before += n;
        }
        if (sorted.Count > 0) await SortAsync(bucket, interval.Condition, sorted).ConfigureAwait(false);
        foreach (var (child, count, childBefore, inside) in deeper)
        {
            // A large bucket is searched in turn over its own range (a bucket of one repeated value needs no more).
            var (lowest, highest) = await _histograms.RangeAsync(_values, child, _cancellationToken).ConfigureAwait(false);
            await ResolveAsync(new Interval(child, lowest, highest, count, childBefore, interval.Depth + 1), inside).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The values at the targets' ranks within their buckets: the buckets' values numbered in order by a window, joined to
    /// the wanted (bucket, rank) pairs.
    /// </summary>
    private async Task SortAsync(string bucket, string condition, List<(long Bucket, long Before, List<(int Index, long Rank)> Targets)> buckets)
    {
        var wanted = new StringBuilder();
        foreach (var (b, before, targets) in buckets)
            foreach (var (index, rank) in targets)
                wanted.Append(wanted.Length == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({index}, {b}, {rank - before})");
        string list = string.Join(", ", buckets.Select(b => b.Bucket.ToString(CultureInfo.InvariantCulture)));
        string sql = $"SELECT w.i, t.v FROM (SELECT b, v, row_number() OVER (PARTITION BY b ORDER BY v) AS k FROM (SELECT v, {bucket} AS b FROM {_values} WHERE {condition}) AS u WHERE b IN ({list})) AS t"
                     + $" JOIN (VALUES {wanted}) AS w(i, b, k) ON t.b = w.b AND t.k = w.k";
        await foreach (var row in _engine.QueryAsync(sql, _cancellationToken).ConfigureAwait(false))
            Found(checked((int)row.GetInt64(0)), row.GetDouble(1));
    }

    /// <summary>The column's non-missing values as a relation <c>s</c> of one column <c>v</c>.</summary>
    internal static string PresentValues(ScanQueries queries, ColumnPlan column) =>
        $"(SELECT {column.ValueExpression(queries.Sql)} AS v {queries.From($"NOT {column.MissingCondition(queries.Sql)}")}) AS s";

    /// <summary>The bucket of v in the interval, as SQL (see the remarks); null when the interval cannot be split in doubles.</summary>
    private static string? BucketExpression(Interval interval, long fewest) =>
        BucketExpression(interval.Lowest, interval.Highest, Math.Clamp((long)BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1, interval.Count / 256)), Math.Max(2, fewest), Math.Max(fewest, 1 << 16)));

    /// <summary>
    /// b(v) = round((v·½ − lo·½)·s), s = B / (hi·½ − lo·½), as DuckDB SQL on a column v: non-decreasing in v, 0 at lo and
    /// B at hi; NULL far outside [lo, hi]. Null when [lo, hi] cannot be split in doubles.
    /// </summary>
    internal static string? BucketExpression(double lowest, double highest, long buckets)
    {
        double low = lowest * 0.5, width = highest * 0.5 - low, scale = buckets / width;
        if (!(width > 0) || !double.IsFinite(scale) || Math.Round(width * scale) < 1) return null;
        return string.Create(CultureInfo.InvariantCulture, $"TRY_CAST((v * 0.5e0 - {SqlSpellings.Number(low)}) * {SqlSpellings.Number(scale)} AS BIGINT)");
    }

    private void Found(int index, double value)
    {
        _found[index] = value;
        _done[index] = true;
    }
}
