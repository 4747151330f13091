using System.Globalization;
using System.Security;

namespace Kullback.Data.Tests.Servers;

/// <summary>
/// One <c>clickhouse-server</c> process of a <see cref="ClickHouseCluster"/>: its ports, its directory with its own
/// config.xml and users.xml (ClickHouse 18.16's format, root element <c>&lt;yandex&gt;</c>), and its process.
/// </summary>
public sealed class ClickHouseNode
{
    private ServerProcess? _process;

    internal ClickHouseNode(int number, string directory)
    {
        Number = number;
        Directory = directory;
    }

    /// <summary>1 or 2: the shard this node holds.</summary>
    public int Number { get; }

    /// <summary>The node's temporary directory: configuration, data, logs.</summary>
    public string Directory { get; }

    /// <summary>The HTTP port (queries over HTTP, what the engine under test uses).</summary>
    public int HttpPort { get; private set; }

    /// <summary>The native TCP port (what the shards of a Distributed table use between them).</summary>
    public int TcpPort { get; private set; }

    /// <summary>The interserver HTTP port (replication; unused by the tests, but each node needs its own).</summary>
    public int InterserverPort { get; private set; }

    /// <summary>Whether the process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    internal string ConfigFile => Path.Combine(Directory, "config.xml");

    internal string UsersFile => Path.Combine(Directory, "users.xml");

    /// <summary>The modification time given to the last users.xml written.</summary>
    internal DateTime UsersStamp { get; set; }

    internal void ChoosePorts()
    {
        HttpPort = LoopbackPort.Next();
        TcpPort = LoopbackPort.Next();
        InterserverPort = LoopbackPort.Next();
    }

    internal async Task WriteConfigAsync(IReadOnlyList<ClickHouseNode> shards, string clusterName)
    {
        string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
        string data = SecurityElement.Escape(Path.Combine(Directory, "data") + "/");
        string logs = SecurityElement.Escape(Path.Combine(Directory, "log"));
        var replicas = string.Concat(shards.Select(s =>
            $"<shard><replica><host>127.0.0.1</host><port>{Port(s.TcpPort)}</port></replica></shard>"));
        string config = $"""
            <?xml version="1.0"?>
            <yandex>
              <logger>
                <level>warning</level>
                <log>{logs}/server.log</log>
                <errorlog>{logs}/error.log</errorlog>
                <size>10M</size>
                <count>1</count>
              </logger>
              <listen_host>127.0.0.1</listen_host>
              <http_port>{Port(HttpPort)}</http_port>
              <tcp_port>{Port(TcpPort)}</tcp_port>
              <interserver_http_port>{Port(InterserverPort)}</interserver_http_port>
              <interserver_http_host>127.0.0.1</interserver_http_host>
              <path>{data}</path>
              <tmp_path>{data}tmp/</tmp_path>
              <user_files_path>{data}user_files/</user_files_path>
              <format_schema_path>{data}format_schemas/</format_schema_path>
              <users_config>users.xml</users_config>
              <default_profile>default</default_profile>
              <default_database>default</default_database>
              <max_connections>256</max_connections>
              <keep_alive_timeout>3</keep_alive_timeout>
              <max_concurrent_queries>50</max_concurrent_queries>
              <uncompressed_cache_size>16777216</uncompressed_cache_size>
              <mark_cache_size>16777216</mark_cache_size>
              <mlock_executable>false</mlock_executable>
              <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
              <remote_servers>
                <{clusterName}>{replicas}</{clusterName}>
              </remote_servers>
            </yandex>
            """;
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "log"));
        await File.WriteAllTextAsync(ConfigFile, config);
    }

    internal void Start()
    {
        _process = ServerProcess.Start($"ClickHouse shard {Number}", "clickhouse-server", [$"--config-file={ConfigFile}"], Directory);
    }

    internal string OutputTail() => _process?.OutputTail() ?? "";

    internal bool HasExited => _process is null || _process.HasExited;

    /// <summary>Ends the process: SIGKILL (a crash) or SIGTERM (an orderly stop).</summary>
    internal async Task StopAsync(bool kill)
    {
        if (_process is null) return;
        if (kill)
        {
            _process.KillTree();
            await _process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
        else
        {
            await _process.StopAsync(UnixSignal.Terminate, TimeSpan.FromSeconds(30));
        }
        _process.Dispose();
        _process = null;
    }
}
