using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Kullback.Data.Engines;

namespace Kullback.Data.Tests.Servers;

/// <summary>
/// Two real <c>clickhouse-server</c> processes (Debian's 18.16) on free loopback ports, each in its own temporary
/// directory, forming the cluster <see cref="ClusterName"/> of two shards, so that a <c>Distributed</c> table spans
/// both. Removed with its directories.
/// </summary>
/// <remarks>
/// Users (the same on both nodes, in users.xml): <c>default</c> without a password, loopback only, for the helpers and
/// for the shards' queries to each other; <see cref="User"/> with a SHA-256 password, for the code under test; and
/// <see cref="ReadonlyUser"/> (the same password) whose profile is <c>readonly=1</c>, which may change no setting.
/// ClickHouse re-reads users.xml by itself within seconds, which <see cref="RestrictReaderAsync"/> uses to take a
/// database away from <see cref="User"/>.
/// </remarks>
public sealed class ClickHouseCluster : IAsyncDisposable
{
    /// <summary>The cluster's name in remote_servers.</summary>
    public const string ClusterName = "kullback";

    /// <summary>The loopback address the nodes listen on.</summary>
    public const string Host = "127.0.0.1";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(1) });
    private readonly ClickHouseNode[] _nodes;

    private ClickHouseCluster(ClickHouseNode[] nodes)
    {
        _nodes = nodes;
        Password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        PasswordFile = Path.Combine(nodes[0].Directory, "password");
    }

    /// <summary>The database created on both nodes for tests.</summary>
    public string Database { get; } = "kullback";

    /// <summary>The user the code under test connects as.</summary>
    public string User { get; } = "reader";

    /// <summary>A user with the same password whose profile is read-only (readonly=1: no setting may be changed).</summary>
    public string ReadonlyUser { get; } = "viewer";

    /// <summary>The password of <see cref="User"/> and <see cref="ReadonlyUser"/> (random per cluster).</summary>
    public string Password { get; }

    /// <summary>A file holding <see cref="Password"/> alone.</summary>
    public string PasswordFile { get; }

    /// <summary>The two nodes; node 1 holds shard 1, node 2 shard 2.</summary>
    public IReadOnlyList<ClickHouseNode> Nodes => _nodes;

    /// <summary>A source for a table of the test database, asked through node 1 (or another) as <see cref="User"/>.</summary>
    public string SourceFor(string table, int node = 1, string? user = null) =>
        string.Create(CultureInfo.InvariantCulture, $"clickhouse://{user ?? User}@{Host}:{Node(node).HttpPort}/{Database}?table={table}");

    /// <summary>Writes both nodes' configuration, starts them, waits until both answer, and creates the test database.</summary>
    /// <exception cref="InvalidOperationException">clickhouse-server is not installed or does not start; the message has its output.</exception>
    public static async Task<ClickHouseCluster> StartAsync()
    {
        if (!File.Exists("/usr/bin/clickhouse-server") && !File.Exists("/usr/sbin/clickhouse-server") && !File.Exists("/usr/bin/clickhouse"))
            throw new InvalidOperationException("ClickHouse is not installed (no clickhouse-server); run .ci/servers.sh or apt-get install -y clickhouse-server.");
        var nodes = new[]
        {
            new ClickHouseNode(1, ServerSafetyNet.CreateDirectory("kullback-ch1-")),
            new ClickHouseNode(2, ServerSafetyNet.CreateDirectory("kullback-ch2-")),
        };
        var cluster = new ClickHouseCluster(nodes);
        try
        {
            await File.WriteAllTextAsync(cluster.PasswordFile, cluster.Password + "\n");
            for (int attempt = 1; ; attempt++)
            {
                foreach (var node in nodes) node.ChoosePorts();
                foreach (var node in nodes)
                {
                    await node.WriteConfigAsync(nodes, ClusterName);
                    await cluster.WriteUsersAsync(node, readerDatabases: null);
                    node.Start();
                }
                try
                {
                    await Task.WhenAll(nodes.Select(cluster.WaitUntilReadyAsync));
                    break;
                }
                catch (InvalidOperationException) when (attempt < 3 && nodes.Any(n => n.HasExited))
                {
                    // Most likely a port was taken between choosing and binding it: try others.
                    foreach (var node in nodes) await node.StopAsync(kill: true);
                }
            }
            foreach (var node in nodes)
                await cluster.SendAsync(node.Number, $"CREATE DATABASE IF NOT EXISTS {cluster.Database}", null, "default");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a statement on a node as <c>default</c> and returns the response body.</summary>
    /// <exception cref="InvalidOperationException">The server answered with an error; the message has its text.</exception>
    public Task<string> ExecuteAsync(int node, string sql, string? body = null) => SendAsync(node, sql, body, Database);

    private async Task<string> SendAsync(int node, string sql, string? body, string database)
    {
        string url = string.Create(CultureInfo.InvariantCulture, $"http://{Host}:{Node(node).HttpPort}/?database={Uri.EscapeDataString(database)}");
        using var request = new HttpRequestMessage(HttpMethod.Post, body is null ? url : url + "&query=" + Uri.EscapeDataString(sql))
        {
            Content = new StringContent(body ?? sql, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await _http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"ClickHouse shard {node} refused {sql}: {text}");
        return text;
    }

    /// <summary>Runs a query on a node and returns its single value as text (TabSeparated, unescaped).</summary>
    public async Task<string> ScalarAsync(int node, string sql) =>
        ClickHouseTabSeparated.SplitLine((await ExecuteAsync(node, sql)).TrimEnd('\n'))[0] ?? "";

    /// <summary>
    /// Creates <c>{name}_local</c> (MergeTree) on both nodes and <c>{name}</c>, a Distributed table over them, on both:
    /// a query on <c>{name}</c> through either node reads both shards.
    /// </summary>
    /// <param name="name">The table's name in the test database.</param>
    /// <param name="columns">The column definitions (<c>id Int64, amount Float64, country String</c>).</param>
    /// <param name="orderBy">The MergeTree sorting key.</param>
    public async Task CreateDistributedTableAsync(string name, string columns, string orderBy = "tuple()")
    {
        foreach (var node in _nodes)
        {
            await ExecuteAsync(node.Number, $"CREATE TABLE {Database}.{name}_local ({columns}) ENGINE = MergeTree() ORDER BY {orderBy}");
            await ExecuteAsync(node.Number, $"CREATE TABLE {Database}.{name} AS {Database}.{name}_local ENGINE = Distributed({ClusterName}, {Database}, {name}_local, rand())");
        }
    }

    /// <summary>Inserts rows into a table on one node over HTTP (TabSeparated: numbers invariant, nan and inf, text escaped).</summary>
    public async Task InsertAsync(int node, string table, IEnumerable<object?[]> rows)
    {
        var body = new StringBuilder();
        foreach (var row in rows)
        {
            body.AppendJoin('\t', row.Select(ClickHouseTabSeparated.FormatField)).Append('\n');
        }
        await ExecuteAsync(node, $"INSERT INTO {Database}.{table} FORMAT TabSeparated", body.ToString());
    }

    /// <summary>Kills a node at once (SIGKILL), as in a crash.</summary>
    public Task KillAsync(int node) => Node(node).StopAsync(kill: true);

    /// <summary>Stops a node in order (SIGTERM).</summary>
    public Task StopAsync(int node) => Node(node).StopAsync(kill: false);

    /// <summary>Starts a stopped node again with its configuration and data.</summary>
    public async Task RestartAsync(int node)
    {
        var target = Node(node);
        if (target.IsRunning) await target.StopAsync(kill: false);
        target.Start();
        await WaitUntilReadyAsync(target);
    }

    /// <summary>
    /// Lets <see cref="User"/> see only the given databases (<c>allow_databases</c> in users.xml), or all again when
    /// none are given, on both nodes; returns once both apply it.
    /// </summary>
    public async Task RestrictReaderAsync(params string[] databases)
    {
        var allowed = databases.Length == 0 ? null : databases;
        foreach (var node in _nodes) await WriteUsersAsync(node, allowed);
        bool expectDenied = allowed is not null && !allowed.Contains(Database, StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        foreach (var node in _nodes)
        {
            while (await ReaderIsDeniedAsync(node) != expectDenied)
            {
                if (DateTime.UtcNow > deadline)
                    throw new InvalidOperationException($"ClickHouse shard {node.Number} did not apply the changed users.xml within 30 s.");
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Stops both nodes and deletes their directories.</summary>
    public async ValueTask DisposeAsync()
    {
        // Close the kept-alive connections first: a server waits for open connections before it stops.
        _http.Dispose();
        try
        {
            await Task.WhenAll(_nodes.Select(node => node.StopAsync(kill: false)));
        }
        finally
        {
            foreach (var node in _nodes) ServerSafetyNet.DeleteDirectory(node.Directory);
        }
    }

    private ClickHouseNode Node(int number) =>
        number is >= 1 and <= 2 ? _nodes[number - 1] : throw new ArgumentOutOfRangeException(nameof(number), number, "The cluster has nodes 1 and 2.");

    private async Task<bool> ReaderIsDeniedAsync(ClickHouseNode node)
    {
        string url = string.Create(CultureInfo.InvariantCulture, $"http://{Host}:{node.HttpPort}/?database={Database}");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("SELECT 1") };
        request.Headers.Add("X-ClickHouse-User", User);
        request.Headers.Add("X-ClickHouse-Key", Password);
        using var response = await _http.SendAsync(request);
        return !response.IsSuccessStatusCode;
    }

    private async Task WriteUsersAsync(ClickHouseNode node, string[]? readerDatabases)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Password)));
        string networks = "<networks><ip>127.0.0.1</ip><ip>::1</ip></networks>";
        string allow = readerDatabases is null
            ? ""
            : "<allow_databases>" + string.Concat(readerDatabases.Select(d => $"<database>{System.Security.SecurityElement.Escape(d)}</database>")) + "</allow_databases>";
        string users = $"""
            <?xml version="1.0"?>
            <yandex>
              <profiles>
                <default>
                  <max_memory_usage>1000000000</max_memory_usage>
                  <load_balancing>in_order</load_balancing>
                  <max_threads>2</max_threads>
                </default>
                <readonly>
                  <readonly>1</readonly>
                  <max_threads>2</max_threads>
                </readonly>
              </profiles>
              <users>
                <default>
                  <password></password>
                  {networks}
                  <profile>default</profile>
                  <quota>default</quota>
                </default>
                <{User}>
                  <password_sha256_hex>{hash}</password_sha256_hex>
                  {networks}
                  <profile>default</profile>
                  <quota>default</quota>
                  {allow}
                </{User}>
                <{ReadonlyUser}>
                  <password_sha256_hex>{hash}</password_sha256_hex>
                  {networks}
                  <profile>readonly</profile>
                  <quota>default</quota>
                </{ReadonlyUser}>
              </users>
              <quotas>
                <default>
                  <interval>
                    <duration>3600</duration>
                    <queries>0</queries>
                    <errors>0</errors>
                    <result_rows>0</result_rows>
                    <read_rows>0</read_rows>
                    <execution_time>0</execution_time>
                  </interval>
                </default>
              </quotas>
            </yandex>
            """;
        // Write beside and rename, so that the server's reload never reads half a file. ClickHouse 18.16 notices a
        // change by the file's modification time in whole seconds, so each version gets a later second than the last.
        string temporary = node.UsersFile + ".new";
        await File.WriteAllTextAsync(temporary, users);
        var now = DateTime.UtcNow;
        var stamp = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(1);
        if (stamp <= node.UsersStamp) stamp = node.UsersStamp.AddSeconds(1);
        File.SetLastWriteTimeUtc(temporary, stamp);
        File.Move(temporary, node.UsersFile, overwrite: true);
        node.UsersStamp = stamp;
    }

    private async Task WaitUntilReadyAsync(ClickHouseNode node)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        string url = string.Create(CultureInfo.InvariantCulture, $"http://{Host}:{node.HttpPort}/ping");
        while (DateTime.UtcNow < deadline)
        {
            if (node.HasExited)
                throw new InvalidOperationException($"ClickHouse shard {node.Number} exited while starting:\n{node.OutputTail()}\n{ReadLog(node)}");
            try
            {
                using var response = await _http.GetAsync(url);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"ClickHouse shard {node.Number} did not answer within {ReadyTimeout.TotalSeconds} s:\n{node.OutputTail()}\n{ReadLog(node)}");
    }

    private static string ReadLog(ClickHouseNode node)
    {
        string log = Path.Combine(node.Directory, "log", "error.log");
        try
        {
            var lines = File.ReadAllLines(log);
            return string.Join('\n', lines.TakeLast(30));
        }
        catch (IOException)
        {
            return "";
        }
    }
}
