using System.Globalization;
using Kullback.Data.Engines;

namespace Kullback.Data.Comparison;

/// <summary>
/// What a comparison plan needs from SQL, spelled per dialect, as SQLGlot's dialects do: the plan is built once and
/// each dialect differs only in these few entries (checked against the real engines: src/Kullback.Data/Engines/README.md).
/// </summary>
public sealed class SqlSpellings
{
    private readonly Func<string, string> _asDouble, _secondsOf, _asText, _booleanAsText, _isNaN, _countIf;
    private readonly string _standardDeviation;
    private readonly string? _approximateCountDistinct;
    private readonly Func<string, IReadOnlyList<double>, string> _bucket;
    private readonly Func<string, IReadOnlyList<double>, string>? _quantileRows;

    private SqlSpellings(SqlDialect dialect, Func<string, string> asDouble, Func<string, string> secondsOf, Func<string, string> asText,
                         Func<string, string> booleanAsText, Func<string, string> isNaN, Func<string, string> countIf,
                         Func<string, IReadOnlyList<double>, string> bucket, Func<string, IReadOnlyList<double>, string>? quantileRows,
                         bool hasWindowFunctions, string countDistinct, string standardDeviation = "stddev_pop", string? approximateCountDistinct = null)
    {
        _approximateCountDistinct = approximateCountDistinct;
        _standardDeviation = standardDeviation;
        Dialect = dialect;
        _asDouble = asDouble;
        _secondsOf = secondsOf;
        _asText = asText;
        _booleanAsText = booleanAsText;
        _isNaN = isNaN;
        _countIf = countIf;
        _bucket = bucket;
        _quantileRows = quantileRows;
        HasWindowFunctions = hasWindowFunctions;
        CountDistinctFunction = countDistinct;
    }

    /// <summary>DuckDB 1.5.</summary>
    public static SqlSpellings DuckDb { get; } = new(SqlDialect.DuckDb,
        x => $"CAST({x} AS DOUBLE)", x => $"CAST(epoch({x}) AS DOUBLE)", x => $"CAST({x} AS VARCHAR)",
        x => $"CASE WHEN {x} THEN 'true' WHEN NOT {x} THEN 'false' END", x => $"isnan({x})", c => $"count_if({c})",
        (x, e) => SearchTree(x, e, (c, a, b) => $"CASE WHEN {c} THEN {a} ELSE {b} END"),   // list_filter builds a list per row: 1000 edges took minutes for 4·10⁶ rows
        (x, p) => $"unnest(quantile_disc({x}, {List("[", p, "]")}))", hasWindowFunctions: true, "count(DISTINCT {0})",
        approximateCountDistinct: "approx_count_distinct({0})");

    /// <summary>PostgreSQL 15.</summary>
    public static SqlSpellings PostgreSql { get; } = new(SqlDialect.PostgreSql,
        x => $"CAST({x} AS double precision)", x => $"CAST(EXTRACT(EPOCH FROM {x}) AS double precision)", x => $"CAST({x} AS text)",
        x => $"CASE WHEN {x} THEN 'true' WHEN NOT {x} THEN 'false' END", x => $"({x} = 'NaN'::float8)", c => $"count(*) FILTER (WHERE {c})",
        (x, e) => $"width_bucket({x}, {List("ARRAY[", e, "]")}::float8[])",
        (x, p) => $"unnest(percentile_disc({List("ARRAY[", p, "]")}::float8[]) WITHIN GROUP (ORDER BY {x}))", hasWindowFunctions: true, "count(DISTINCT {0})");

    /// <summary>ClickHouse 18.16: no window functions; NaN compares false with everything (filtered before counting).</summary>
    public static SqlSpellings ClickHouse { get; } = new(SqlDialect.ClickHouse,
        x => $"toFloat64({x})", x => $"toFloat64(toUnixTimestamp(toDateTime({x})))", x => $"toString({x})",
        x => $"multiIf(isNull({x}), NULL, {x} != 0, 'true', 'false')", x => $"isNaN({x})", c => $"countIf({c})",
        // A search tree where its text fits max_query_size (256 KiB) with room; arrayCount (linear in the edges) beyond.
        // assumeNotNull: a lambda over a Nullable returns Nullable(UInt8), which arrayCount refuses.
        (x, e) => e.Count <= 2048 ? SearchTree(x, e, (c, a, b) => $"if({c}, {a}, {b})") : $"arrayCount(e -> e <= assumeNotNull({x}), {List("[", e, "]")})",
        (x, p) => $"arrayJoin(quantilesExactWeighted({string.Join(", ", p.Select(Number))})({x}, 1))", hasWindowFunctions: false, "uniqExact({0})", "stddevPop");

    /// <summary>Spark SQL 3.3+ (printed with --show-sql, not executed by kullback).</summary>
    public static SqlSpellings SparkSql { get; } = new(SqlDialect.SparkSql,
        x => $"CAST({x} AS DOUBLE)", x => $"CAST(unix_timestamp({x}) AS DOUBLE)", x => $"CAST({x} AS STRING)",
        x => $"CASE WHEN {x} THEN 'true' WHEN NOT {x} THEN 'false' END", x => $"isnan({x})", c => $"count_if({c})",
        (x, e) => $"size(filter({List("array(", e, ")")}, e -> e <= {x}))", quantileRows: null, hasWindowFunctions: true, "count(DISTINCT {0})");

    /// <summary>Trino (printed with --show-sql, not executed by kullback).</summary>
    public static SqlSpellings Trino { get; } = new(SqlDialect.Trino,
        x => $"CAST({x} AS DOUBLE)", x => $"to_unixtime(CAST({x} AS TIMESTAMP))", x => $"CAST({x} AS VARCHAR)",
        x => $"CASE WHEN {x} THEN 'true' WHEN NOT {x} THEN 'false' END", x => $"is_nan({x})", c => $"count_if({c})",
        (x, e) => $"width_bucket({x}, {List("ARRAY[", e, "]")})", quantileRows: null, hasWindowFunctions: true, "count(DISTINCT {0})");

    /// <summary>Every dialect, by the name <c>--dialect</c> takes.</summary>
    public static IReadOnlyList<(string Key, SqlSpellings Spellings)> All { get; } =
        [("duckdb", DuckDb), ("postgresql", PostgreSql), ("clickhouse", ClickHouse), ("spark", SparkSql), ("trino", Trino)];

    /// <summary>The spellings of <paramref name="dialect"/>.</summary>
    public static SqlSpellings For(SqlDialect dialect) =>
        All.Select(a => a.Spellings).FirstOrDefault(s => s.Dialect == dialect)
        ?? throw new InvalidArgumentException($"No spellings for the {dialect} dialect.", nameof(dialect));

    /// <summary>The dialect whose key is <paramref name="key"/> (duckdb, postgresql, clickhouse, spark, trino).</summary>
    /// <exception cref="InvalidArgumentException">No dialect has that key.</exception>
    public static SqlSpellings Parse(string key) =>
        All.FirstOrDefault(a => string.Equals(a.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase)).Spellings
        ?? throw new InvalidArgumentException($"{InputText.Quote(key ?? "")} is not a dialect: use {string.Join(", ", All.Select(a => a.Key))}.", nameof(key));

    /// <summary>The dialect's quoting rules.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>Whether the engine has window functions (for exact two-sample statistics in SQL).</summary>
    public bool HasWindowFunctions { get; }

    /// <summary>Whether the engine has exact type-1 quantiles (Trino has none; Spark one p per call).</summary>
    public bool HasExactQuantileRows => _quantileRows is not null;

    private string CountDistinctFunction { get; }

    /// <summary>A number expression as a double.</summary>
    public string AsDouble(string expression) => _asDouble(expression);

    /// <summary>A date or time expression as seconds since 1970 (a double).</summary>
    public string SecondsOf(string expression) => _secondsOf(expression);

    /// <summary>Any expression as text.</summary>
    public string AsText(string expression) => _asText(expression);

    /// <summary>A boolean as 'true', 'false' or NULL.</summary>
    public string BooleanAsText(string expression) => _booleanAsText(expression);

    /// <summary>A double expression is missing: NULL or NaN.</summary>
    public string IsMissingNumber(string expression) => $"({expression} IS NULL OR {_isNaN(expression)})";

    /// <summary>A text expression is missing: NULL or empty.</summary>
    public static string IsMissingText(string expression) => $"({expression} IS NULL OR {expression} = '')";

    /// <summary>The number of rows where <paramref name="condition"/> holds.</summary>
    public string CountIf(string condition) => _countIf(condition);

    /// <summary>The exact number of distinct values of <paramref name="expression"/>.</summary>
    public string CountDistinct(string expression) => string.Format(CultureInfo.InvariantCulture, CountDistinctFunction, expression);

    /// <summary>Whether the engine has a fast estimate of the number of distinct values (<see cref="ApproximateCountDistinct"/>).</summary>
    public bool HasApproximateCountDistinct => _approximateCountDistinct is not null;

    /// <summary>
    /// An estimate of the number of distinct values of <paramref name="expression"/> from a sketch of fixed size
    /// (DuckDB's HyperLogLog <c>approx_count_distinct</c>: 16,230 for 20,000 multiples of ¼, so off by a fifth or so), where the exact count hashes every
    /// distinct value: for 5 columns of 2·10⁶ mostly distinct numbers, 0.6 s against 2.6 s.
    /// </summary>
    /// <exception cref="InvalidOperationException">The dialect has none (<see cref="HasApproximateCountDistinct"/>).</exception>
    public string ApproximateCountDistinct(string expression) =>
        string.Format(CultureInfo.InvariantCulture, _approximateCountDistinct ?? throw new InvalidOperationException($"{Dialect} has no approximate distinct count."), expression);

    /// <summary>The population standard deviation of <paramref name="expression"/> (NULLs ignored).</summary>
    public string StandardDeviation(string expression) => $"{_standardDeviation}({expression})";

    /// <summary>The number of edges ≤ x: 0 below the first edge, i for eᵢ₋₁ ≤ x &lt; eᵢ, k at or above the last (x not NaN).</summary>
    public string Bucket(string expression, IReadOnlyList<double> edges) => _bucket(expression, edges);

    /// <summary>A select-list item that yields one row per probability with the type-1 quantile (percentile_disc).</summary>
    /// <exception cref="InvalidOperationException">The dialect has no exact quantiles (Trino) or none as rows (Spark).</exception>
    public string QuantileRows(string expression, IReadOnlyList<double> probabilities) =>
        _quantileRows?.Invoke(expression, probabilities) ?? throw new InvalidOperationException($"{Dialect} has no exact quantile rows.");

    /// <summary>
    /// A number as an SQL literal that reads back as exactly the same double: the shortest round-trip digits, always with
    /// an exponent (<c>0.1054864601234567e0</c>), because DuckDB, Spark and Trino read a literal without one as a DECIMAL,
    /// and DuckDB's DECIMAL-to-DOUBLE conversion is not correctly rounded (a value equal to an edge then fell in the bin
    /// below); PostgreSQL reads it as numeric and converts it correctly rounded, ClickHouse as Float64.
    /// </summary>
    public static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) is var r && r.Contains('E', StringComparison.Ordinal) ? r : r + "e0"
        : throw new InvalidArgumentException($"{value} cannot be an SQL literal.", nameof(value));

    /// <summary>
    /// The number of <paramref name="edges"/> (ascending) that are ≤ x, as a binary search written out in SQL: ⌈log₂(k + 1)⌉
    /// comparisons a row, and text linear in k. <paramref name="choose"/> spells "if condition then a else b".
    /// </summary>
    private static string SearchTree(string x, IReadOnlyList<double> edges, Func<string, string, string, string> choose)
    {
        var text = new System.Text.StringBuilder(edges.Count * 48);
        string[] parts = choose("\u0001", "\u0002", "\u0003").Split('\u0001', '\u0002', '\u0003');   // the template's text around its three holes
        void Node(int lo, int hi)   // the edges before lo are ≤ x, those from hi on are > x
        {
            if (lo == hi)
            {
                text.Append(lo.ToString(CultureInfo.InvariantCulture));
                return;
            }
            int mid = lo + (hi - lo) / 2;
            text.Append(parts[0]).Append(x).Append(" < ").Append(Number(edges[mid])).Append(parts[1]);
            Node(lo, mid);
            text.Append(parts[2]);
            Node(mid + 1, hi);
            text.Append(parts[3]);
        }
        Node(0, edges.Count);
        return text.ToString();
    }

    private static string List(string open, IReadOnlyList<double> values, string close) =>
        open + string.Join(", ", values.Select(Number)) + close;

    /// <summary>The dialect's name.</summary>
    public override string ToString() => Dialect.Name;
}
