using System.Globalization;
using Npgsql;

namespace Kullback.Data.Tests.Servers;

/// <summary>The PostgreSQL fixture works: the test role logs in over TCP with its password, tables load, grants and stops act.</summary>
[Collection(UsesPostgres.Name)]
public sealed class PostgresServerTests(PostgresFixture fixture)
{
    private PostgresServer Server => fixture.Server;

    private NpgsqlConnection ReaderConnection(string? password = null) => new(new NpgsqlConnectionStringBuilder
    {
        Host = PostgresServer.Host,
        Port = Server.Port,
        Database = Server.Database,
        Username = Server.User,
        Password = password ?? Server.Password,
        Pooling = false,
    }.ConnectionString);

    [Fact]
    public async Task The_role_reads_a_loaded_table_over_TCP()
    {
        await Server.LoadTableAsync("smoke_counts", "id bigint, x double precision, label text",
            Enumerable.Range(1, 1000).Select(i => new object?[] { (long)i, i / 8.0, i % 3 == 0 ? null : "l" + i.ToString(CultureInfo.InvariantCulture) }));
        await using var connection = ReaderConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*), sum(id), sum(x), count(label) FROM smoke_counts", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(1000L, reader.GetInt64(0));
        Assert.Equal(500_500m, reader.GetDecimal(1));
        Assert.Equal(500_500 / 8.0, reader.GetDouble(2));
        Assert.Equal(667L, reader.GetInt64(3));
    }

    [Fact]
    public async Task Special_doubles_and_escaped_text_survive_the_load()
    {
        await Server.LoadTableAsync("smoke_special", "x double precision, t text",
            [[double.NaN, "tab\there"], [double.PositiveInfinity, "new\nline"], [double.NegativeInfinity, "back\\slash"], [5e-324, "ok"]]);
        Assert.Equal(1L, await Server.ScalarAsync("SELECT count(*) FROM smoke_special WHERE x = 'NaN'"));
        Assert.Equal(1L, await Server.ScalarAsync("SELECT count(*) FROM smoke_special WHERE x = '-Infinity' AND t = E'back\\\\slash'"));
        Assert.Equal(1L, await Server.ScalarAsync("SELECT count(*) FROM smoke_special WHERE t = E'tab\\there'"));
        Assert.Equal(5e-324, await Server.ScalarAsync("SELECT min(x) FROM smoke_special WHERE x > 0"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_over_TCP()
    {
        await using var connection = ReaderConnection("not-the-password");
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    [Fact]
    public async Task A_revoked_grant_takes_effect_and_a_grant_restores_it()
    {
        await Server.LoadTableAsync("smoke_grants", "id int", [[1], [2]]);
        await Server.RevokeSelectAsync("smoke_grants");
        await using (var connection = ReaderConnection())
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM smoke_grants", connection);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteScalarAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }
        await Server.GrantSelectAsync("smoke_grants");
        await using (var connection = ReaderConnection())
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM smoke_grants", connection);
            Assert.Equal(2L, await command.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task The_server_stops_immediately_and_restarts_on_the_same_port_with_its_data()
    {
        await Server.LoadTableAsync("smoke_restart", "id int", [[1], [2], [3]]);
        int port = Server.Port;
        try
        {
            await Server.StopAsync(PostgresShutdown.Immediate);
            Assert.False(Server.IsRunning);
            await using var refused = ReaderConnection();
            await Assert.ThrowsAsync<NpgsqlException>(() => refused.OpenAsync());
        }
        finally
        {
            await Server.RestartAsync();
        }
        Assert.Equal(port, Server.Port);
        Assert.Equal(3L, await Server.ScalarAsync("SELECT count(*) FROM smoke_restart"));
    }

    [Fact]
    public void The_running_server_is_recorded_for_the_safety_net()
    {
        string pidDirectory = Path.Combine(Path.GetTempPath(), "kullback-test-servers");
        var owners = Directory.EnumerateFiles(pidDirectory, "*.pid")
            .Select(File.ReadAllLines)
            .Where(lines => lines.Length >= 5 && lines[4] == Server.Directory)
            .ToList();
        var entry = Assert.Single(owners);
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), entry[2]);
        int serverId = int.Parse(entry[0], CultureInfo.InvariantCulture);
        Assert.True(ProcStat.IsSameProcessAlive(serverId, long.Parse(entry[1], CultureInfo.InvariantCulture)));
        Assert.Contains("postgres", File.ReadAllText($"/proc/{serverId}/cmdline"), StringComparison.Ordinal);
    }
}
