using System.Globalization;
using Kullback.Data.Tests.Servers;

namespace Kullback.Data.Tests.Comparison;

/// <summary>
/// Faults of <c>kullback compare</c> end to end, through the real executable against the real servers: an unreachable
/// server, a refused password, a missing table or column, a revoked grant, a server stopped during the scan, a query
/// past <c>--timeout</c>. Each gives exit 2, one line on standard error naming the source (never the password) and
/// nothing on standard output.
/// </summary>
[Collection(ComparesDatabases.Name)]
public sealed class CompareFaultTests(ComparisonSources sources)
{
    private PostgresServer Postgres => sources.Postgres;

    private ClickHouseCluster ClickHouse => sources.ClickHouse;

    private string Csv => sources.Source("csv", reference: true);

    private string[] Secrets => [Postgres.Password, ClickHouse.Password];

    private static Task<KullbackProcess> CompareAsync(string reference, string current, params string[] options) =>
        KullbackProcess.RunAsync(["compare", reference, current, .. options]);

    [Fact]
    public async Task The_pairing_that_faults_below_succeeds_when_nothing_is_wrong()
    {
        var run = await CompareAsync(sources.Source("pg", reference: true), sources.Source("ch", reference: false), "--password-file", sources.CombinedPasswordFile, "--json");
        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Error}");   // the current data drifted
        Assert.Equal("", run.Error);
        Assert.Contains("\"schema\": \"kullback.compare/1\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_named()
    {
        int port = LoopbackPort.Unused();
        string pg = string.Create(CultureInfo.InvariantCulture, $"postgresql://reader@127.0.0.1:{port}/kullback?table=public.cmp_cur");
        (await CompareAsync(Csv, pg, "--password-file", Postgres.PasswordFile)).AssertFault(pg, [$"127.0.0.1:{port} is not reachable"], Secrets);
        string ch = string.Create(CultureInfo.InvariantCulture, $"clickhouse://reader@127.0.0.1:{port}/kullback?table=cmp_cur");
        (await CompareAsync(ch, Csv, "--password-file", ClickHouse.PasswordFile)).AssertFault(ch, [$"127.0.0.1:{port} is not reachable"], Secrets);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_never_shown()
    {
        string wrongPgpass = Path.Combine(sources.Directory, "wrong.pgpass");
        await File.WriteAllTextAsync(wrongPgpass, $"*:*:*:*:not-{Postgres.Password}\n");
        string pg = sources.Source("pg", reference: false);
        (await CompareAsync(Csv, pg, "--password-file", wrongPgpass)).AssertFault(pg, ["refused the password for user 'reader'"], [.. Secrets, "not-"]);
        string wrong = Path.Combine(sources.Directory, "wrong.password");
        await File.WriteAllTextAsync(wrong, $"not-{ClickHouse.Password}\n");
        string ch = sources.Source("ch", reference: true);
        (await CompareAsync(ch, Csv, "--password-file", wrong)).AssertFault(ch, ["refused the password for user 'reader'"], [.. Secrets, "not-"]);
    }

    [Fact]
    public async Task A_missing_table_is_named()
    {
        string pg = Postgres.SourceFor("public.cmp_nowhere");
        (await CompareAsync(Csv, pg, "--password-file", Postgres.PasswordFile)).AssertFault(pg, ["table 'public.cmp_nowhere' does not exist"], Secrets);
        string ch = ClickHouse.SourceFor("cmp_nowhere");
        (await CompareAsync(ch, Csv, "--password-file", ClickHouse.PasswordFile)).AssertFault(ch, ["table 'kullback.cmp_nowhere' does not exist"], Secrets);
    }

    [Fact]
    public async Task A_missing_column_is_named_with_the_columns_there_are()
    {
        string pg = sources.Source("pg", reference: true), ch = sources.Source("ch", reference: false);
        (await CompareAsync(pg, ch, "--password-file", sources.CombinedPasswordFile, "--columns", "amount,nope"))
            .AssertFault(pg, ["column 'nope' does not exist", "amount, quantity, score, seen, colour, flag"], Secrets);
        // A column the reference has and the current lacks is named at the current.
        await ClickHouse.CreateDistributedTableAsync("cmp_narrow", "amount Nullable(Float64)");
        await ClickHouse.InsertAsync(1, "cmp_narrow_local", [[1.5], [2.5]]);
        string narrow = ClickHouse.SourceFor("cmp_narrow");
        (await CompareAsync(pg, narrow, "--password-file", sources.CombinedPasswordFile, "--columns", "amount,score"))
            .AssertFault(narrow, ["column 'score' does not exist (the source has amount)"], Secrets);
    }

    [Fact]
    public async Task A_revoked_grant_is_reported()
    {
        string pg = sources.Source("pg", reference: false);
        await Postgres.RevokeSelectAsync("public.cmp_cur");
        try
        {
            (await CompareAsync(Csv, pg, "--password-file", Postgres.PasswordFile)).AssertFault(pg, ["user 'reader' may not read table 'public.cmp_cur'"], Secrets);
        }
        finally
        {
            await Postgres.GrantSelectAsync("public.cmp_cur");
        }
        string ch = sources.Source("ch", reference: true);
        await ClickHouse.RestrictReaderAsync("system");
        try
        {
            (await CompareAsync(ch, Csv, "--password-file", ClickHouse.PasswordFile)).AssertFault(ch, ["user 'reader' may not read table 'kullback.cmp_ref'"], Secrets);
        }
        finally
        {
            await ClickHouse.RestrictReaderAsync();
        }
    }

    [Fact]
    public async Task A_PostgreSQL_server_stopped_during_the_scan_is_reported()
    {
        string reference = sources.Source("pg", reference: true), current = sources.Source("pg", reference: false);
        try
        {
            var run = await KullbackProcess.RunAsync(
                ["compare", reference, current, "--password-file", Postgres.PasswordFile, "--where", "pg_sleep(0.002) IS NOT NULL"],
                whileRunning: async () =>
                {
                    await WaitForPostgresQueryAsync("pg_sleep(0.002)");
                    await Postgres.StopAsync(PostgresShutdown.Fast);
                });
            run.AssertFault(reference, ["the server closed the connection during the scan"], Secrets);
        }
        finally
        {
            if (!Postgres.IsRunning) await Postgres.RestartAsync();
        }
    }

    [Fact]
    public async Task A_ClickHouse_shard_killed_during_the_scan_is_reported()
    {
        string reference = sources.Source("ch", reference: true), current = sources.Source("ch", reference: false);
        try
        {
            var run = await KullbackProcess.RunAsync(
                ["compare", reference, current, "--password-file", ClickHouse.PasswordFile, "--where", "sleep(0.5) = 0"],
                whileRunning: async () =>
                {
                    await WaitForClickHouseQueryAsync("sleep(0.5)");
                    await ClickHouse.KillAsync(2);
                });
            run.AssertFault(reference, [], Secrets);
            Assert.Matches("lost a shard during the scan|closed the connection during the scan|rejected the query", run.Error);
        }
        finally
        {
            await ClickHouse.RestartAsync(2);
        }
    }

    [Fact]
    public async Task A_query_past_the_timeout_is_cancelled()
    {
        // The filter holds on both sides, so both are PostgreSQL tables: each scan sleeps 1 ms a row, 3 s in all.
        string reference = sources.Source("pg", reference: true), current = sources.Source("pg", reference: false);
        var run = await CompareAsync(reference, current, "--password-file", Postgres.PasswordFile, "--timeout", "1", "--where", "pg_sleep(0.001) IS NOT NULL");
        run.AssertFault(reference, ["the query ran past the 1 s timeout"], Secrets);
        long running = 1;
        for (int i = 0; i < 100 && running > 0; i++, await Task.Delay(50))
            running = (long)(await Postgres.ScalarAsync("SELECT count(*) FROM pg_stat_activity WHERE usename = 'reader' AND state = 'active'"))!;
        Assert.Equal(0L, running);   // the query was cancelled on the server, not left running
    }

    private async Task WaitForPostgresQueryAsync(string marker)
    {
        for (int i = 0; i < 600; i++)
        {
            object? running = await Postgres.ScalarAsync(
                $"SELECT count(*) FROM pg_stat_activity WHERE usename = 'reader' AND state = 'active' AND query LIKE '%{marker}%' AND now() - query_start > interval '50 ms'");
            if ((long)running! > 0) return;
            await Task.Delay(25);
        }
        throw new InvalidOperationException("The scan did not start within 15 s.");
    }

    private async Task WaitForClickHouseQueryAsync(string marker)
    {
        for (int i = 0; i < 600; i++)
        {
            string running = await ClickHouse.ScalarAsync(1, $"SELECT count() FROM system.processes WHERE user = 'reader' AND query LIKE '%{marker}%' AND query NOT LIKE '%system.processes%'");
            if (running != "0") return;
            await Task.Delay(25);
        }
        throw new InvalidOperationException("The scan did not start within 15 s.");
    }
}
