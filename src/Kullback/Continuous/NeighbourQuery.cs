using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.Intrinsics;

namespace Kullback.Continuous;

/// <summary>
/// k-th-neighbour queries against a <see cref="KdTree"/>: one point (<see cref="Find(KdTree, ReadOnlySpan{double}, int, int, LaneWidth)"/>), or every stored point of one
/// tree against another or itself, in parallel (<see cref="FindAll"/>).
/// </summary>
/// <remarks>
/// The searches and the tree build (here, in <see cref="NeighbourSearch{TScaling}"/> and <see cref="KdTree"/>) are marked
/// <see cref="MethodImplOptions.AggressiveOptimization"/>: a whole estimate takes a second or two, and under tiered
/// compilation much of that ran in unoptimised tier-0 code (10⁵ × 10⁵ points in 3-D: 18% more processor time).
/// </remarks>
internal static class NeighbourQuery
{
    /// <summary>Squared distances below this (2^−968) may have lost digits to subnormal squares: the query is redone scaled.</summary>
    private const double Reliable = 4.0083367200179456E-292;

    /// <summary>Queries of at most this many slots, together, run on one thread (parallel start-up costs more).</summary>
    private const int ParallelThreshold = 4096;

    /// <summary>Slots per parallel work item (whole leaves): small enough to balance two cores, large enough to amortise.</summary>
    private const int BlockSlots = 512;

    /// <summary>The widest vector the hardware runs.</summary>
    public static LaneWidth BestWidth =>
        Vector512.IsHardwareAccelerated ? LaneWidth.Vector512 : Vector256.IsHardwareAccelerated ? LaneWidth.Vector256 : LaneWidth.Scalar;

    /// <summary>
    /// The max(k, c + 1)-th smallest distance from <paramref name="query"/> to the points of <paramref name="tree"/>,
    /// where c counts the points identical to the query (leaving out one copy of slot <paramref name="self"/>).
    /// </summary>
    /// <param name="tree">The tree.</param>
    /// <param name="query">The query, in the tree's scaled coordinates.</param>
    /// <param name="self">The slot the query is (its copy is left out), or −1.</param>
    /// <param name="k">k ≥ 1.</param>
    /// <param name="width">The leaf-scan width.</param>
    /// <returns>The neighbour; <see cref="KthNeighbour.SquaredDistance"/> is +∞ when no point lies at a positive distance.</returns>
    public static KthNeighbour Find(KdTree tree, ReadOnlySpan<double> query, int self, int k, LaneWidth width) =>
        Find(tree, query, self, k, width, new SearchScratch(new double[tree.Dimensions], new double[k], new int[k]));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static KthNeighbour Find(KdTree tree, ReadOnlySpan<double> query, int self, int k, LaneWidth width, SearchScratch scratch)
    {
        var search = new NeighbourSearch<Unscaled>(tree, query, self, k, 1, scratch, width);
        search.Run();
        double squared = search.SquaredDistance;
        if (squared >= Reliable) return new KthNeighbour(squared, 0, search.Rank);

        // Rare: the answer is so small relative to the data's range that its square is subnormal. Search again with the
        // differences times 2^L, L chosen to bring the answer near 1; nearer points that still underflow only need to be
        // known as nearer. Points that overflow are far beyond the answer.
        int exponent = 0;
        long rank = search.Rank;
        for (int attempt = 0; attempt < 8 && squared < Reliable; attempt++)
        {
            exponent += Math.Max(1, -Math.ILogB(squared) / 2);
            var scaled = new NeighbourSearch<Scaled>(tree, query, self, k, Math.ScaleB(1.0, exponent), scratch, width);
            scaled.Run();
            squared = scaled.SquaredDistance;
            rank = scaled.Rank;
        }
        if (!(squared >= Reliable && squared < double.PositiveInfinity))
            throw new NotComputableException("A nearest-neighbour distance could not be resolved: the points span more than 2^1000 in scale.");
        return new KthNeighbour(squared, exponent, rank);
    }

    /// <summary>
    /// Runs every job: for each stored point of the job's query tree, its k-th neighbour in the target tree (itself
    /// left out when the two are one tree), in the query tree's order (neighbouring queries touch the same nodes).
    /// Work is split into fixed blocks of leaves, so the results do not depend on the number of threads.
    /// </summary>
    /// <param name="jobs">The queries to run.</param>
    /// <param name="k">k ≥ 1.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use at most; −1 for every core.</param>
    /// <param name="width">The leaf-scan width.</param>
    public static void FindAll(IReadOnlyList<NeighbourJob> jobs, int k, int maxDegreeOfParallelism, LaneWidth width)
    {
        var blocks = new List<(NeighbourJob Job, int FirstLeaf, int EndLeaf)>();
        int slots = 0;
        foreach (var job in jobs)
        {
            var tree = job.Queries;
            slots += tree.SlotCount;
            int first = 0;
            while (first < tree.LeafCount)
            {
                int end = first + 1;
                while (end < tree.LeafCount && tree.LeafEnd[end] - tree.LeafStart[first] <= BlockSlots) end++;
                blocks.Add((job, first, end));
                first = end;
            }
        }
        void RunBlock(int b)
        {
            var (job, firstLeaf, endLeaf) = blocks[b];
            var queries = job.Queries;
            int d = queries.Dimensions;
            Span<double> distances = k <= 64 ? stackalloc double[k] : new double[k];
            Span<int> weights = k <= 64 ? stackalloc int[k] : new int[k];
            Span<double> offsets = d <= 64 ? stackalloc double[d] : new double[d];
            Span<double> point = d <= 64 ? stackalloc double[d] : new double[d];
            var scratch = new SearchScratch(offsets, distances, weights);
            for (int leaf = firstLeaf; leaf < endLeaf; leaf++)
                for (int slot = queries.LeafStart[leaf]; slot < queries.LeafEnd[leaf]; slot++)
                {
                    queries.CopySlot(slot, point);
                    job.Results.Set(slot, Find(job.Target, point, job.IsSelf ? slot : -1, k, width, scratch));
                }
        }
        if (maxDegreeOfParallelism == 1 || slots <= ParallelThreshold)
            for (int b = 0; b < blocks.Count; b++) RunBlock(b);
        else
        {
            // −1 means one thread per core: left unbounded, Parallel.For keeps asking the pool for threads, which adds one
            // every half second while the blocks run (227 threads after a minute of 10-D queries, a load average of 250).
            try
            {
                Parallel.For(0, blocks.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism < 0 ? Environment.ProcessorCount : maxDegreeOfParallelism }, RunBlock);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                throw;
            }
        }
    }
}

/// <summary>Every stored point of <see cref="Queries"/> against <see cref="Target"/>, into <see cref="Results"/> (one per query slot).</summary>
internal sealed record NeighbourJob(KdTree Queries, KdTree Target, NeighbourResults Results)
{
    /// <summary>A self-query: each point's own copy is left out.</summary>
    public bool IsSelf => ReferenceEquals(Queries, Target);

    public static NeighbourJob Of(KdTree queries, KdTree target) => new(queries, target, new NeighbourResults(queries.SlotCount));
}

/// <summary>The k-th neighbour of every slot of a query tree, as parallel arrays (padding slots untouched).</summary>
internal sealed class NeighbourResults(int slots)
{
    /// <summary>See <see cref="KthNeighbour.SquaredDistance"/>.</summary>
    public double[] SquaredDistance { get; } = new double[slots];

    /// <summary>See <see cref="KthNeighbour.Exponent"/>.</summary>
    public int[] Exponent { get; } = new int[slots];

    /// <summary>See <see cref="KthNeighbour.Rank"/>.</summary>
    public int[] Rank { get; } = new int[slots];

    public void Set(int slot, KthNeighbour neighbour)
    {
        SquaredDistance[slot] = neighbour.SquaredDistance;
        Exponent[slot] = neighbour.Exponent;
        Rank[slot] = (int)neighbour.Rank;
    }
}
