using Kullback.Data.Engines;
using Kullback.Data.Tests.Servers;

namespace Kullback.Data.Tests.Engines;

/// <summary>
/// What the plans of <c>kullback compare</c> rely on, pinned against each real engine on the values 1…600 (and a NaN):
/// which quantile function is PostgreSQL's percentile_disc (the smallest value whose cumulative share reaches p), how
/// each engine counts values into bins given by edges (which side of an edge is closed), and where NaN goes.
/// </summary>
public static class SqlSemantics
{
    /// <summary>percentile_disc of 1…600 at 0.1, 0.5, 0.9.</summary>
    public const string Quantiles = "[60, 300, 540]";

    /// <summary>Counts of 1…100 below 10, in [10, 20), [20, 50) and from 50 on: left-closed bins.</summary>
    public static readonly long[] LeftClosedBins = [9, 10, 30, 51];
}

public sealed class DuckDbSqlSemanticsTests(DuckDbFiles files) : IClassFixture<DuckDbFiles>
{
    private Task<IQueryEngine> OpenAsync() => QueryEngine.OpenAsync(DataSource.Parse(files.OneToSixHundred));

    [Fact]
    public async Task Quantile_disc_with_a_list_is_percentile_disc()
    {
        await using var engine = await OpenAsync();
        var row = await EngineAssert.SingleRowAsync(engine, $"SELECT quantile_disc(x, [0.1, 0.5, 0.9])::VARCHAR {engine.FromWhere()}");
        Assert.Equal(SqlSemantics.Quantiles, row.GetString(0));
    }

    [Fact]
    public async Task Counting_the_edges_at_or_below_a_value_gives_left_closed_bins_and_histogram_is_right_closed()
    {
        await using var engine = await OpenAsync();
        var bins = await EngineAssert.RowsAsync(engine,
            $"SELECT len(list_filter([10, 20, 50], e -> e <= x)) AS b, count(*) {engine.FromWhere("x <= 100")} GROUP BY b ORDER BY b");
        Assert.Equal(SqlSemantics.LeftClosedBins, bins.Select(r => r.GetInt64(1)));
        // DuckDB's histogram(x, edges) counts x <= edge into the edge's bin: (−∞, 10], (10, 20], (20, 50], (50, ∞).
        var histogram = await EngineAssert.SingleRowAsync(engine, $"SELECT histogram(x, [10, 20, 50])::VARCHAR {engine.FromWhere("x <= 100")}");
        Assert.Equal("{10=10, 20=10, 50=30, 9223372036854775807=50}", histogram.GetString(0));
    }

    [Fact]
    public async Task NaN_equals_itself_and_sorts_above_every_number()
    {
        await using var engine = await OpenAsync();
        var row = await EngineAssert.SingleRowAsync(engine,
            "SELECT 'nan'::DOUBLE = 'nan'::DOUBLE, 'nan'::DOUBLE > 'inf'::DOUBLE, quantile_disc(v, 0.5) FROM (VALUES (1.0), (2.0), ('nan'::DOUBLE)) t(v)");
        Assert.Equal("true", row.GetString(0));
        Assert.Equal("true", row.GetString(1));
        Assert.Equal(2.0, row.GetDouble(2));
    }
}

[Collection(UsesPostgres.Name)]
public sealed class PostgreSqlSqlSemanticsTests(PostgresFixture fixture)
{
    private async Task<IQueryEngine> OpenAsync(string table)
    {
        await fixture.Server.LoadTableAsync(table, "x double precision",
            Enumerable.Range(1, 600).Select(i => new object?[] { (double)i }).Append([double.NaN]));
        return await QueryEngine.OpenAsync(DataSource.Parse(fixture.Server.SourceFor(table)), new EngineOptions { PasswordFile = fixture.Server.PasswordFile });
    }

    [Fact]
    public async Task Percentile_disc_takes_an_array_and_width_bucket_takes_edges()
    {
        await using var engine = await OpenAsync("public.semantics_quantiles");
        var row = await EngineAssert.SingleRowAsync(engine,
            $"SELECT (percentile_disc(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY x))::text {engine.FromWhere("x <> 'NaN'")}");
        Assert.Equal(SqlSemantics.Quantiles.Replace("[", "{", StringComparison.Ordinal).Replace("]", "}", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), row.GetString(0));
        var bins = await EngineAssert.RowsAsync(engine,
            $"SELECT width_bucket(x, ARRAY[10, 20, 50]::float8[]) AS b, count(*) {engine.FromWhere("x <= 100")} GROUP BY b ORDER BY b");
        Assert.Equal(SqlSemantics.LeftClosedBins, bins.Select(r => r.GetInt64(1)));
    }

    [Fact]
    public async Task NaN_equals_itself_and_falls_in_the_top_bucket()
    {
        await using var engine = await OpenAsync("public.semantics_nan");
        var row = await EngineAssert.SingleRowAsync(engine,
            $"SELECT count(*) FILTER (WHERE x = 'NaN'), count(*) FILTER (WHERE width_bucket(x, ARRAY[10, 20, 50]::float8[]) = 3) {engine.FromWhere("x > 100")}");
        Assert.Equal(1L, row.GetInt64(0));
        Assert.Equal(501L, row.GetInt64(1));
    }
}

[Collection(UsesClickHouse.Name)]
public sealed class ClickHouseSqlSemanticsTests(ClickHouseFixture fixture)
{
    private async Task<IQueryEngine> OpenAsync(string table)
    {
        await fixture.Cluster.CreateDistributedTableAsync(table, "x Float64");
        await fixture.Cluster.InsertAsync(1, table + "_local", Enumerable.Range(1, 300).Select(i => new object?[] { (double)i }));
        await fixture.Cluster.InsertAsync(2, table + "_local", Enumerable.Range(301, 300).Select(i => new object?[] { (double)i }).Append([double.NaN]));
        return await QueryEngine.OpenAsync(DataSource.Parse(fixture.Cluster.SourceFor(table)), new EngineOptions { PasswordFile = fixture.Cluster.PasswordFile });
    }

    [Fact]
    public async Task QuantilesExactWeighted_is_percentile_disc_and_quantilesExact_is_not()
    {
        await using var engine = await OpenAsync("semantics_quantiles");
        var row = await EngineAssert.SingleRowAsync(engine,
            $"SELECT quantilesExactWeighted(0.1, 0.5, 0.9)(x, 1), quantilesExact(0.1, 0.5, 0.9)(x) {engine.FromWhere("NOT isNaN(x)")}");
        Assert.Equal(SqlSemantics.Quantiles.Replace(" ", "", StringComparison.Ordinal), row.GetString(0));
        Assert.Equal("[61,301,541]", row.GetString(1));
    }

    [Fact]
    public async Task ArrayCount_of_the_edges_gives_left_closed_bins_across_shards()
    {
        await using var engine = await OpenAsync("semantics_bins");
        var bins = await EngineAssert.RowsAsync(engine,
            $"SELECT arrayCount(e -> e <= x, [10., 20., 50.]) AS b, count() {engine.FromWhere("x <= 100")} GROUP BY b ORDER BY b");
        Assert.Equal(SqlSemantics.LeftClosedBins, bins.Select(r => r.GetInt64(1)));
    }

    [Fact]
    public async Task NaN_is_unequal_to_itself_and_comparisons_with_it_are_false()
    {
        await using var engine = await OpenAsync("semantics_nan");
        var row = await EngineAssert.SingleRowAsync(engine,
            $"SELECT countIf(isNaN(x)), countIf(x = x), countIf(arrayCount(e -> e <= x, [10., 20., 50.]) = 0) {engine.FromWhere()}");
        Assert.Equal(1L, row.GetInt64(0));
        Assert.Equal(600L, row.GetInt64(1));
        // NaN compares false with every edge, so edge counting puts it in the bottom bin (9 values below 10, and NaN).
        Assert.Equal(10L, row.GetInt64(2));
    }
}
