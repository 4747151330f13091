using System.Diagnostics;
using System.Globalization;
using Kullback.Data.Engines;
using Kullback.Data.Tests.Servers;

namespace Kullback.Data.Tests.Engines;

/// <summary>The ClickHouse engine against a real two-shard 18.16 cluster over HTTP: reading, values, and every fault.</summary>
[Collection(UsesClickHouse.Name)]
public sealed class ClickHouseEngineTests(ClickHouseFixture fixture)
{
    private const string SlowCondition = "sleep(0.05) = 0";
    private const string SlowSettings = " SETTINGS max_block_size = 1";

    private ClickHouseCluster Cluster => fixture.Cluster;

    private EngineOptions WithPassword(TimeSpan? timeout = null) => new()
    {
        PasswordFile = Cluster.PasswordFile,
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    /// <summary>A Distributed table of 600 rows: 400 on shard 1, 200 on shard 2.</summary>
    private async Task<string> EventsAsync(string name)
    {
        await Cluster.CreateDistributedTableAsync(name, "id Int64, amount Float64, country Nullable(String), note String", "id");
        object?[] Row(int i) => [(long)i, i % 100 == 0 ? double.NaN : i * 0.5, i % 10 == 0 ? null : i % 4 == 0 ? "NZ" : "AU", "tab\there"];
        await Cluster.InsertAsync(1, name + "_local", Enumerable.Range(1, 400).Select(Row));
        await Cluster.InsertAsync(2, name + "_local", Enumerable.Range(401, 200).Select(Row));
        return name;
    }

    /// <summary>A Distributed table small enough to scan slowly: 20 rows on each shard, in separate parts.</summary>
    private async Task<string> SlowTableAsync(string name)
    {
        await Cluster.CreateDistributedTableAsync(name, "id Int64", "id");
        for (int node = 1; node <= 2; node++)
            await Cluster.InsertAsync(node, name + "_local", Enumerable.Range(node * 100, 20).Select(i => new object?[] { (long)i }));
        return name;
    }

    private async Task<IQueryEngine> OpenAsync(string table, string? filter = null, EngineOptions? options = null, int node = 1, string? user = null) =>
        await QueryEngine.OpenAsync(DataSource.Parse(Cluster.SourceFor(table, node, user)).WithFilter(filter), options ?? WithPassword());

    [Fact]
    public async Task Counts_a_distributed_table_over_both_shards()
    {
        string table = await EventsAsync("ch_counts");
        await using var engine = await OpenAsync(table);
        Assert.Equal($"`kullback`.`{table}`", engine.Relation);
        Assert.Equal(["id", "amount", "country", "note"], engine.Columns.Select(c => c.Name));
        Assert.Equal(["Int64", "Float64", "Nullable(String)", "String"], engine.Columns.Select(c => c.EngineType));
        Assert.Equal([ColumnCategory.Integral, ColumnCategory.Real, ColumnCategory.Text, ColumnCategory.Text], engine.Columns.Select(c => c.Category));
        var row = await EngineAssert.SingleRowAsync(engine,
            $"SELECT count(), sum(id), count(country), uniqExact(country), countIf(isNaN(amount)) {engine.FromWhere()}");
        Assert.Equal(600L, row.GetInt64(0));
        Assert.Equal(180_300L, row.GetInt64(1));
        Assert.Equal(540L, row.GetInt64(2));
        Assert.Equal(2L, row.GetInt64(3));
        Assert.Equal(6L, row.GetInt64(4));
    }

    [Fact]
    public async Task Values_arrive_with_their_kinds()
    {
        string table = await EventsAsync("ch_values");
        await using var engine = await OpenAsync(table);
        var row = await EngineAssert.SingleRowAsync(engine,
            $"SELECT max(amount), sumIf(amount, NOT isNaN(amount)), any(note), CAST(NULL AS Nullable(Float64)), toUInt64(18446744073709551615), quantilesExact(0.5, 0.9)(id), toDecimal64(2.50, 2) {engine.FromWhere()}");
        Assert.Equal(ValueKind.Real, row[0].Kind);
        // (1 + … + 600 − (100 + 200 + … + 600)) / 2: every amount but the NaNs.
        Assert.Equal(89_100.0, row.GetDouble(1));
        Assert.Equal("tab\there", row.GetString(2));
        Assert.True(row.IsNull(3));
        Assert.Equal(ValueKind.Real, row[4].Kind);
        Assert.Equal(18446744073709551615.0, row.GetDouble(4));
        // quantileExact takes the element at 0-based position ⌊p·n⌋ of the sorted values (301 and 541 of 1…600), not
        // PostgreSQL's percentile_disc (the smallest value whose cumulative share reaches p: 300 and 540).
        Assert.Equal("[301,541]", row.GetString(5));
        Assert.Equal(2.5, row.GetDouble(6));
    }

    [Fact]
    public async Task Groups_stream_back_and_the_filter_applies()
    {
        string table = await EventsAsync("ch_groups");
        await using var engine = await OpenAsync(table, "country = 'NZ' -- trailing comment");
        var rows = await EngineAssert.RowsAsync(engine, $"SELECT country, count() {engine.FromWhere("id <= 500")} GROUP BY country ORDER BY country");
        var row = Assert.Single(rows);
        Assert.Equal("NZ", row.GetString(0));
        Assert.Equal(100L, row.GetInt64(1));
    }

    [Fact]
    public async Task Quoted_table_and_column_names_reach_the_right_table()
    {
        string name = "we\\`ird name";
        foreach (var node in Cluster.Nodes)
            await Cluster.ExecuteAsync(node.Number, $"CREATE TABLE kullback.`{name}` (`Col``umn` Int64) ENGINE = MergeTree() ORDER BY tuple()");
        await Cluster.InsertAsync(1, $"`{name}`", [[1L], [2L]]);
        var source = DataSource.Parse(Cluster.SourceFor("we%60ird%20name"));
        await using var engine = await QueryEngine.OpenAsync(source, WithPassword());
        var column = engine.RequireColumn("Col`umn");
        var row = await EngineAssert.SingleRowAsync(engine, $"SELECT sum({engine.Dialect.QuoteIdentifier(column.Name)}) {engine.FromWhere()}");
        Assert.Equal(3L, row.GetInt64(0));
        foreach (string text in (string[])["it's", "back\\slash", "tab\tnew\nline", "ünïcødé 表 🙂", "'; SELECT 1; --", "`x`"])
        {
            var echo = await EngineAssert.SingleRowAsync(engine, $"SELECT {engine.Dialect.QuoteString(text)} AS {engine.Dialect.QuoteIdentifier(text)}");
            Assert.Equal(text, echo.GetString(0));
            Assert.Equal(text, echo.Columns[0].Name);
        }
    }

    [Fact]
    public async Task The_password_can_come_from_CLICKHOUSE_PASSWORD()
    {
        string table = await EventsAsync("ch_env_password");
        string? before = Environment.GetEnvironmentVariable("CLICKHOUSE_PASSWORD");
        Environment.SetEnvironmentVariable("CLICKHOUSE_PASSWORD", Cluster.Password);
        try
        {
            await using var engine = await QueryEngine.OpenAsync(DataSource.Parse(Cluster.SourceFor(table)), new EngineOptions { Timeout = TimeSpan.FromSeconds(30) });
            Assert.Equal(600L, (await EngineAssert.SingleRowAsync(engine, $"SELECT count() {engine.FromWhere()}")).GetInt64(0));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CLICKHOUSE_PASSWORD", before);
        }
    }

    [Fact]
    public async Task A_read_only_user_is_asked_without_settings()
    {
        string table = await EventsAsync("ch_readonly");
        await using var engine = await OpenAsync(table, user: Cluster.ReadonlyUser);
        Assert.Equal(600L, (await EngineAssert.SingleRowAsync(engine, $"SELECT count() {engine.FromWhere()}")).GetInt64(0));
    }

    [Fact]
    public async Task An_unreachable_server_is_named()
    {
        int port = LoopbackPort.Unused();
        var error = await EngineAssert.OpenFaultAsync(DataSource.Parse($"clickhouse://reader@127.0.0.1:{port}/kullback?table=t"), WithPassword());
        Assert.Equal($"ClickHouse at 127.0.0.1:{port} is not reachable (connection refused)", error.Problem);
    }

    [Fact]
    public async Task Refused_credentials_are_named_and_the_password_never_shown()
    {
        string wrong = Path.Combine(Cluster.Nodes[0].Directory, "wrong-password");
        await File.WriteAllTextAsync(wrong, "not-" + Cluster.Password + "\n");
        var source = DataSource.Parse(Cluster.SourceFor("anything"));
        int port = Cluster.Nodes[0].HttpPort;

        var refused = await EngineAssert.OpenFaultAsync(source, new EngineOptions { PasswordFile = wrong });
        Assert.Equal($"ClickHouse at 127.0.0.1:{port} refused the password for user 'reader'", refused.Problem);
        Assert.DoesNotContain(Cluster.Password, refused.ToString(), StringComparison.Ordinal);

        string empty = Path.Combine(Cluster.Nodes[0].Directory, "empty-password");
        await File.WriteAllTextAsync(empty, "");
        var missing = await EngineAssert.OpenFaultAsync(source, new EngineOptions { PasswordFile = empty });
        Assert.Equal($"ClickHouse at 127.0.0.1:{port} requires a password for user 'reader' and none was given (set CLICKHOUSE_PASSWORD or give a password file)", missing.Problem);

        var stranger = await EngineAssert.OpenFaultAsync(DataSource.Parse(Cluster.SourceFor("anything", user: "ghost")), WithPassword());
        Assert.Equal($"ClickHouse at 127.0.0.1:{port} has no user 'ghost'", stranger.Problem);
    }

    [Fact]
    public async Task A_missing_table_or_database_is_named()
    {
        var table = await EngineAssert.OpenFaultAsync(DataSource.Parse(Cluster.SourceFor("nowhere")), WithPassword());
        Assert.Equal("table 'kullback.nowhere' does not exist", table.Problem);
        var database = await EngineAssert.OpenFaultAsync(
            DataSource.Parse($"clickhouse://reader@127.0.0.1:{Cluster.Nodes[0].HttpPort}/nodb?table=t"), WithPassword());
        Assert.Equal("database 'nodb' does not exist", database.Problem);
    }

    [Fact]
    public async Task A_missing_column_is_named()
    {
        string table = await EventsAsync("ch_columns");
        await using var engine = await OpenAsync(table);
        var lookup = await EngineAssert.FaultAsync(engine.Source, () => Task.FromResult(engine.RequireColumn("Amount")));
        Assert.Equal("column 'Amount' does not exist (the source has id, amount, country, note)", lookup.Problem);
        var query = await EngineAssert.QueryFaultAsync(engine, $"SELECT sum(nope) {engine.FromWhere()}");
        Assert.Equal("ClickHouse rejected the query: Unknown identifier: nope", query.Problem);
        var filter = await EngineAssert.OpenFaultAsync(DataSource.Parse(Cluster.SourceFor(table)).WithFilter("nope > 1"), WithPassword());
        Assert.Equal("ClickHouse rejected the query: Unknown identifier: nope", filter.Problem);
    }

    [Fact]
    public async Task Queries_are_read_only()
    {
        string table = await EventsAsync("ch_read_only");
        await using var engine = await OpenAsync(table);
        var error = await EngineAssert.QueryFaultAsync(engine, "CREATE TABLE kullback.ch_intruder (a Int8) ENGINE = Memory");
        Assert.Equal("ClickHouse rejected the query: Cannot create table in readonly mode", error.Problem);
    }

    [Fact]
    public async Task A_database_taken_away_is_reported()
    {
        string table = await EventsAsync("ch_revoked");
        try
        {
            await Cluster.RestrictReaderAsync("default");
            var error = await EngineAssert.OpenFaultAsync(DataSource.Parse(Cluster.SourceFor(table)), WithPassword());
            Assert.StartsWith($"user 'reader' may not read table 'kullback.{table}': ", error.Problem, StringComparison.Ordinal);
        }
        finally
        {
            await Cluster.RestrictReaderAsync();
        }
    }

    [Fact]
    public async Task A_query_past_the_timeout_is_stopped_by_the_server()
    {
        string table = await EventsAsync("ch_timeout");
        await using var engine = await OpenAsync(table, options: WithPassword(TimeSpan.FromSeconds(1)));
        var clock = Stopwatch.StartNew();
        var error = await EngineAssert.QueryFaultAsync(engine, "SELECT count() FROM numbers(100000000000) WHERE number % 7 = 100");
        Assert.Equal("the query ran past the 1 s timeout", error.Problem);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"the timeout took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_read_only_user_gets_the_client_side_timeout()
    {
        string table = await SlowTableAsync("ch_readonly_timeout");
        await using var engine = await OpenAsync(table, options: WithPassword(TimeSpan.FromSeconds(1)), user: Cluster.ReadonlyUser);
        var clock = Stopwatch.StartNew();
        // A read-only profile refuses SETTINGS clauses and table functions too: the slow (but bounded) query needs neither.
        var error = await EngineAssert.QueryFaultAsync(engine,
            "SELECT count() FROM (SELECT number FROM system.numbers LIMIT 4000000000) WHERE number % 7 = 100 AND sqrt(number) > 0");
        Assert.Equal("the query ran past the 1 s timeout", error.Problem);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the timeout took {clock.Elapsed}");
        // KILL QUERY is a read-only user's right over its own queries.
        Assert.True(await NoQueryRunsAsync(1, "system.numbers LIMIT 4000000000", attempts: 20), "the server still runs the query");
    }

    [Fact]
    public async Task Cancelling_raises_OperationCanceledException_and_kills_the_server_query()
    {
        string table = await SlowTableAsync("ch_cancel");
        await using var engine = await OpenAsync(table);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            EngineAssert.RowsAsync(engine, $"SELECT count() {engine.FromWhere(SlowCondition)}{SlowSettings}", cancel.Token));
        Assert.True(await NoQueryRunsAsync(1, "sleep"), "the server still runs the query");
    }

    [Fact]
    public async Task A_shard_killed_during_the_scan_is_reported()
    {
        string table = await SlowTableAsync("ch_shard_killed");
        await using var engine = await OpenAsync(table);
        var scan = EngineAssert.QueryFaultAsync(engine, $"SELECT count() {engine.FromWhere(SlowCondition)}{SlowSettings}");
        try
        {
            await WaitUntilRunningAsync(2, "sleep");
            await Cluster.KillAsync(2);
            var error = await scan;
            Assert.StartsWith("ClickHouse lost a shard during the scan: ", error.Problem, StringComparison.Ordinal);
        }
        finally
        {
            await Cluster.RestartAsync(2);
        }
    }

    [Fact]
    public async Task The_server_killed_during_the_scan_is_reported()
    {
        string table = await SlowTableAsync("ch_server_killed");
        await using var engine = await OpenAsync(table);
        var scan = EngineAssert.QueryFaultAsync(engine, $"SELECT count() {engine.FromWhere(SlowCondition)}{SlowSettings}");
        try
        {
            await WaitUntilRunningAsync(1, "sleep");
            await Cluster.KillAsync(1);
            var error = await scan;
            Assert.Equal("the server closed the connection during the scan", error.Problem);
        }
        finally
        {
            await Cluster.RestartAsync(1);
        }
        await using var again = await OpenAsync(table);
        Assert.Equal(40L, (await EngineAssert.SingleRowAsync(again, $"SELECT count() {again.FromWhere()}")).GetInt64(0));
    }

    private async Task WaitUntilRunningAsync(int node, string marker)
    {
        for (int i = 0; i < 200; i++)
        {
            if (!await NoQueryRunsAsync(node, marker, wait: false)) return;
            await Task.Delay(25);
        }
        throw new InvalidOperationException("The query did not start within 5 s.");
    }

    private async Task<bool> NoQueryRunsAsync(int node, string marker, bool wait = true, int attempts = 100)
    {
        for (int i = 0; i < (wait ? attempts : 1); i++)
        {
            string running = await Cluster.ScalarAsync(node,
                $"SELECT count() FROM system.processes WHERE query LIKE '%{marker}%' AND query NOT LIKE '%system.processes%'");
            if (int.Parse(running, CultureInfo.InvariantCulture) == 0) return true;
            if (wait) await Task.Delay(50);
        }
        return false;
    }
}
