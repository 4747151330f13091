using System.Globalization;
using System.Net;

namespace Kullback.Data.Tests.Servers;

/// <summary>The ClickHouse fixture works: two 18.16 nodes, a Distributed table that sums both shards, password users.</summary>
[Collection(UsesClickHouse.Name)]
public sealed class ClickHouseClusterTests(ClickHouseFixture fixture)
{
    private ClickHouseCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Both_nodes_run_the_Debian_server_and_know_the_cluster()
    {
        foreach (var node in Cluster.Nodes)
        {
            Assert.StartsWith("18.", await Cluster.ScalarAsync(node.Number, "SELECT version()"), StringComparison.Ordinal);
            string shards = await Cluster.ScalarAsync(node.Number,
                $"SELECT count() FROM system.clusters WHERE cluster = '{ClickHouseCluster.ClusterName}'");
            Assert.Equal("2", shards);
        }
    }

    [Fact]
    public async Task The_Distributed_table_returns_the_sum_of_both_shards()
    {
        await Cluster.CreateDistributedTableAsync("smoke_events", "id Int64, x Float64, s String", "id");
        await Cluster.InsertAsync(1, "smoke_events_local", Enumerable.Range(1, 300).Select(i => new object?[] { (long)i, i * 0.5, "a\tb" }));
        await Cluster.InsertAsync(2, "smoke_events_local", Enumerable.Range(301, 200).Select(i => new object?[] { (long)i, double.NaN, "c" }));
        Assert.Equal("300", await Cluster.ScalarAsync(1, "SELECT count() FROM smoke_events_local"));
        Assert.Equal("200", await Cluster.ScalarAsync(2, "SELECT count() FROM smoke_events_local"));
        foreach (var node in Cluster.Nodes)
        {
            Assert.Equal("500", await Cluster.ScalarAsync(node.Number, "SELECT count() FROM smoke_events"));
            Assert.Equal("125250", await Cluster.ScalarAsync(node.Number, "SELECT sum(id) FROM smoke_events"));
            Assert.Equal("200", await Cluster.ScalarAsync(node.Number, "SELECT countIf(isNaN(x)) FROM smoke_events"));
            Assert.Equal("a\tb", await Cluster.ScalarAsync(node.Number, "SELECT any(s) FROM smoke_events WHERE id = 7"));
        }
    }

    [Fact]
    public async Task The_reader_needs_its_password()
    {
        using var http = new HttpClient();
        async Task<HttpStatusCode> Ask(string? password)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post,
                string.Create(CultureInfo.InvariantCulture, $"http://{ClickHouseCluster.Host}:{Cluster.Nodes[0].HttpPort}/"))
            { Content = new StringContent("SELECT 1") };
            request.Headers.Add("X-ClickHouse-User", Cluster.User);
            if (password is not null) request.Headers.Add("X-ClickHouse-Key", password);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await Ask(Cluster.Password));
        Assert.NotEqual(HttpStatusCode.OK, await Ask("wrong"));
        Assert.NotEqual(HttpStatusCode.OK, await Ask(null));
    }

    [Fact]
    public async Task A_killed_node_restarts_with_its_data()
    {
        await Cluster.CreateDistributedTableAsync("smoke_restart", "id Int64");
        await Cluster.InsertAsync(2, "smoke_restart_local", [[1L], [2L]]);
        try
        {
            await Cluster.KillAsync(2);
            Assert.False(Cluster.Nodes[1].IsRunning);
            await Assert.ThrowsAsync<InvalidOperationException>(() => Cluster.ScalarAsync(1, "SELECT count() FROM smoke_restart"));
        }
        finally
        {
            await Cluster.RestartAsync(2);
        }
        Assert.Equal("2", await Cluster.ScalarAsync(1, "SELECT count() FROM smoke_restart"));
    }
}
