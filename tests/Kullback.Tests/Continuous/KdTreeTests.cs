using System.Globalization;
using System.Runtime.Intrinsics;
using Kullback.Continuous;

namespace Kullback.Tests;

/// <summary>The k-d tree and its queries against brute force: the same distances bit for bit, the same ranks.</summary>
public class KdTreeTests
{
    /// <summary>Point sets: name, d, coordinates.</summary>
    public static TheoryData<string> Sets => new() { "uniform-3d", "rounded-2d", "clusters-3d", "dice-1d", "normal-10d", "grid-2d", "tiny-3d", "huge-3d" };

    internal static (int D, double[] Points) Set(string name, int seed = 1)
    {
        var rng = new Random(seed);
        double[] Fill(int n, int d, Func<double> next) => Enumerable.Range(0, n * d).Select(_ => next()).ToArray();
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        switch (name)
        {
            case "uniform-3d": return (3, Fill(600, 3, rng.NextDouble));
            case "rounded-2d": return (2, Fill(700, 2, () => Math.Round(Gaussian(), 1)));   // many exact duplicates
            case "clusters-3d":
            {
                // Three clusters of 60 exact copies among scattered points, and pairs.
                var points = new List<double>();
                for (int c = 0; c < 3; c++)
                    for (int i = 0; i < 60; i++) points.AddRange([c, c * 0.5, -c]);
                for (int i = 0; i < 300; i++)
                {
                    double[] p = [rng.NextDouble() * 3, rng.NextDouble(), rng.NextDouble() - 2];
                    points.AddRange(p);
                    if (i % 4 == 0) points.AddRange(p);
                }
                return (3, [.. points]);
            }
            case "dice-1d": return (1, Fill(500, 1, () => rng.Next(1, 7)));
            case "normal-10d": return (10, Fill(400, 10, Gaussian));
            case "grid-2d": return (2, Fill(500, 2, () => rng.Next(0, 12) * 0.25));
            case "tiny-3d": return (3, Fill(400, 3, () => Math.ScaleB(Gaussian(), TinyExponent)));   // about 1e−160
            case "huge-3d": return (3, Fill(400, 3, () => Math.ScaleB(Gaussian(), HugeExponent)));   // about 1e300
            default: throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
    }

    private const int TinyExponent = -531, HugeExponent = 996;

    /// <summary>The power of two a set was scaled by: brute force runs on the unscaled points (where squares neither
    /// underflow nor overflow) and its distances are scaled back, exactly.</summary>
    internal static int ExponentOf(string set) => set switch { "tiny-3d" => TinyExponent, "huge-3d" => HugeExponent, _ => 0 };

    private static double[] Unscaled(double[] points, string set) => points.Select(v => Math.ScaleB(v, -ExponentOf(set))).ToArray();

    private static IEnumerable<LaneWidth> Widths()
    {
        yield return LaneWidth.Scalar;
        if (Vector256.IsHardwareAccelerated) yield return LaneWidth.Vector256;
        if (Vector512.IsHardwareAccelerated) yield return LaneWidth.Vector512;
    }

    private static double[] Slot(KdTree tree, int slot)
    {
        var point = new double[tree.Dimensions];
        tree.CopySlot(slot, point);
        return point;
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_self_query_matches_brute_force_for_every_k_width_and_leaf_size(string set)
    {
        var (d, points) = Set(set);
        var reference = Unscaled(points, set);
        int scale = KdTree.ScaleFor(points);
        foreach (int leafSize in new[] { 8, 16, 32 })
        {
            var tree = KdTree.Create(points, d, scale, leafSize);
            for (int slot = 0; slot < tree.SlotCount; slot++)
            {
                if (tree.Weights[slot] == 0) continue;
                int index = tree.FirstIndex[slot];
                var expected = BruteForceNeighbours.Sorted(reference, d, reference.AsSpan(index * d, d), index);
                for (int k = 1; k <= 8; k++)
                {
                    var (distance, rank) = expected.Kth(k);
                    distance = Math.ScaleB(distance, ExponentOf(set));
                    foreach (var width in Widths())
                    {
                        var found = NeighbourQuery.Find(tree, Slot(tree, slot), slot, k, width);
                        Assert.True(distance == found.Distance(tree.Scale) && rank == found.Rank,
                            $"{set}, leaf {leafSize}, {width}, k {k}, x[{index}]: brute force {distance:R} (rank {rank}), tree {found.Distance(tree.Scale):R} (rank {found.Rank})");
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Queries_from_another_sample_match_brute_force(string set)
    {
        var (d, points) = Set(set, seed: 1);
        var (_, queries) = Set(set, seed: 2);
        double[] referencePoints = Unscaled(points, set), referenceQueries = Unscaled(queries, set);
        int scale = Math.Max(KdTree.ScaleFor(points), KdTree.ScaleFor(queries));
        var (tree, queryTree) = KdTree.CreatePair(points, queries, d, scale, maxDegreeOfParallelism: 1);
        for (int slot = 0; slot < queryTree.SlotCount; slot++)
        {
            if (queryTree.Weights[slot] == 0) continue;
            int index = queryTree.FirstIndex[slot];
            var expected = BruteForceNeighbours.Sorted(referencePoints, d, referenceQueries.AsSpan(index * d, d), -1);
            foreach (int k in new[] { 1, 3, 8 })
            {
                var (distance, rank) = expected.Kth(k);
                distance = Math.ScaleB(distance, ExponentOf(set));
                var found = NeighbourQuery.Find(tree, Slot(queryTree, slot), -1, k, NeighbourQuery.BestWidth);
                Assert.True(distance == found.Distance(tree.Scale) && rank == found.Rank,
                    $"{set}, k {k}, query {index}: brute force {distance:R} (rank {rank}), tree {found.Distance(tree.Scale):R} (rank {found.Rank})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Copies_are_stored_once_with_their_count(string set)
    {
        var (d, points) = Set(set);
        var tree = KdTree.Create(points, d, KdTree.ScaleFor(points));
        string Key(ReadOnlySpan<double> p) => string.Join(",", p.ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        var expected = Enumerable.Range(0, points.Length / d).GroupBy(i => Key(points.AsSpan(i * d, d))).ToDictionary(g => g.Key, g => g.Count());
        var stored = new Dictionary<string, int>();
        for (int slot = 0; slot < tree.SlotCount; slot++)
        {
            if (tree.Weights[slot] == 0) continue;
            var p = Slot(tree, slot).Select(v => Math.ScaleB(v, tree.Scale)).ToArray();
            stored[Key(p)] = stored.GetValueOrDefault(Key(p)) + tree.Weights[slot];
            Assert.Equal(Key(points.AsSpan(tree.FirstIndex[slot] * d, d)), Key(p));
        }
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), stored.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(points.Length / d, tree.PointCount);
        // A cluster larger than a leaf is one slot, so no query walks its copies.
        if (set == "clusters-3d") Assert.Contains(tree.Weights, w => w == 60);
    }

    [Fact]
    public void A_heavy_cluster_is_one_slot_and_the_tree_stays_shallow()
    {
        // 10⁵ dice rolls: six slots, a handful of nodes.
        var rng = new Random(3);
        var rolls = Enumerable.Range(0, 100_000).Select(_ => (double)rng.Next(1, 7)).ToArray();
        var tree = KdTree.Create(rolls, 1, KdTree.ScaleFor(rolls));
        Assert.Equal(6, tree.Weights.Count(w => w > 0));
        Assert.True(tree.Depth <= 4, $"depth {tree.Depth}");
    }

    [Fact]
    public void Distances_far_below_the_data_scale_are_exact()
    {
        // 1-D, so the distance is |a − b| exactly: points 1e−200 apart next to points 1 apart. Their squares underflow
        // at the data's scale; the rescaled second pass must still rank and measure them exactly.
        double[] points = [0, 1e-200, 3e-200, 7e-200, 1.5e-180, 1, 2, 3.5, 5, 1e-200, -4e-200];
        var tree = KdTree.Create(points, 1, KdTree.ScaleFor(points), leafSize: 8);
        for (int slot = 0; slot < tree.SlotCount; slot++)
        {
            if (tree.Weights[slot] == 0) continue;
            int index = tree.FirstIndex[slot];
            var others = points.Where((_, i) => i != index).Select(p => Math.Abs(p - points[index])).Order().ToArray();
            int copies = others.Count(v => v == 0);
            for (int k = 1; k <= 8; k++)
            {
                int rank = Math.Max(k, copies + 1);
                var found = NeighbourQuery.Find(tree, Slot(tree, slot), slot, k, NeighbourQuery.BestWidth);
                Assert.Equal(rank, found.Rank);
                Assert.Equal(others[rank - 1], found.Distance(tree.Scale));
                Assert.Equal(Math.Log(others[rank - 1]), found.LogDistance(tree.Scale), 1e-13);
            }
        }
    }

    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var (d, points) = Set("rounded-2d");
        var rng = new Random(4);
        var many = Enumerable.Range(0, 20).SelectMany(_ => points.Select(v => v + 0.01 * rng.Next(0, 50))).ToArray();
        var tree = KdTree.Create(many, d, KdTree.ScaleFor(many));
        NeighbourResults Run(int threads)
        {
            var job = NeighbourJob.Of(tree, tree);
            NeighbourQuery.FindAll([job], 4, threads, NeighbourQuery.BestWidth);
            return job.Results;
        }
        var one = Run(1);
        foreach (int threads in new[] { 2, 3, -1 })
        {
            var other = Run(threads);
            Assert.Equal(one.SquaredDistance, other.SquaredDistance);
            Assert.Equal(one.Rank, other.Rank);
            Assert.Equal(one.Exponent, other.Exponent);
        }
    }
}
