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
    public string Overview(IReadOnlyList<ColumnPlan> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var items = new List<string> { "count(*)" };
        foreach (var column in columns)
        {
            string value = column.ValueExpression(Sql), missing = column.MissingCondition(Sql);
            string present = $"CASE WHEN NOT {missing} THEN {value} END";
            items.Add(Sql.CountIf(missing));
            items.Add(Sql.CountDistinct(present));
            if (column.Kind == ColumnKind.Numeric)
            {
                items.Add($"min({present})");
                items.Add($"max({present})");
                items.Add(Sql.StandardDeviation(present));
                items.Add($"avg({present})");
            }
        }
        return $"SELECT {string.Join(", ", items)} {FromWhere}";
    }

    /// <summary>The distinct non-missing values of a numeric column, ascending (asked only when there are few).</summary>
    public string DistinctValues(ColumnPlan column) =>
        $"SELECT DISTINCT {Value(column)} AS v {Where(column)} ORDER BY v";

    /// <summary>Type-1 quantiles (percentile_disc) of the non-missing values at <paramref name="probabilities"/>, one row each, in order.</summary>
    public string Quantiles(ColumnPlan column, IReadOnlyList<double> probabilities) =>
        $"SELECT {Sql.QuantileRows(Value(column), probabilities)} {Where(column)}";

    /// <summary>
    /// One scan counting every numeric column into its bins, in the order of <see cref="NumericBinEdges.Bins"/>: underflow
    /// (−∞, e₀), the regular bins [eᵢ, eᵢ₊₁), overflow [e_k, +∞), missing (NULL or NaN).
    /// </summary>
    public string NumericCounts(IReadOnlyList<(ColumnPlan Column, NumericBinEdges Edges)> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
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
    public string FineCounts(ColumnPlan column, IReadOnlyList<double> edges) =>
        $"SELECT b, count(*) AS n FROM (SELECT {Sql.Bucket("x", edges)} AS b FROM (SELECT {column.ValueExpression(Sql)} AS x {FromWhere}) AS s WHERE NOT {Sql.IsMissingNumber("x")}) AS t GROUP BY b ORDER BY b";

    /// <summary>
    /// The two samples' distinct non-missing values with each one's count, ascending — over this source and
    /// <paramref name="otherFromWhere"/>, a source the same engine can read (two files in DuckDB, two tables of one database).
    /// </summary>
    public string Grouped(ColumnPlan column, string otherFromWhere)
    {
        string v = column.ValueExpression(Sql);
        return "SELECT x, sum(r) AS r, sum(c) AS c FROM ("
               + $"SELECT {v} AS x, 1 AS r, 0 AS c {FromWhere}"
               + " UNION ALL "
               + $"SELECT {v} AS x, 0 AS r, 1 AS c {otherFromWhere}"
               + $") AS pooled WHERE NOT {Sql.IsMissingNumber("x")} GROUP BY x ORDER BY x";
    }

    private string Value(ColumnPlan column) => column.ValueExpression(Sql);

    private string Where(ColumnPlan column) => From($"NOT {column.MissingCondition(Sql)}");
}
