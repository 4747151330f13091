using System.Text;
using Kullback.Comparison;
using Kullback.Data.Comparison;
using Kullback.Data.Engines;

namespace Kullback.Data.Tests.Comparison;

/// <summary>
/// Every statement of a small comparison plan, pinned per dialect in <c>GoldenSql/*.sql</c>, so that a change of
/// spelling is deliberate: the DuckDB, PostgreSQL and ClickHouse files are what <see cref="DatabaseComparisonTests"/>
/// runs against the real engines; Spark SQL and Trino are printed, never run. After an intended change, run the tests
/// with <c>KULLBACK_UPDATE_GOLDEN=1</c> and review the diff of the files.
/// </summary>
public sealed class GoldenSqlTests
{
    private static readonly ColumnPlan Amount = new("amount", ColumnKind.Numeric, ColumnCategory.Real);
    private static readonly ColumnPlan Seen = new("seen at", ColumnKind.Numeric, ColumnCategory.Temporal);
    private static readonly ColumnPlan Colour = new("colour", ColumnKind.Categorical, ColumnCategory.Text);
    private static readonly ColumnPlan Flag = new("flag", ColumnKind.Categorical, ColumnCategory.Boolean);

    public static TheoryData<string> Dialects => new() { "duckdb", "postgresql", "clickhouse", "spark", "trino" };

    /// <summary>The plan's statements in one dialect, as the scans of a comparison send them.</summary>
    internal static string Statements(SqlSpellings sql)
    {
        string relation = sql.Dialect.QuoteTable(new TableName("sales", "events"));
        string other = sql.Dialect.QuoteTable(new TableName("sales", "events_now"));
        var queries = new ScanQueries(sql, condition => condition is null ? $"FROM {relation} WHERE (region = 'NZ'\n)" : $"FROM {relation} WHERE (region = 'NZ'\n) AND ({condition}\n)");
        var text = new StringBuilder();
        void Add(string name, Func<string> statement)
        {
            string body;
            try
            {
                body = statement() + ";";
            }
            catch (InvalidOperationException e)
            {
                body = "-- not available: " + e.Message;
            }
            text.Append("-- ").Append(name).Append('\n').Append(body).Append("\n\n");
        }
        Add("overview", () => queries.Overview([Amount, Seen, Colour, Flag]));
        Add("overview, numeric distinct values estimated", () => queries.Overview([Amount, Seen, Colour, Flag], estimateNumericDistinct: true));
        Add("exact distinct counts", () => queries.CountDistinct([Amount, Colour]));
        Add("distinct values", () => queries.DistinctValues(Amount));
        Add("values at ranks 1, 3, 5 of 5 (quantile edges)", () => queries.ValuesAtRanks(Seen, [1, 3, 5], 5));
        Add("values at 40 ranks of 400 (fine histogram edges)", () => queries.ValuesAtRanks(Amount, [.. Enumerable.Range(1, 40).Select(i => (long)i * 10)], 400));
        Add("numeric counts", () => queries.NumericCounts([(Amount, new NumericBinEdges([1.5, 2.5, 1e10], BinningRule.Quantile)), (Seen, new NumericBinEdges([], BinningRule.Unbounded))]));
        Add("value counts", () => queries.ValueCounts(Colour, 100));
        Add("value counts of a boolean", () => queries.ValueCounts(Flag, 3));
        Add("fine counts", () => queries.FineCounts(Amount, [-0.5, 0, 0.25, 7]));
        Add("grouped values of both sides", () => queries.Grouped(Seen, $"FROM {other}"));
        Add("values of both sides, mostly distinct", () => queries.Grouped(Seen, $"FROM {other}", mostlyDistinct: true));
        Add("values of both sides, mostly distinct, materialised", () => queries.Grouped(Seen, $"FROM {other}", mostlyDistinct: true, materialized: true));
        return text.ToString();
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Each_dialect_spells_the_plan_as_pinned(string dialect)
    {
        string actual = Statements(SqlSpellings.Parse(dialect));
        string path = Path.Combine(SourceDirectory(), "GoldenSql", dialect + ".sql");
        if (Environment.GetEnvironmentVariable("KULLBACK_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }
        Assert.True(File.Exists(path), $"{path} is missing: run the tests once with KULLBACK_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    /// <summary>
    /// This folder in the source tree, found from the test binaries up to the repository root (Kullback.slnx): CI
    /// builds are deterministic and map source paths to <c>/_/</c>, so the compiler's file path cannot be used.
    /// </summary>
    private static string SourceDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Kullback.slnx")))
                return Path.Combine(directory.FullName, "tests", "Kullback.Data.Tests", "Comparison");
        throw new DirectoryNotFoundException($"No Kullback.slnx above {AppContext.BaseDirectory}: run the tests from the repository");
    }
}
