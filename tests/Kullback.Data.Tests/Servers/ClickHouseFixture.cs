namespace Kullback.Data.Tests.Servers;

/// <summary>One two-shard ClickHouse cluster for every test of the <see cref="UsesClickHouse"/>, started once per run.</summary>
public sealed class ClickHouseFixture : IAsyncLifetime
{
    private ClickHouseCluster? _cluster;

    /// <summary>The running cluster.</summary>
    public ClickHouseCluster Cluster => _cluster ?? throw new InvalidOperationException("The ClickHouse fixture has not started.");

    public async Task InitializeAsync() => _cluster = await ClickHouseCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}

/// <summary>The tests that share the ClickHouse cluster (run one after another: some kill and restart a node).</summary>
[CollectionDefinition(Name)]
public sealed class UsesClickHouse : ICollectionFixture<ClickHouseFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "ClickHouse cluster";
}
