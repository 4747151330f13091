using System.Globalization;
using Kullback.Comparison;

namespace Kullback.Data.Comparison;

/// <summary>
/// The SQL of one source's scans for a comparison, built once and spelled per dialect (<see cref="SqlSpellings"/>). Every
/// query is an aggregate: only counts, edges and a few statistics cross the wire, never the rows.
/// </summary>
/// <param name="Sql">The dialect's spellings.</param>
/// <param name="From">The tail of every SELECT over the source, given an extra condition or null:
/// <c>FROM relation [WHERE filter [AND condition]]</c> (<see cref="Engines.IQueryEngine.FromWhere"/>).</param>
public sealed record ScanQueries(SqlSpellings Sql, Func<string?, string> From)
{
    private string FromWhere => From(null);

    /// <summary>
    /// One scan for every column: <c>rows</c>, then per column its missing count, and for numeric columns the minimum,
    /// maximum, number of distinct values, population standard deviation and mean of the non-missing values; for categorical
    /// columns the number of distinct values.
    /// </summary>
    public string Overview(IReadOnlyList<ColumnPlan> columns) => Overview(columns, estimateNumericDistinct: false);

    /// <summary>
    /// The overview scan (<see cref="Overview(IReadOnlyList{ColumnPlan})"/>), where with <paramref name="estimateNumericDistinct"/>
    /// (and <see cref="SqlSpellings.HasApproximateCountDistinct"/>) a numeric column's number of distinct values is an
    /// estimate (<see cref="SqlSpellings.ApproximateCountDistinct"/>), to be replaced by the exact count (<see cref="CountDistinct"/>
    /// when it is small, or counted by the exact two-sample pass).
    /// </summary>
    public string Overview(IReadOnlyList<ColumnPlan> columns, bool estimateNumericDistinct)
    {
        ArgumentNullException.ThrowIfNull(columns);
        estimateNumericDistinct &= Sql.HasApproximateCountDistinct;
        var items = new List<string> { "count(*)" };
        foreach (var column in columns)
        {
            string value = column.ValueExpression(Sql), missing = column.MissingCondition(Sql);
            string present = $"CASE WHEN NOT {missing} THEN {value} END";
            items.Add(Sql.CountIf(missing));
            items.Add(estimateNumericDistinct && column.Kind == ColumnKind.Numeric ? Sql.ApproximateCountDistinct(present) : Sql.CountDistinct(present));
            if (column.Kind == ColumnKind.Numeric)
            {
                // The moments over finite values only (x − x = 0 is false for ±∞, NaN and NULL in every dialect): DuckDB's
                // stddev_pop fails on an infinity ("out of range"), and an infinity shows in the minimum or maximum.
                string finite = $"CASE WHEN {value} - {value} = 0 THEN {value} END";
                items.Add($"min({present})");
                items.Add($"max({present})");
                items.Add(Sql.StandardDeviation(finite));
                items.Add($"avg({finite})");
            }
        }
        return $"SELECT {string.Join(", ", items)} {FromWhere}";
    }

    /// <summary>One row: the exact number of distinct non-missing values of each column, in order.</summary>
    public string CountDistinct(IReadOnlyList<ColumnPlan> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0) throw new InvalidArgumentException("Distinct values are counted for at least one column.", nameof(columns));
        return $"SELECT {string.Join(", ", columns.Select(c => Sql.CountDistinct($"CASE WHEN NOT {c.MissingCondition(Sql)} THEN {c.ValueExpression(Sql)} END")))} {FromWhere}";
    }

    /// <summary>The distinct non-missing values of a numeric column, ascending (asked only when there are few).</summary>
    public string DistinctValues(ColumnPlan column) =>
        $"SELECT DISTINCT {Value(column)} AS v {Where(column)} ORDER BY v";

    /// <summary>Type-1 quantiles (percentile_disc) of the non-missing values at <paramref name="probabilities"/>, one row each, in order.</summary>
    public string Quantiles(ColumnPlan column, IReadOnlyList<double> probabilities) =>
        $"SELECT {Sql.QuantileRows(Value(column), probabilities)} {Where(column)}";

    /// <summary>
    /// The values at 1-based <paramref name="ranks"/> of the <paramref name="present"/> sorted non-missing values, one row
    /// each, in order: type-1 quantiles asked at p = (r − ½)/n, half-way between the ranks, because each engine turns p
    /// into a rank in floating point its own way (PostgreSQL ⌈p·n⌉, DuckDB n − ⌊n − p·n⌋, ClickHouse a weight
    /// threshold) and p = i/k itself is rounded: at p = 7/200 and n = 3000 PostgreSQL takes rank 106 where the exact
    /// ⌈7·3000/200⌉ is 105. Half a rank away from every integer, all of them land on r.
    /// </summary>
    public string ValuesAtRanks(ColumnPlan column, IReadOnlyList<long> ranks, long present)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        if (present < 1) throw new InvalidArgumentException("There are no values to take ranks of.", nameof(present));
        var probabilities = new double[ranks.Count];
        for (int i = 0; i < probabilities.Length; i++)
        {
            long r = ranks[i];
            if (r < 1 || r > present)
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"Rank {r} is outside 1…{present}."), nameof(ranks));
            probabilities[i] = (r - 0.5) / present;
        }
        if (Sql.Dialect == Engines.SqlDialect.DuckDb && ranks.Count > ManyRanks)
        {
            // DuckDB selects each quantile of a list in its own pass over the values (1000 quantiles of 2·10⁶ values
            // took 20 s); one sort with row numbers finds them all. The ranks must be distinct and ascending here.
            for (int i = 1; i < ranks.Count; i++)
                if (ranks[i] <= ranks[i - 1]) throw new InvalidArgumentException("Many ranks must be distinct and ascending.", nameof(ranks));
            string list = string.Join(", ", ranks.Select(r => r.ToString(CultureInfo.InvariantCulture)));
            return $"SELECT v FROM (SELECT v, row_number() OVER (ORDER BY v) AS r FROM (SELECT {Value(column)} AS v {Where(column)}) AS s) AS t WHERE r IN ({list}) ORDER BY r";
        }
        return Quantiles(column, probabilities);
    }

    /// <summary>From this many ranks on, DuckDB finds values at ranks by sorting once rather than by quantile_disc.</summary>
    public const int ManyRanks = 32;

    /// <summary>Whether <see cref="NumericCounts"/> returns rows (column, bin, count) rather than one row of every count.</summary>
    public bool NumericCountsAsRows => Sql.Dialect == Engines.SqlDialect.DuckDb;

    /// <summary>
    /// Every numeric column counted into its bins, numbered as <see cref="NumericBinEdges.Bins"/>: underflow (−∞, e₀),
    /// the regular bins [eᵢ, eᵢ₊₁), overflow [e_k, +∞), missing (NULL or NaN). PostgreSQL and ClickHouse: one scan and one
    /// row with every count in order. DuckDB (<see cref="NumericCountsAsRows"/>): rows (column index, bin, count) with
    /// the empty bins left out, each column's bin found by a binary search written in CASEs and grouped — a count_if
    /// per bin runs every bin's condition on every row (5 columns of 40 bins: 3.8 s against 0.9 s for 2·10⁶ rows).
    /// </summary>
    public string NumericCounts(IReadOnlyList<(ColumnPlan Column, NumericBinEdges Edges)> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (NumericCountsAsRows)
        {
            var parts = new List<string>();
            for (int c = 0; c < columns.Count; c++)
            {
                var (column, edges) = columns[c];
                string v = column.ValueExpression(Sql);
                string bin = edges.Edges.Length == 0 ? "0" : Sql.Bucket(v, edges.Edges);
                parts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"SELECT {c} AS c, b, count(*) AS n FROM (SELECT CASE WHEN {column.MissingCondition(Sql)} THEN {edges.Bins.Length - 1} ELSE {bin} END AS b {FromWhere}) AS t GROUP BY b"));
            }
            return string.Join(" UNION ALL ", parts) + " ORDER BY c, b";
        }
        var items = new List<string>();
        foreach (var (column, edges) in columns)
        {
            string v = column.ValueExpression(Sql), present = $"NOT {column.MissingCondition(Sql)}";
            var e = edges.Edges;
            if (e.Length == 0)
            {
                items.Add(Sql.CountIf(present));   // one bin holds every value
            }
            else
            {
                items.Add(Sql.CountIf($"{present} AND {v} < {SqlSpellings.Number(e[0])}"));
                for (int i = 0; i + 1 < e.Length; i++)
                    items.Add(Sql.CountIf($"{present} AND {v} >= {SqlSpellings.Number(e[i])} AND {v} < {SqlSpellings.Number(e[i + 1])}"));
                items.Add(Sql.CountIf($"{present} AND {v} >= {SqlSpellings.Number(e[^1])}"));
            }
            items.Add(Sql.CountIf(column.MissingCondition(Sql)));
        }
        return $"SELECT {string.Join(", ", items)} {FromWhere}";
    }

    /// <summary>The most frequent non-missing values of a categorical column, at most <paramref name="limit"/>, most frequent first.</summary>
    public string ValueCounts(ColumnPlan column, int limit) =>
        string.Create(CultureInfo.InvariantCulture,
            $"SELECT v, count(*) AS n FROM (SELECT {column.ValueExpression(Sql)} AS v {FromWhere}) AS t WHERE NOT {SqlSpellings.IsMissingText("v")} GROUP BY v ORDER BY n DESC, v LIMIT {limit}");

    /// <summary>Counts of a numeric column's non-missing values in the fine bins of <paramref name="edges"/>: rows (bucket, count), bucket = number of edges ≤ x.</summary>
    /// <remarks>DuckDB joins the values to the edges with an ASOF join (the largest edge ≤ x, numbered from 1), which sorts
    /// once: an expression per row, even a binary search written in CASEs, runs its whole tree for every vector (1000 edges:
    /// 5.9 s against 1.6 s for 2·10⁶ values).</remarks>
    public string FineCounts(ColumnPlan column, IReadOnlyList<double> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        string values = $"SELECT {column.ValueExpression(Sql)} AS x {FromWhere}";
        if (Sql.Dialect == Engines.SqlDialect.DuckDb && edges.Count > 0)
            return string.Create(CultureInfo.InvariantCulture,
                $"SELECT coalesce(e.b, 0) AS b, count(*) AS n FROM ({values}) AS s ASOF LEFT JOIN (SELECT unnest(range(1, {edges.Count + 1})) AS b, unnest([{string.Join(", ", edges.Select(SqlSpellings.Number))}]) AS e) AS e ON s.x >= e.e WHERE NOT {Sql.IsMissingNumber("s.x")} GROUP BY 1 ORDER BY 1");
        return $"SELECT b, count(*) AS n FROM (SELECT {Sql.Bucket("x", edges)} AS b FROM ({values}) AS s WHERE NOT {Sql.IsMissingNumber("x")}) AS t GROUP BY b ORDER BY b";
    }

    /// <summary>
    /// The two samples' non-missing values as rows (x, r, c) in ascending order of x, r and c being each sample's count of
    /// x — over this source and <paramref name="otherFromWhere"/>, a source the same engine can read (two files in DuckDB,
    /// two tables of one database). PostgreSQL and ClickHouse group the values, one row per distinct value, so that
    /// fewer rows cross the wire. With <paramref name="mostlyDistinct"/>, DuckDB sorts them without grouping, one row per
    /// value with (r, c) = (1, 0) or (0, 1), and equal values arrive one after another for the reader to add up: hashing
    /// 4·10⁶ mostly distinct values before sorting them took three times as long (3.2 s of processor time against 1.1 s),
    /// while for few distinct values grouping first is the faster (10⁴ values of 4·10⁶ rows: 0.8 s against 6.6 s).
    /// </summary>
    /// <remarks>
    /// With <paramref name="materialized"/> (DuckDB, mostly distinct), the pooled values are a MATERIALIZED common table
    /// expression that the sort then reads: DuckDB 1.5's sort fed straight from the two scans did not spill (2·10⁷ rows a
    /// side failed under a 1 GB limit, about 24 bytes a value in memory), while from the materialized values it spills
    /// and ran within 500 MB; it is slower in memory (11.1 s against 6.5 s for that column under 2 GB), so it is asked
    /// only when the values would not fit half the limit.
    /// </remarks>
    public string Grouped(ColumnPlan column, string otherFromWhere, bool mostlyDistinct = false, bool materialized = false)
    {
        string v = column.ValueExpression(Sql);
        if (mostlyDistinct && Sql.Dialect == Engines.SqlDialect.DuckDb)
        {
            string pooled = $"SELECT {v} AS x, CAST(0 AS BIGINT) AS s {FromWhere}"
                            + " UNION ALL "
                            + $"SELECT {v} AS x, CAST(1 AS BIGINT) AS s {otherFromWhere}";
            return materialized
                ? $"WITH pooled AS MATERIALIZED ({pooled}) SELECT x, 1 - s AS r, s AS c FROM pooled WHERE NOT {Sql.IsMissingNumber("x")} ORDER BY x"
                : $"SELECT x, 1 - s AS r, s AS c FROM ({pooled}) AS pooled WHERE NOT {Sql.IsMissingNumber("x")} ORDER BY x";
        }
        // Counted with count-if rather than summed: a sum is a HUGEINT in DuckDB and a numeric in PostgreSQL, each
        // slow to read back for every one of up to 2n rows; a count is a 64-bit integer everywhere.
        return $"SELECT x, {Sql.CountIf("s = 0")} AS r, {Sql.CountIf("s = 1")} AS c FROM ("
               + $"SELECT {v} AS x, 0 AS s {FromWhere}"
               + " UNION ALL "
               + $"SELECT {v} AS x, 1 AS s {otherFromWhere}"
               + $") AS pooled WHERE NOT {Sql.IsMissingNumber("x")} GROUP BY x ORDER BY x";
    }

    private string Value(ColumnPlan column) => column.ValueExpression(Sql);

    private string Where(ColumnPlan column) => From($"NOT {column.MissingCondition(Sql)}");
}
