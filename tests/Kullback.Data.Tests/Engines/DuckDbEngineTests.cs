using System.Diagnostics;
using Kullback.Data.Engines;

namespace Kullback.Data.Tests.Engines;

/// <summary>The embedded DuckDB engine on real files: CSV, globs, Parquet with Hive partitions, JSON, database files.</summary>
public sealed class DuckDbEngineTests(DuckDbFiles files) : IClassFixture<DuckDbFiles>
{
    private static async Task<IQueryEngine> OpenAsync(string source, string? filter = null, EngineOptions? options = null) =>
        await QueryEngine.OpenAsync(DataSource.Parse(source).WithFilter(filter), options);

    [Fact]
    public async Task Counts_a_csv_file_where_it_lies()
    {
        await using var engine = await OpenAsync(files.Csv);
        Assert.Equal($"read_csv_auto('{files.Csv}')", engine.Relation);
        Assert.Equal(["id", "amount", "country"], engine.Columns.Select(c => c.Name));
        Assert.Equal([ColumnCategory.Integral, ColumnCategory.Real, ColumnCategory.Text], engine.Columns.Select(c => c.Category));
        var row = await EngineAssert.SingleRowAsync(engine, $"SELECT count(*), sum(id), sum(amount), count(DISTINCT country) {engine.FromWhere()}");
        Assert.Equal(100L, row.GetInt64(0));
        Assert.Equal(5050L, row.GetInt64(1));
        Assert.Equal(1262.5, row.GetDouble(2));
        Assert.Equal(2L, row.GetInt64(3));
    }

    [Fact]
    public async Task The_filter_and_a_condition_restrict_the_rows()
    {
        await using var engine = await OpenAsync(files.Csv, "country = 'NZ' -- a comment that must not swallow the parenthesis");
        var row = await EngineAssert.SingleRowAsync(engine, $"SELECT count(*) {engine.FromWhere("id > 50")}");
        Assert.Equal(13L, row.GetInt64(0));
    }

    [Fact]
    public async Task Streams_one_row_per_group_in_order()
    {
        await using var engine = await OpenAsync(files.Csv);
        var rows = await EngineAssert.RowsAsync(engine, $"SELECT country, count(*) AS n {engine.FromWhere()} GROUP BY country ORDER BY country");
        Assert.Equal([("AU", 75L), ("NZ", 25L)], rows.Select(r => (r.GetString(0), r.GetInt64(1))));
        Assert.Equal("n", rows[0].Columns[1].Name);
    }

    [Fact]
    public async Task A_glob_reads_every_matching_file()
    {
        await using var engine = await OpenAsync(files.DailyGlob);
        var row = await EngineAssert.SingleRowAsync(engine, $"SELECT count(*), sum(n) {engine.FromWhere()}");
        Assert.Equal(6L, row.GetInt64(0));
        Assert.Equal(660L, row.GetInt64(1));
    }

    [Fact]
    public async Task Parquet_values_keep_their_types_NaN_included()
    {
        await using var engine = await OpenAsync(files.Parquet);
        var row = await EngineAssert.SingleRowAsync(engine,
            $"SELECT count(*), count(*) FILTER (WHERE isnan(x)), max(x) FILTER (WHERE NOT isnan(x)), max(x) {engine.FromWhere()}");
        Assert.Equal(1000L, row.GetInt64(0));
        Assert.Equal(100L, row.GetInt64(1));
        Assert.Equal(999 / 3.0, row.GetDouble(2));
        Assert.True(double.IsNaN(row.GetDouble(3)), "DuckDB orders NaN above every number");
    }

    [Fact]
    public async Task Hive_partition_keys_become_columns_that_filters_use()
    {
        await using var engine = await OpenAsync(files.HiveGlob, "year = 2021");
        Assert.Contains(engine.Columns, c => c.Name == "year");
        var row = await EngineAssert.SingleRowAsync(engine, $"SELECT count(*), min(id % 3), max(id % 3) {engine.FromWhere()}");
        Assert.Equal(100L, row.GetInt64(0));
        Assert.Equal(1L, row.GetInt64(1));
        Assert.Equal(1L, row.GetInt64(2));
    }

    [Fact]
    public async Task Json_lines_read_with_their_nulls()
    {
        await using var engine = await OpenAsync(files.Json);
        var row = await EngineAssert.SingleRowAsync(engine, $"SELECT count(*), count(score), sum(score), min(label) {engine.FromWhere()}");
        Assert.Equal(10L, row.GetInt64(0));
        Assert.Equal(9L, row.GetInt64(1));
        Assert.Equal(5.0, row.GetDouble(2), 12);
        Assert.Equal("l0", row.GetString(3));
    }

    [Fact]
    public async Task A_database_file_table_is_read_with_every_value_kind()
    {
        await using var engine = await OpenAsync($"duckdb://{files.DatabaseFile}?table=sales.orders");
        Assert.Equal("\"sales\".\"orders\"", engine.Relation);
        Assert.Equal(
            [ColumnCategory.Integral, ColumnCategory.Real, ColumnCategory.Boolean, ColumnCategory.Temporal, ColumnCategory.Text],
            engine.Columns.Select(c => c.Category));
        var row = await EngineAssert.SingleRowAsync(engine,
            $"SELECT sum(id), sum(price), min(paid), max(day), max(note), avg(id), sum(id)::HUGEINT * 1000000000000000000 {engine.FromWhere()}");
        Assert.Equal(ValueKind.Integral, row[0].Kind);
        Assert.Equal(1225L, row.GetInt64(0));
        Assert.Equal(ValueKind.Integral, row[1].Kind);
        Assert.Equal(25L, row.GetInt64(1));
        Assert.Equal("false", row.GetString(2));
        Assert.Equal("2024-02-19", row.GetString(3));
        Assert.True(row.IsNull(4));
        Assert.Equal(24.5, row.GetDouble(5));
        Assert.Equal(ValueKind.Real, row[6].Kind);
        Assert.Equal(1.225e21, row.GetDouble(6));
    }

    [Fact]
    public async Task Quoted_names_reach_the_right_table()
    {
        await using var engine = await OpenAsync($"duckdb://{files.DatabaseFile}?table=%22odd%20%22%22name%22");
        var column = engine.RequireColumn("A B");
        Assert.Equal("a b", column.Name);
        var row = await EngineAssert.SingleRowAsync(engine, $"SELECT count({engine.Dialect.QuoteIdentifier(column.Name)}) {engine.FromWhere()}");
        Assert.Equal(2L, row.GetInt64(0));
    }

    [Fact]
    public async Task A_database_file_is_opened_read_only()
    {
        await using var engine = await OpenAsync($"duckdb://{files.DatabaseFile}?table=sales.orders");
        var error = await EngineAssert.QueryFaultAsync(engine, "CREATE TABLE sales.intruder (a INTEGER)");
        Assert.StartsWith("DuckDB could not run the query: ", error.Problem, StringComparison.Ordinal);
        Assert.Contains("read-only", error.Problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_missing_file_or_an_empty_glob_is_a_fault_of_the_source()
    {
        var missing = await EngineAssert.OpenFaultAsync(DataSource.Parse(Path.Combine(files.Directory, "nope.csv")));
        Assert.Equal("the file does not exist", missing.Problem);
        var empty = await EngineAssert.OpenFaultAsync(DataSource.Parse(Path.Combine(files.Directory, "none-*.parquet")));
        Assert.Equal("no file matches the pattern", empty.Problem);
        var database = await EngineAssert.OpenFaultAsync(DataSource.Parse($"duckdb://{files.Directory}/nope.duckdb?table=t"));
        Assert.Equal("the DuckDB database file does not exist", database.Problem);
    }

    [Fact]
    public async Task A_path_with_quotes_and_spaces_is_read()
    {
        await using var engine = await OpenAsync(files.Apostrophe);
        Assert.Equal(3L, (await EngineAssert.SingleRowAsync(engine, $"SELECT sum(a) {engine.FromWhere()}")).GetInt64(0));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_a_fault_of_the_source()
    {
        var error = await EngineAssert.OpenFaultAsync(DataSource.Parse($"duckdb://{files.NotADatabase}?table=t"));
        Assert.StartsWith("DuckDB could not open the source: ", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_table_is_named()
    {
        var error = await EngineAssert.OpenFaultAsync(DataSource.Parse($"duckdb://{files.DatabaseFile}?table=sales.nope"));
        Assert.Equal("table 'sales.nope' does not exist", error.Problem);
        var unqualified = await EngineAssert.OpenFaultAsync(DataSource.Parse($"duckdb://{files.DatabaseFile}?table=orders"));
        Assert.Equal("table 'orders' does not exist", unqualified.Problem);
    }

    [Fact]
    public async Task A_missing_column_is_named_with_the_columns_there_are()
    {
        await using var engine = await OpenAsync(files.Csv);
        var error = await EngineAssert.FaultAsync(engine.Source, () => Task.FromResult(engine.RequireColumn("price")));
        Assert.Equal("column 'price' does not exist (the source has id, amount, country)", error.Problem);
        var query = await EngineAssert.QueryFaultAsync(engine, $"SELECT sum(price) {engine.FromWhere()}");
        Assert.StartsWith("DuckDB could not run the query: Binder Error", query.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_filter_is_reported_when_the_engine_opens()
    {
        var error = await EngineAssert.OpenFaultAsync(DataSource.Parse(files.Csv).WithFilter("no_such_column > 1"));
        Assert.StartsWith("DuckDB could not run the query: Binder Error", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_past_the_timeout_is_interrupted()
    {
        await using var engine = await OpenAsync(files.Csv, options: new EngineOptions { Timeout = TimeSpan.FromMilliseconds(300), Threads = 1 });
        var clock = Stopwatch.StartNew();
        var error = await EngineAssert.QueryFaultAsync(engine, "SELECT count(*) FROM range(1000000000000) WHERE range % 7 = 100");
        Assert.Equal("the query ran past the 300 ms timeout", error.Problem);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the interrupt took {clock.Elapsed}");
        // The connection is usable afterwards.
        Assert.Equal(100L, (await EngineAssert.SingleRowAsync(engine, $"SELECT count(*) {engine.FromWhere()}")).GetInt64(0));
    }

    [Fact]
    public async Task Cancelling_interrupts_the_query_with_an_OperationCanceledException()
    {
        await using var engine = await OpenAsync(files.Csv, options: new EngineOptions { Threads = 1 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            EngineAssert.RowsAsync(engine, "SELECT count(*) FROM range(1000000000000) WHERE range % 7 = 100", cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the interrupt took {clock.Elapsed}");
    }

    [Fact]
    public async Task Threads_memory_limit_and_temp_directory_are_applied()
    {
        string temp = Path.Combine(files.Directory, "spill");
        await using var engine = await OpenAsync(files.Csv, options: new EngineOptions { Threads = 1, MemoryLimit = "256MB", TempDirectory = temp });
        var row = await EngineAssert.SingleRowAsync(engine,
            "SELECT current_setting('threads'), current_setting('memory_limit'), current_setting('temp_directory')");
        Assert.Equal(1L, row.GetInt64(0));
        Assert.Equal("244.1 MiB", row.GetString(1));
        Assert.Equal(temp, row.GetString(2));
    }

    [Fact]
    public async Task By_default_memory_is_limited_to_2_GB_and_spills_to_a_directory_removed_on_disposal()
    {
        string temp;
        await using (var engine = await OpenAsync(files.Csv))
        {
            var row = await EngineAssert.SingleRowAsync(engine, "SELECT current_setting('memory_limit'), current_setting('temp_directory')");
            if (Environment.GetEnvironmentVariable(DuckDbEngine.MemoryLimitVariable) is null)
                Assert.Equal("1.8 GiB", row.GetString(0));   // 2·10⁹ bytes
            temp = row.GetString(1);
            Assert.StartsWith(Path.Combine(Path.GetTempPath(), "kullback-duckdb-"), temp, StringComparison.Ordinal);
            Assert.False(Directory.Exists(temp));   // created only when DuckDB spills
        }

        await using (var engine = await OpenAsync(files.Csv, options: new EngineOptions { Threads = 1, MemoryLimit = "64MB" }))
        {
            temp = (await EngineAssert.SingleRowAsync(engine, "SELECT current_setting('temp_directory')")).GetString(0);
            // 4·10⁶ sorted doubles with their row numbers outgrow 64 MB: the sort spills, and the result still streams in order.
            double previous = double.NegativeInfinity;
            long rows = 0;
            await foreach (var row in engine.QueryAsync("SELECT x FROM (SELECT random() AS x, range AS i FROM range(4000000)) ORDER BY x, i"))
            {
                double x = row.GetDouble(0);
                Assert.True(x >= previous);
                previous = x;
                if (rows++ == 0) Assert.True(Directory.Exists(temp), "the sort did not spill");
            }
            Assert.Equal(4_000_000, rows);
        }
        Assert.False(Directory.Exists(temp), $"{temp} was left behind");
    }

    [Fact]
    public async Task A_memory_limit_must_be_a_size_DuckDB_can_work_in()
    {
        foreach (string limit in (string[])["lots", "", "4 G", "-1GB", "12", "1e9B"])
        {
            var error = await Assert.ThrowsAsync<InvalidArgumentException>(() => QueryEngine.OpenAsync(DataSource.Parse(files.Csv), new EngineOptions { MemoryLimit = limit }));
            Assert.Contains("is not a size; write a number and a unit, like 512MB, 4GB or 1.5GiB.", error.Reason, StringComparison.Ordinal);
        }
        var small = await Assert.ThrowsAsync<InvalidArgumentException>(() => QueryEngine.OpenAsync(DataSource.Parse(files.Csv), new EngineOptions { MemoryLimit = "32MiB" }));
        Assert.Equal("The memory limit '32MiB' is below 64MB, too little for DuckDB to work in.", small.Reason);
        foreach (string limit in (string[])["64MB", "1.5GiB", "2 gb", "300000000B"])
        {
            await using var engine = await OpenAsync(files.Csv, options: new EngineOptions { MemoryLimit = limit });
            Assert.Equal(1L, (await EngineAssert.SingleRowAsync(engine, "SELECT 1")).GetInt64(0));
        }
    }

    [Fact]
    public async Task Out_of_memory_says_which_limit_and_how_to_raise_it()
    {
        await using var engine = await OpenAsync(files.Csv, options: new EngineOptions { Threads = 2, MemoryLimit = "64MB" });
        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            EngineAssert.RowsAsync(engine, "SELECT list(range) FROM range(100000000)", CancellationToken.None));
        Assert.Contains("Out of Memory", error.Problem, StringComparison.Ordinal);
        Assert.EndsWith("(the memory limit is 64MB: raise it with --memory-limit or KULLBACK_DUCKDB_MEMORY_LIMIT)", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quoted_strings_and_identifiers_come_back_unchanged()
    {
        await using var engine = await OpenAsync(files.Csv);
        foreach (string text in (string[])["plain", "it's", "a\"b", "back\\slash", "tab\tnew\nline", "ünïcødé 表 🙂", "--", "/*", "'; SELECT 1; --"])
        {
            var row = await EngineAssert.SingleRowAsync(engine, $"SELECT {engine.Dialect.QuoteString(text)} AS {engine.Dialect.QuoteIdentifier(text)}");
            Assert.Equal(text, row.GetString(0));
            Assert.Equal(text, row.Columns[0].Name);
        }
    }
}
