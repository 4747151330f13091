using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Kullback.Data.Tests.Servers;

/// <summary>
/// A real PostgreSQL server from the installed packages (<c>/usr/lib/postgresql/*/bin</c>), started for tests in a
/// fresh temporary directory on a free loopback port and removed with it.
/// </summary>
/// <remarks>
/// <para>As root, initdb and postgres run as the <c>postgres</c> system user through <c>setpriv</c> (both refuse to run
/// as root; setpriv replaces itself with the server, so the process id is the postmaster's). The cluster is created
/// with fsync and full_page_writes off for speed: what is committed survives a killed server (it is in the
/// page cache), not a crashed machine.</para>
/// <para>Authentication: the superuser <c>postgres</c> over the Unix socket in the directory (trust), for the helpers;
/// the login role <see cref="User"/> over TCP with a SCRAM-SHA-256 password, for the code under test, which finds the
/// password in <see cref="PasswordFile"/> (a pgpass file).</para>
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The loopback address the server listens on.</summary>
    public const string Host = "127.0.0.1";

    private const string Superuser = "postgres";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly string _binaries;
    private readonly bool _asPostgresUser;
    private ServerProcess? _process;

    private PostgresServer(string binaries, string directory, bool asPostgresUser)
    {
        _binaries = binaries;
        Directory = directory;
        _asPostgresUser = asPostgresUser;
        Password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        PasswordFile = Path.Combine(directory, "pgpass");
    }

    /// <summary>The database created for tests.</summary>
    public string Database { get; } = "kullback";

    /// <summary>The login role the code under test connects as (SCRAM password over TCP).</summary>
    public string User { get; } = "reader";

    /// <summary>The role's password (random per server).</summary>
    public string Password { get; }

    /// <summary>A pgpass file (mode 0600) with the role's password for this server, for any database.</summary>
    public string PasswordFile { get; }

    /// <summary>The server's TCP port on <see cref="Host"/>.</summary>
    public int Port { get; private set; }

    /// <summary>The temporary directory: the data directory, the Unix socket, the pgpass file.</summary>
    public string Directory { get; }

    /// <summary>Whether the server process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    private string DataDirectory => Path.Combine(Directory, "data");

    /// <summary>A source for a table of the test database, as the user would write it.</summary>
    public string SourceFor(string table) =>
        string.Create(CultureInfo.InvariantCulture, $"postgresql://{User}@{Host}:{Port}/{Database}?table={table}");

    /// <summary>Creates the cluster, starts the server, and creates the test database and login role.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed or does not start; the message has its output.</exception>
    public static async Task<PostgresServer> StartAsync()
    {
        string binaries = FindBinaries();
        bool asPostgresUser = Environment.IsPrivilegedProcess;
        // The postgres user must reach the directory: as root, a TMPDIR under /root would not do, so use /tmp.
        string directory = ServerSafetyNet.CreateDirectory("kullback-pg-", asPostgresUser && !IsReachableByOthers(Path.GetTempPath()) ? "/tmp" : null);
        var server = new PostgresServer(binaries, directory, asPostgresUser);
        try
        {
            await server.InitialiseAsync();
            await server.LaunchAsync(freshPort: true);
            await server.CreateDatabaseAndRoleAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs SQL as the superuser in the test database (or another).</summary>
    public async Task ExecuteAsync(string sql, string? database = null)
    {
        await using var connection = await OpenSuperuserAsync(database ?? Database);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a query as the superuser and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenSuperuserAsync(Database);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// Creates a table, loads the rows with COPY (text format: numbers invariant, NaN and ±Infinity spelled as
    /// PostgreSQL reads them, null as \N), and grants SELECT on it to <see cref="User"/>.
    /// </summary>
    /// <param name="table">The table's name as SQL (<c>public.events</c>).</param>
    /// <param name="columns">The column definitions (<c>id bigint, amount double precision, country text</c>).</param>
    /// <param name="rows">The rows, one value per column.</param>
    public async Task LoadTableAsync(string table, string columns, IEnumerable<object?[]> rows)
    {
        await using var connection = await OpenSuperuserAsync(Database);
        await using (var create = new NpgsqlCommand($"CREATE TABLE {table} ({columns}); GRANT SELECT ON {table} TO {User}", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        await using (var writer = await connection.BeginTextImportAsync($"COPY {table} FROM STDIN"))
        {
            var line = new StringBuilder();
            foreach (var row in rows)
            {
                line.Clear();
                for (int i = 0; i < row.Length; i++)
                {
                    if (i > 0) line.Append('\t');
                    line.Append(CopyField(row[i]));
                }
                line.Append('\n');
                await writer.WriteAsync(line.ToString());
            }
        }
    }

    /// <summary>Takes SELECT on the table away from <see cref="User"/>.</summary>
    public Task RevokeSelectAsync(string table) => ExecuteAsync($"REVOKE SELECT ON {table} FROM {User}");

    /// <summary>Gives SELECT on the table to <see cref="User"/>.</summary>
    public Task GrantSelectAsync(string table) => ExecuteAsync($"GRANT SELECT ON {table} TO {User}");

    /// <summary>Stops the server (its sessions end as that mode ends them); <see cref="RestartAsync"/> brings it back on the same port.</summary>
    public async Task StopAsync(PostgresShutdown mode)
    {
        if (_process is null) return;
        await _process.StopAsync(mode == PostgresShutdown.Fast ? UnixSignal.Interrupt : UnixSignal.Quit, TimeSpan.FromSeconds(30));
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts the stopped server again on the same port and data directory (stopping it first if it runs).</summary>
    public async Task RestartAsync()
    {
        if (IsRunning) await StopAsync(PostgresShutdown.Fast);
        await LaunchAsync(freshPort: false);
    }

    /// <summary>Stops the server and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(PostgresShutdown.Fast);
        }
        finally
        {
            ServerSafetyNet.DeleteDirectory(Directory);
        }
    }

    /// <summary>Whether every directory from the root down to <paramref name="path"/> lets other users pass through.</summary>
    private static bool IsReachableByOthers(string path)
    {
        if (OperatingSystem.IsWindows()) return true;
        for (var directory = new DirectoryInfo(path); directory is not null; directory = directory.Parent)
        {
            if (!directory.Exists || (directory.UnixFileMode & UnixFileMode.OtherExecute) == 0) return false;
        }
        return true;
    }

    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(root))
        {
            var newest = System.IO.Directory.EnumerateDirectories(root)
                .Select(d => (Path: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out int v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Path, "postgres")) && File.Exists(Path.Combine(d.Path, "initdb")))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Path is not null) return newest.Path;
        }
        throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres); run .ci/servers.sh or apt-get install -y postgresql.");
    }

    private async Task InitialiseAsync()
    {
        if (_asPostgresUser)
            await ServerProcess.RunAsync("chown", ["postgres:postgres", Directory], Directory, TimeSpan.FromSeconds(30));
        await RunAsPostgresAsync(Path.Combine(_binaries, "initdb"),
            ["-D", DataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
        // Superuser over the socket only; the test role over TCP with a password (SCRAM: password_encryption's default).
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "pg_hba.conf"),
            $"local all {Superuser} trust\nhost all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n");
    }

    private async Task LaunchAsync(bool freshPort)
    {
        for (int attempt = 1; ; attempt++)
        {
            if (freshPort) Port = LoopbackPort.Next();
            string[] arguments =
            [
                Path.Combine(_binaries, "postgres"), "-D", DataDirectory, "-p", Port.ToString(CultureInfo.InvariantCulture),
                "-k", Directory, "-c", $"listen_addresses={Host}", "-c", "fsync=off",
                "-c", "full_page_writes=off", "-c", "shared_buffers=16MB", "-c", "max_connections=40",
                "-c", "logging_collector=off", "-c", "log_min_messages=warning",
            ];
            _process = _asPostgresUser
                ? ServerProcess.Start("PostgreSQL", "setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", .. arguments], Directory)
                : ServerProcess.Start("PostgreSQL", arguments[0], arguments[1..], Directory);
            try
            {
                await WaitUntilReadyAsync();
                return;
            }
            catch (InvalidOperationException) when (freshPort && attempt < 3 && _process.HasExited)
            {
                // Most likely the port was taken between choosing and binding it: try another.
                _process.Dispose();
                _process = null;
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"PostgreSQL exited while starting:\n{_process.OutputTail()}");
            try
            {
                await using var connection = await OpenSuperuserAsync("postgres");
                return;
            }
            catch (NpgsqlException e)
            {
                last = e;
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"PostgreSQL did not accept connections within {ReadyTimeout.TotalSeconds} s ({last?.Message}):\n{_process!.OutputTail()}");
    }

    private async Task CreateDatabaseAndRoleAsync()
    {
        await ExecuteAsync($"CREATE DATABASE {Database}", "postgres");
        await ExecuteAsync($"CREATE ROLE {User} LOGIN PASSWORD '{Password}'", "postgres");
        await ExecuteAsync($"GRANT CONNECT ON DATABASE {Database} TO {User}; GRANT USAGE ON SCHEMA public TO {User}");
        string entry = string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}:*:{User}:{Password}\n");
        await File.WriteAllTextAsync(PasswordFile, entry);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private async Task<NpgsqlConnection> OpenSuperuserAsync(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = Directory,
            Port = Port,
            Username = Superuser,
            Database = database,
            Pooling = false,
            Timeout = 5,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private Task<string> RunAsPostgresAsync(string program, string[] arguments) =>
        _asPostgresUser
            ? ServerProcess.RunAsync("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", program, .. arguments], Directory, TimeSpan.FromSeconds(120))
            : ServerProcess.RunAsync(program, arguments, Directory, TimeSpan.FromSeconds(120));

    private static string CopyField(object? value) => value switch
    {
        null => "\\N",
        double d when double.IsNaN(d) => "NaN",
        double d when double.IsPositiveInfinity(d) => "Infinity",
        double d when double.IsNegativeInfinity(d) => "-Infinity",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => CopyField((double)f),
        bool b => b ? "t" : "f",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => (value.ToString() ?? "").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal),
    };
}
