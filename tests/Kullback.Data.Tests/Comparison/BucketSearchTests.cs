using System.Globalization;
using System.Text;
using CsCheck;
using Kullback.Comparison;
using Kullback.Data.Comparison;
using Kullback.Data.Engines;

namespace Kullback.Data.Tests.Comparison;

/// <summary>
/// The bucket searches, run by DuckDB on files, against the values sorted here, on data built to be hard (ties, the whole
/// range of doubles, subnormals, signed zeros, clusters at every scale): <see cref="RankSearch"/> at every rank, with
/// limits so small that it splits, batches and recurses as it would on 10⁸ rows, and at the defaults; and
/// <see cref="FineCellCounter"/>'s counts in the cells of edges taken from the data, between them and outside them.
/// </summary>
public sealed class BucketSearchTests : IDisposable
{
    private static readonly RankSearch.Limits Tiny = new(SortedDirectly: 16, SortBudget: 64, MaximumDepth: 8, FewestBuckets: 4);

    private readonly string _directory = Directory.CreateTempSubdirectory("kullback-ranks-").FullName;
    private int _files;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Datasets => ["ties", "extremes", "clusters", "spread", "two values", "one value"];

    private static double[] Dataset(string name)
    {
        var random = new Random(20261201);
        return name switch
        {
            "ties" => [.. Enumerable.Range(0, 3000).Select(i => i % 10 == 0 ? 0.0 : i % 10 == 1 ? 2.0 : 1.0)],
            "extremes" => [double.MaxValue, -double.MaxValue, double.Epsilon, -double.Epsilon, 0.0, -0.0, 1e-300, -1e-300, 2.2250738585072014E-308,
                           .. Enumerable.Range(0, 500).Select(i => Math.ScaleB(random.NextDouble() - 0.5, random.Next(-1074, 1023))), 1.0, 1.0, double.MaxValue],
            // A cluster at every scale: each level of the search finds most of its values in its lowest bucket.
            "clusters" => [.. Enumerable.Range(0, 2000).Select(i => Math.Pow(10, -(i % 300)) * (1 + (i / 300) * 1e-3))],
            "spread" => [.. Enumerable.Range(0, 5000).Select(_ => Math.Exp(3 * (random.NextDouble() + random.NextDouble() - 1)))],
            "two values" => [.. Enumerable.Range(0, 400).Select(i => i % 3 == 0 ? -5.5 : 7.25)],
            "one value" => [.. Enumerable.Repeat(0.125, 300)],
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public async Task Every_rank_is_the_sorted_value_there_with_tiny_limits(string dataset) => await AssertEveryRankAsync(Dataset(dataset), Tiny);

    [Theory]
    [MemberData(nameof(Datasets))]
    public async Task Every_rank_is_the_sorted_value_there_at_the_defaults(string dataset) => await AssertEveryRankAsync(Dataset(dataset), RankSearch.Limits.Default);

    [Fact]
    public async Task Any_mixture_of_clusters_and_ties_gives_the_sorted_values()
    {
        var value = Gen.OneOf(Gen.Double[-1e6, 1e6], Gen.Int[-3, 3].Select(i => (double)i), Gen.Int[-320, 300].Select(e => Math.Pow(10, e)),
                              Gen.Double.Select(d => double.IsFinite(d) ? d : 0));
        var limits = Gen.Select(Gen.Long[2, 40], Gen.Long[2, 200], Gen.Int[1, 9], Gen.Long[2, 64]).Select((d, b, m, f) => new RankSearch.Limits(d, b, m, f));
        await Gen.Select(value.Array[1, 400], limits).SampleAsync(async (values, l) => { await AssertEveryRankAsync(values, l); return true; }, iter: 100);
    }

    [Fact]
    public async Task Missing_values_are_left_out_of_the_ranks()
    {
        string path = Write([3.0, double.NaN, 1.0, double.NaN, 2.0], missingAsEmpty: true);
        await using var engine = await QueryEngine.OpenAsync(DataSource.Parse(path));
        var plan = Plan(engine);
        double[] found = await RankSearch.ValuesAtRanksAsync(engine, Queries(engine), plan, 3, 1.0, 3.0, [1, 2, 3], null, CancellationToken.None, Tiny);
        Assert.Equal([1.0, 2.0, 3.0], found);
        await Assert.ThrowsAsync<InvalidArgumentException>(() => RankSearch.ValuesAtRanksAsync(engine, Queries(engine), plan, 3, 1.0, 3.0, [2, 2], null, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => RankSearch.ValuesAtRanksAsync(engine, Queries(engine), plan, 3, 1.0, 3.0, [4], null, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public async Task Fine_cells_hold_the_values_between_their_edges(string dataset)
    {
        double[] values = Dataset(dataset);
        double[] sorted = [.. values.Order()];
        // Edges at values of the data (so that values equal them), half-way between, and beyond both ends.
        var edges = new SortedSet<double>();
        for (int i = 0; i < sorted.Length; i += Math.Max(1, sorted.Length / 37)) edges.Add(sorted[i] == 0 ? 0.0 : sorted[i]);
        for (int i = 1; i < sorted.Length; i += Math.Max(1, sorted.Length / 13)) edges.Add(sorted[i - 1] / 2 + sorted[i] / 2);
        edges.Add(sorted[0] == -double.MaxValue ? -double.MaxValue : sorted[0] - Math.Abs(sorted[0]) - 1);
        edges.Add(sorted[^1] == double.MaxValue ? double.MaxValue : sorted[^1] + Math.Abs(sorted[^1]) + 1);
        await AssertCellsAsync(values, [.. edges]);
    }

    [Fact]
    public async Task Any_edges_count_any_mixture_into_the_right_cells()
    {
        var value = Gen.OneOf(Gen.Double[-1e6, 1e6], Gen.Int[-3, 3].Select(i => (double)i), Gen.Int[-320, 300].Select(e => Math.Pow(10, e)));
        await Gen.Select(value.Array[2, 300], value.Array[1, 40]).SampleAsync(async (values, edges) =>
        {
            await AssertCellsAsync(values, [.. edges.Select(e => e == 0 ? 0.0 : e).Distinct().Order()]);
            return true;
        }, iter: 60);
    }

    private async Task AssertCellsAsync(double[] values, double[] edges)
    {
        var expected = new long[edges.Length + 1];
        foreach (double x in values) expected[edges.Count(e => e <= x)]++;
        string path = Write(values, missingAsEmpty: false);
        await using var engine = await QueryEngine.OpenAsync(DataSource.Parse(path));
        double minimum = values.Min(), maximum = values.Max();
        if (!FineCellCounter.Applies(engine.Dialect, minimum, maximum, edges.Length)) return;   // one repeated value: the ASOF join counts it
        long[]? counts = await FineCellCounter.CountAsync(engine, Queries(engine), Plan(engine), values.Length, minimum, maximum, edges, null, CancellationToken.None);
        Assert.NotNull(counts);
        Assert.Equal(expected, counts);
        // Every bucket of more than 3 values that holds an edge split again, down to the deepest level.
        long[]? split = await FineCellCounter.CountAsync(engine, Queries(engine), Plan(engine), values.Length, minimum, maximum, edges, null, CancellationToken.None, crowded: 3);
        Assert.Equal(expected, split);
    }

    private async Task AssertEveryRankAsync(double[] values, RankSearch.Limits limits)
    {
        double[] sorted = [.. values.Order()];
        string path = Write(values, missingAsEmpty: false);
        await using var engine = await QueryEngine.OpenAsync(DataSource.Parse(path));
        long[] ranks = [.. Enumerable.Range(1, sorted.Length).Select(r => (long)r)];
        double[] found = await RankSearch.ValuesAtRanksAsync(engine, Queries(engine), Plan(engine), sorted.Length, sorted[0], sorted[^1], ranks, null, CancellationToken.None, limits);
        for (int i = 0; i < sorted.Length; i++)
            Assert.True(found[i] == sorted[i], $"rank {i + 1} of {sorted.Length} with {limits}: {found[i]:R}, sorted {sorted[i]:R}");
    }

    private static ColumnPlan Plan(IQueryEngine engine) => new("x", ColumnKind.Numeric, engine.RequireColumn("x").Category);

    private static ScanQueries Queries(IQueryEngine engine) => new(SqlSpellings.For(engine.Dialect), engine.FromWhere);

    /// <summary>The values as a one-column CSV in shortest round-trip digits (DuckDB reads them back exactly); NaN as an empty field when asked.</summary>
    private string Write(IEnumerable<double> values, bool missingAsEmpty)
    {
        var text = new StringBuilder("x\n");
        foreach (double x in values)
            text.Append(double.IsNaN(x) && missingAsEmpty ? "" : x.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        string path = Path.Combine(_directory, $"values-{Interlocked.Increment(ref _files)}.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
