using System.Globalization;
using System.Numerics;
using Kullback.Data.Engines;

namespace Kullback.Data.Comparison;

/// <summary>
/// A numeric column's counts in the cells of a fine histogram (cell j holds the values with exactly j edges ≤ x), found
/// in DuckDB without sorting the values: the buckets of <see cref="RankSearch"/> decide the cell of every value whose
/// bucket holds no edge, and only the values that share a bucket with an edge are compared with the edges.
/// </summary>
/// <remarks>
/// <para>Since the bucket b(x) never decreases as x grows, b(x) &lt; b(e) implies x &lt; e and b(x) &gt; b(e) implies
/// x &gt; e. The values of a bucket that holds no edge are therefore all in the cell of the edges below its number; a
/// query groups the values by bucket, and the edges' own buckets (computed by DuckDB with the same text) place them.
/// The values in the buckets that do hold an edge are grouped by value (ties count once) and joined to the edges
/// (ASOF: the greatest edge ≤ x). Edges outside the side's least and greatest value are placed without DuckDB.</para>
/// <para>The ASOF join over all values had sorted every one of them: 2.8 s and most of the fine-histogram mode's 2.1 GB
/// for 2·10⁷ values. With B = 2¹⁶ buckets, 1,000 edges share buckets with about 1.5% of the values of a smooth
/// distribution. A bucket of more than 2²⁰ values that holds an edge (a heavy tail crowds most values into the lowest
/// buckets) is split the same way over its own least and greatest value, down to four levels, before the join: on
/// 2·10⁷ values of exp(3z) the join had taken 4.5–4.8 s a side with the values of one bucket.</para>
/// </remarks>
internal static class FineCellCounter
{
    /// <summary>Whether the buckets can count this side: DuckDB, finite least and greatest values, at least one edge.</summary>
    public static bool Applies(SqlDialect dialect, double minimum, double maximum, int edges) => edges > 0 && RankSearch.Applies(dialect, minimum, maximum) && minimum < maximum;

    /// <summary>The counts in the <paramref name="edges"/>.Count + 1 cells, summing to <paramref name="present"/>; null when the range cannot be split.</summary>
    /// <remarks><c>crowded</c>: a bucket that holds an edge and more than this many values is split again (default 2²⁰; small in tests).</remarks>
    public static async Task<long[]?> CountAsync(IQueryEngine engine, ScanQueries queries, ColumnPlan column, long present, double minimum, double maximum,
                                                 IReadOnlyList<double> edges, BucketHistograms? histograms, CancellationToken cancellationToken, long crowded = 1 << 20)
    {
        long buckets = Math.Clamp((long)BitOperations.RoundUpToPowerOf2((ulong)edges.Count * 64), 1 << 16, 1 << 20);
        if (RankSearch.BucketExpression(minimum, maximum, buckets) is not { } bucket) return null;
        var counter = new Counter(engine, column, RankSearch.PresentValues(queries, column), edges, histograms ?? new BucketHistograms(engine), crowded, cancellationToken);
        long total = await counter.PlaceAsync("TRUE", bucket, minimum, maximum, depth: 0).ConfigureAwait(false);
        await counter.JoinAsync().ConfigureAwait(false);
        if (total != present || counter.Counts.Sum() != present)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"the engine counted {total} values of {InputText.Quote(column.Name)} where it had counted {present}; were the data changed while being read?"), engine.Source.Location);
        return counter.Counts;
    }

    /// <summary>How deep crowded buckets are split before their values are joined to the edges whatever their number.</summary>
    private const int MaximumDepth = 4;

    private sealed class Counter(IQueryEngine engine, ColumnPlan column, string values, IReadOnlyList<double> edges, BucketHistograms histograms, long crowded, CancellationToken cancellationToken)
    {
        private readonly string _edgeList = string.Join(", ", edges.Select(SqlSpellings.Number));
        private readonly List<string> _joined = [];

        public long[] Counts { get; } = new long[edges.Count + 1];

        /// <summary>
        /// Counts the values where <paramref name="condition"/> holds (all within [lo, hi]) by their buckets: a bucket
        /// without an edge into its cell, a crowded one split again, the others left for <see cref="JoinAsync"/>.
        /// Returns how many values there were.
        /// </summary>
        public async Task<long> PlaceAsync(string condition, string bucket, double lowest, double highest, int depth)
        {
            var culture = CultureInfo.InvariantCulture;
            // Each edge's bucket: below every value here, above every value here, or DuckDB's b(e).
            var edgeBucket = new long[edges.Count];
            for (int i = 0; i < edges.Count; i++) edgeBucket[i] = edges[i] < lowest ? long.MinValue : edges[i] > highest ? long.MaxValue : 0;
            if (Enumerable.Range(0, edges.Count).Any(i => edges[i] >= lowest && edges[i] <= highest))
            {
                string inside = string.Create(culture, $"SELECT i, {bucket} AS b FROM (SELECT unnest(range(0, {edges.Count})) AS i, unnest([{_edgeList}]) AS v) AS e WHERE v >= {SqlSpellings.Number(lowest)} AND v <= {SqlSpellings.Number(highest)}");
                await foreach (var row in engine.QueryAsync(inside, cancellationToken).ConfigureAwait(false))
                    edgeBucket[checked((int)row.GetInt64(0))] = row.GetInt64(1);
            }
            for (int i = 1; i < edgeBucket.Length; i++)
                if (edgeBucket[i] < edgeBucket[i - 1])
                    throw new InvalidInputException($"the edges of {InputText.Quote(column.Name)} are not in order.", engine.Source.Location);
            var shared = new HashSet<long>(edgeBucket.Where(b => b is not (long.MinValue or long.MaxValue)));

            long total = 0;
            var joined = new List<long>();
            var split = new List<long>();
            foreach (var (b, n) in await histograms.CountsAsync(bucket, values, condition, cancellationToken).ConfigureAwait(false))
            {
                total += n;
                if (!shared.Contains(b)) Counts[LowerBound(edgeBucket, b)] += n;   // the edges in lower buckets are below every value here
                else if (n > crowded && depth + 1 < MaximumDepth) split.Add(b);
                else joined.Add(b);
            }
            if (joined.Count > 0) _joined.Add($"{condition} AND {bucket} IN ({string.Join(", ", joined.Select(b => b.ToString(culture)))})");
            foreach (long b in split)
            {
                string child = $"{condition} AND {bucket} = {b.ToString(culture)}";
                var (lo, hi) = await histograms.RangeAsync(values, child, cancellationToken).ConfigureAwait(false);
                if (lo < hi && RankSearch.BucketExpression(lo, hi, 1 << 16) is { } inner) await PlaceAsync(child, inner, lo, hi, depth + 1).ConfigureAwait(false);
                else _joined.Add(child);   // one repeated value, or a range too narrow to split: the join places it
            }
            return total;
        }

        /// <summary>The values left in buckets that hold an edge, grouped by value and joined to the edges (ASOF: the greatest edge ≤ x).</summary>
        public async Task JoinAsync()
        {
            if (_joined.Count == 0) return;
            string where = string.Join(" OR ", _joined.Select(c => $"({c})"));
            string sql = $"SELECT coalesce(e.i, 0) AS c, CAST(sum(t.n) AS BIGINT) AS n FROM (SELECT v, count(*) AS n FROM {values} WHERE {where} GROUP BY v) AS t"
                         + string.Create(CultureInfo.InvariantCulture, $" ASOF LEFT JOIN (SELECT unnest(range(1, {edges.Count + 1})) AS i, unnest([{_edgeList}]) AS e) AS e ON t.v >= e.e GROUP BY 1");
            await foreach (var row in engine.QueryAsync(sql, cancellationToken).ConfigureAwait(false))
            {
                long c = row.GetInt64(0);
                if (c < 0 || c > edges.Count)
                    throw new InvalidInputException($"the engine put a value of {InputText.Quote(column.Name)} in a bin that does not exist.", engine.Source.Location);
                Counts[c] += row.GetInt64(1);
            }
        }
    }

    /// <summary>The number of entries of the ascending <paramref name="sorted"/> below <paramref name="value"/>.</summary>
    private static int LowerBound(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
