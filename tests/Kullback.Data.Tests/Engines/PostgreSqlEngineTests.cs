using System.Diagnostics;
using System.Globalization;
using Kullback.Data.Engines;
using Kullback.Data.Tests.Servers;

namespace Kullback.Data.Tests.Engines;

/// <summary>The PostgreSQL engine against a real server: reading, values, and every fault the contract names.</summary>
[Collection(UsesPostgres.Name)]
public sealed class PostgreSqlEngineTests(PostgresFixture fixture)
{
    private PostgresServer Server => fixture.Server;

    private EngineOptions WithPassword(TimeSpan? timeout = null) => new()
    {
        PasswordFile = Server.PasswordFile,
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    private async Task<string> EventsAsync(string name)
    {
        await Server.LoadTableAsync(name, "id bigint, amount double precision, country text, price numeric(10, 2), day date",
            Enumerable.Range(1, 1000).Select(i => new object?[]
            {
                (long)i,
                i % 100 == 0 ? double.NaN : i * 0.5,
                i % 10 == 0 ? null : i % 4 == 0 ? "NZ" : "AU",
                (i % 8) * 0.25m,
                new DateOnly(2024, 1, 1).AddDays(i % 31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }));
        return name;
    }

    private async Task<IQueryEngine> OpenAsync(string table, string? filter = null, EngineOptions? options = null) =>
        await QueryEngine.OpenAsync(DataSource.Parse(Server.SourceFor(table)).WithFilter(filter), options ?? WithPassword());

    [Fact]
    public async Task Counts_a_table_where_it_lives()
    {
        string table = await EventsAsync("public.pg_counts");
        await using var engine = await OpenAsync(table);
        Assert.Equal("\"public\".\"pg_counts\"", engine.Relation);
        Assert.Equal(["id", "amount", "country", "price", "day"], engine.Columns.Select(c => c.Name));
        Assert.Equal(["bigint", "double precision", "text", "numeric(10, 2)", "date"], engine.Columns.Select(c => c.EngineType));
        Assert.Equal(
            [ColumnCategory.Integral, ColumnCategory.Real, ColumnCategory.Text, ColumnCategory.Real, ColumnCategory.Temporal],
            engine.Columns.Select(c => c.Category));
        var row = await EngineAssert.SingleRowAsync(engine,
            $"SELECT count(*), sum(id), count(country), count(DISTINCT country), sum(price), count(*) FILTER (WHERE amount = 'NaN') {engine.FromWhere()}");
        Assert.Equal(1000L, row.GetInt64(0));
        Assert.Equal(ValueKind.Integral, row[1].Kind);
        Assert.Equal(500_500L, row.GetInt64(1));
        Assert.Equal(900L, row.GetInt64(2));
        Assert.Equal(2L, row.GetInt64(3));
        Assert.Equal(875L, row.GetInt64(4));
        Assert.Equal(10L, row.GetInt64(5));
    }

    [Fact]
    public async Task Values_arrive_with_their_kinds()
    {
        string table = await EventsAsync("public.pg_values");
        await using var engine = await OpenAsync(table);
        var row = await EngineAssert.SingleRowAsync(engine,
            $"SELECT max(amount), min(amount), avg(price), max(day), min(country), max(CASE WHEN id < 0 THEN 1 END), 'NaN'::numeric::float8, 1e30::numeric + 1 {engine.FromWhere()}");
        Assert.True(double.IsNaN(row.GetDouble(0)), "PostgreSQL orders NaN above every number");
        Assert.Equal(0.5, row.GetDouble(1));
        Assert.Equal(ValueKind.Real, row[2].Kind);
        Assert.Equal(0.875, row.GetDouble(2), 15);
        Assert.Equal("2024-01-31", row.GetString(3));
        Assert.Equal("AU", row.GetString(4));
        Assert.True(row.IsNull(5));
        Assert.True(double.IsNaN(row.GetDouble(6)));
        Assert.Equal(ValueKind.Real, row[7].Kind);
        Assert.Equal(1e30, row.GetDouble(7));
        var nan = await EngineAssert.QueryFaultAsync(engine, "SELECT 'NaN'::numeric AS odd");
        Assert.Equal("PostgreSQL sent a numeric value in column 'odd' that is NaN, infinite or too precise for a .NET number; cast it to double precision in the query", nan.Problem);
    }

    [Fact]
    public async Task The_filter_and_a_condition_restrict_the_rows()
    {
        string table = await EventsAsync("public.pg_filtered");
        await using var engine = await OpenAsync(table, "country = 'NZ' -- trailing comment");
        var groups = await EngineAssert.RowsAsync(engine, $"SELECT country, count(*) {engine.FromWhere("id <= 100")} GROUP BY country");
        var group = Assert.Single(groups);
        Assert.Equal("NZ", group.GetString(0));
        Assert.Equal(20L, group.GetInt64(1));
    }

    [Fact]
    public async Task Quoted_schema_table_and_column_names_reach_the_right_table()
    {
        await Server.ExecuteAsync("CREATE SCHEMA \"sch ema\"; GRANT USAGE ON SCHEMA \"sch ema\" TO reader");
        await Server.LoadTableAsync("\"sch ema\".\"we\"\"ird.name\"", "\"Col\"\"umn\" int", [[1], [2], [null]]);
        string source = Server.SourceFor("%22sch%20ema%22.%22we%22%22ird.name%22");
        await using var engine = await QueryEngine.OpenAsync(DataSource.Parse(source), WithPassword());
        var column = engine.RequireColumn("Col\"umn");
        Assert.Throws<InvalidInputException>(() => engine.RequireColumn("col\"umn"));
        var row = await EngineAssert.SingleRowAsync(engine, $"SELECT count({engine.Dialect.QuoteIdentifier(column.Name)}) {engine.FromWhere()}");
        Assert.Equal(2L, row.GetInt64(0));
        foreach (string text in (string[])["it's", "back\\slash", "tab\tnew\nline", "ünïcødé 表 🙂", "'; SELECT 1; --"])
        {
            var echo = await EngineAssert.SingleRowAsync(engine, $"SELECT {engine.Dialect.QuoteString(text)} AS {engine.Dialect.QuoteIdentifier(text)}");
            Assert.Equal(text, echo.GetString(0));
            Assert.Equal(text, echo.Columns[0].Name);
        }
    }

    [Fact]
    public async Task The_password_can_come_from_PGPASSWORD()
    {
        string table = await EventsAsync("public.pg_env_password");
        string? before = Environment.GetEnvironmentVariable("PGPASSWORD");
        Environment.SetEnvironmentVariable("PGPASSWORD", Server.Password);
        try
        {
            await using var engine = await QueryEngine.OpenAsync(DataSource.Parse(Server.SourceFor(table)), new EngineOptions { Timeout = TimeSpan.FromSeconds(30) });
            Assert.Equal(1000L, (await EngineAssert.SingleRowAsync(engine, $"SELECT count(*) {engine.FromWhere()}")).GetInt64(0));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PGPASSWORD", before);
        }
    }

    [Fact]
    public async Task An_unreachable_server_is_named()
    {
        int port = LoopbackPort.Unused();
        var source = DataSource.Parse($"postgresql://reader@127.0.0.1:{port}/kullback?table=t");
        var error = await EngineAssert.OpenFaultAsync(source, WithPassword());
        Assert.Equal($"PostgreSQL at 127.0.0.1:{port} is not reachable (connection refused)", error.Problem);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_never_shown()
    {
        string passFile = Path.Combine(Server.Directory, "wrong.pgpass");
        await File.WriteAllTextAsync(passFile, $"*:*:*:*:not-{Server.Password}\n");
        var source = DataSource.Parse(Server.SourceFor("public.anything"));
        var error = await EngineAssert.OpenFaultAsync(source, new EngineOptions { PasswordFile = passFile });
        Assert.Equal($"PostgreSQL at 127.0.0.1:{Server.Port} refused the password for user 'reader'", error.Problem);
        Assert.DoesNotContain(Server.Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_password_at_all_says_where_one_comes_from()
    {
        string passFile = Path.Combine(Server.Directory, "empty.pgpass");
        await File.WriteAllTextAsync(passFile, "# no entries\n");
        var error = await EngineAssert.OpenFaultAsync(DataSource.Parse(Server.SourceFor("public.anything")), new EngineOptions { PasswordFile = passFile });
        Assert.StartsWith($"PostgreSQL at 127.0.0.1:{Server.Port} could not log in user 'reader': ", error.Problem, StringComparison.Ordinal);
        Assert.Contains("PGPASSWORD", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_password_file_is_an_invalid_argument()
    {
        var error = await Assert.ThrowsAsync<InvalidArgumentException>(() =>
            QueryEngine.OpenAsync(DataSource.Parse(Server.SourceFor("public.t")), new EngineOptions { PasswordFile = Path.Combine(Server.Directory, "absent") }));
        Assert.EndsWith("does not exist.", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_is_named()
    {
        var source = DataSource.Parse($"postgresql://reader@127.0.0.1:{Server.Port}/nowhere?table=t");
        var error = await EngineAssert.OpenFaultAsync(source, WithPassword());
        Assert.Equal($"PostgreSQL at 127.0.0.1:{Server.Port} has no database 'nowhere'", error.Problem);
    }

    [Fact]
    public async Task A_missing_table_or_schema_is_named_as_the_table()
    {
        var table = await EngineAssert.OpenFaultAsync(DataSource.Parse(Server.SourceFor("public.events_nowhere")), WithPassword());
        Assert.Equal("table 'public.events_nowhere' does not exist", table.Problem);
        var schema = await EngineAssert.OpenFaultAsync(DataSource.Parse(Server.SourceFor("nowhere.events")), WithPassword());
        Assert.Equal("table 'nowhere.events' does not exist", schema.Problem);
    }

    [Fact]
    public async Task A_missing_column_is_named()
    {
        string table = await EventsAsync("public.pg_columns");
        await using var engine = await OpenAsync(table);
        var lookup = await EngineAssert.FaultAsync(engine.Source, () => Task.FromResult(engine.RequireColumn("Amount")));
        Assert.Equal("column 'Amount' does not exist (the source has id, amount, country, price, day)", lookup.Problem);
        var query = await EngineAssert.QueryFaultAsync(engine, $"SELECT sum(nope) {engine.FromWhere()}");
        Assert.Equal("PostgreSQL rejected the query: column \"nope\" does not exist", query.Problem);
    }

    [Fact]
    public async Task A_bad_filter_is_reported_when_the_engine_opens()
    {
        string table = await EventsAsync("public.pg_bad_filter");
        var error = await EngineAssert.OpenFaultAsync(DataSource.Parse(Server.SourceFor(table)).WithFilter("amount > 'lots'"), WithPassword());
        Assert.StartsWith("PostgreSQL rejected the query: invalid input syntax for type double precision", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_grant_is_reported_at_opening_and_during_a_session()
    {
        string table = await EventsAsync("public.pg_revoked");
        await using (var engine = await OpenAsync(table))
        {
            await Server.RevokeSelectAsync(table);
            var during = await EngineAssert.QueryFaultAsync(engine, $"SELECT count(*) {engine.FromWhere()}");
            Assert.Equal("user 'reader' may not read table 'public.pg_revoked': permission denied for table pg_revoked", during.Problem);
        }
        var opening = await EngineAssert.OpenFaultAsync(DataSource.Parse(Server.SourceFor(table)), WithPassword());
        Assert.Equal("user 'reader' may not read table 'public.pg_revoked': permission denied for table pg_revoked", opening.Problem);
    }

    [Fact]
    public async Task Sessions_are_read_only()
    {
        string table = await EventsAsync("public.pg_read_only");
        await using var engine = await OpenAsync(table);
        var error = await EngineAssert.QueryFaultAsync(engine, "CREATE TABLE public.pg_intruder (a int)");
        Assert.Equal("PostgreSQL failed the query (25006): cannot execute CREATE TABLE in a read-only transaction", error.Problem);
        Assert.Equal(DBNull.Value, await Server.ScalarAsync("SELECT to_regclass('public.pg_intruder')::text"));
    }

    [Fact]
    public async Task A_query_past_the_timeout_is_cancelled_on_the_server()
    {
        string table = await EventsAsync("public.pg_timeout");
        await using var engine = await OpenAsync(table, options: WithPassword(TimeSpan.FromSeconds(1)));
        var clock = Stopwatch.StartNew();
        var error = await EngineAssert.QueryFaultAsync(engine, $"SELECT count(*) {engine.FromWhere("pg_sleep(0.01) IS NOT NULL")}");
        Assert.Equal("the query ran past the 1 s timeout", error.Problem);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"the cancellation took {clock.Elapsed}");
        Assert.True(await NoQueryRunsAsync("pg_sleep"), "the server still runs the query");
    }

    [Fact]
    public async Task Cancelling_raises_OperationCanceledException_and_cancels_the_server_query()
    {
        string table = await EventsAsync("public.pg_cancel");
        await using var engine = await OpenAsync(table);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            EngineAssert.RowsAsync(engine, $"SELECT count(*) {engine.FromWhere("pg_sleep(0.01) IS NOT NULL")}", cancel.Token));
        Assert.True(await NoQueryRunsAsync("pg_sleep"), "the server still runs the query");
    }

    [Theory]
    [InlineData(PostgresShutdown.Fast)]
    [InlineData(PostgresShutdown.Immediate)]
    public async Task A_server_stopped_during_the_scan_is_reported(PostgresShutdown mode)
    {
        string table = await EventsAsync(mode == PostgresShutdown.Fast ? "public.pg_stop_fast" : "public.pg_stop_immediate");
        await using var engine = await OpenAsync(table);
        var scan = EngineAssert.QueryFaultAsync(engine, $"SELECT count(*) {engine.FromWhere("pg_sleep(0.02) IS NOT NULL")}");
        try
        {
            await WaitUntilRunningAsync("pg_sleep");
            await Server.StopAsync(mode);
            var error = await scan;
            Assert.StartsWith("the server closed the connection during the scan", error.Problem, StringComparison.Ordinal);
        }
        finally
        {
            await Server.RestartAsync();
        }
        // After the restart the server answers again.
        await using var again = await OpenAsync(table);
        Assert.Equal(1000L, (await EngineAssert.SingleRowAsync(again, $"SELECT count(*) {again.FromWhere()}")).GetInt64(0));
    }

    private async Task WaitUntilRunningAsync(string marker)
    {
        for (int i = 0; i < 200; i++)
        {
            if (!await NoQueryRunsAsync(marker, wait: false)) return;
            await Task.Delay(25);
        }
        throw new InvalidOperationException("The query did not start within 5 s.");
    }

    private async Task<bool> NoQueryRunsAsync(string marker, bool wait = true)
    {
        for (int i = 0; i < (wait ? 100 : 1); i++)
        {
            object? running = await Server.ScalarAsync(
                $"SELECT count(*) FROM pg_stat_activity WHERE usename = 'reader' AND state = 'active' AND query LIKE '%{marker}%'");
            if ((long)running! == 0) return true;
            if (wait) await Task.Delay(50);
        }
        return false;
    }
}
