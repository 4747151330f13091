using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Kullback.Continuous;

/// <summary>
/// One k-th-neighbour search in a <see cref="KdTree"/>: depth first from the root, nearer child first, pruning a
/// subtree when the lower bound on its squared distance (kept incrementally per dimension, after Arya and Mount)
/// reaches the current answer, and a leaf when its bounding box does; leaves are scanned eight points at a time with
/// vector instructions. Allocation-free: the caller lends the scratch spans.
/// </summary>
/// <remarks>
/// <para>The squared distance is Σⱼ ((xⱼ − qⱼ)·f)², summed over j in order without fused multiply–add, in the tree's
/// scaled coordinates — bit for bit what a scalar loop computes, whatever the vector width. f is 1, or, in the rare
/// second pass of <see cref="NeighbourQuery"/>, a power of two that lifts distances out of the subnormal range.</para>
/// <para>Exactness of the pruning: a leaf's box distance is computed like a point's from per-dimension gaps no larger
/// than the point's, so by the monotonicity of rounding it never exceeds the distance of any point inside; the inner
/// nodes' incremental bound carries rounding errors, so it prunes only when it exceeds the answer by a margin larger
/// than those errors (<see cref="PruneFactor"/>).</para>
/// <para>Tried and dropped: searching the points of a leaf together, one traversal for the group (the group's bound is
/// the loosest of its members', and the per-member box checks cost more than the shared traversal saves: 30–80% slower
/// in 3 and 10 dimensions).</para>
/// </remarks>
internal ref struct NeighbourSearch<TScaling> where TScaling : struct, IDistanceScaling
{
    private readonly KdTree _tree;
    private readonly KdTree.Node[] _nodes;
    private readonly double[] _coordinates;
    private readonly ReadOnlySpan<double> _query;
    private readonly Span<double> _offsets;
    private readonly Span<double> _distances;
    private readonly Span<int> _weights;
    private readonly int _self;
    private readonly int _k;
    private readonly double _factor;
    private readonly double _pruneFactor;
    private readonly LaneWidth _width;
    private NeighbourCandidates _candidates;

    /// <param name="tree">The tree searched.</param>
    /// <param name="query">The query point, in the tree's scaled coordinates.</param>
    /// <param name="self">The slot the query stands for (one of its copies is not its own neighbour), or −1.</param>
    /// <param name="k">k ≥ 1.</param>
    /// <param name="factor">f, a power of two (ignored unless <typeparamref name="TScaling"/> scales).</param>
    /// <param name="scratch">Scratch: d offsets, k distances and k weights.</param>
    /// <param name="width">The vector width of the leaf scans.</param>
    public NeighbourSearch(KdTree tree, ReadOnlySpan<double> query, int self, int k, double factor, SearchScratch scratch, LaneWidth width)
    {
        _tree = tree;
        _nodes = tree.Nodes;
        _coordinates = tree.Coordinates;
        _query = query;
        _self = self;
        _k = k;
        _factor = factor;
        _width = width;
        _pruneFactor = PruneFactor(tree);
        _offsets = scratch.Offsets;
        _distances = scratch.Distances;
        _weights = scratch.Weights;
        _offsets.Clear();
        _candidates = NeighbourCandidates.Empty;
    }

    /// <summary>The answer, squared and scaled by f²: +∞ if the tree holds no point at positive distance.</summary>
    public readonly double SquaredDistance => _candidates.Bound;

    /// <summary>The rank of the answer: max(k, copies + 1).</summary>
    public readonly long Rank => _candidates.Rank(_k);

    /// <summary>
    /// 1 − δ with δ above the relative rounding error of the incremental bound (a few roundings per level) and of a
    /// point's squared distance (d + 2): a subtree is pruned when bound·(1 − δ) ≥ answer.
    /// </summary>
    public static double PruneFactor(KdTree tree) => 1 - (8.0 * tree.Depth + 2.0 * tree.Dimensions + 16) * UnitRoundoff;

    private const double UnitRoundoff = 1.1102230246251565E-16;   // 2^−53

    /// <summary>Runs the search from the root.</summary>
    public void Run() => Visit(0, 0);

    private void Visit(int id, double lowerBound)
    {
        ref readonly var node = ref _nodes[id];
        if (node.Dimension < 0)
        {
            ScanLeaf(node.Next);
            return;
        }
        int j = node.Dimension;
        double q = _query[j];
        double old = _offsets[j];
        double leftOffset = double.MaxNative(old, TScaling.Apply(q - node.LeftMax, _factor));
        double rightOffset = double.MaxNative(old, TScaling.Apply(node.RightMin - q, _factor));
        double rest = lowerBound - old * old;   // rounding errors here are within the prune factor's margin
        double leftBound = rest + leftOffset * leftOffset, rightBound = rest + rightOffset * rightOffset;
        int left = id + 1, right = node.Next;
        if (leftBound <= rightBound)
        {
            VisitChild(left, leftBound, j, leftOffset);
            VisitChild(right, rightBound, j, rightOffset);
        }
        else
        {
            VisitChild(right, rightBound, j, rightOffset);
            VisitChild(left, leftBound, j, leftOffset);
        }
        _offsets[j] = old;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void VisitChild(int id, double lowerBound, int dimension, double offset)
    {
        if (!(lowerBound * _pruneFactor < _candidates.Bound)) return;
        _offsets[dimension] = offset;
        Visit(id, lowerBound);
    }

    private void ScanLeaf(int leaf)
    {
        int d = _query.Length;
        ref double box = ref MemoryMarshal.GetArrayDataReference(_tree.LeafBoxes);
        box = ref Unsafe.Add(ref box, leaf * 2 * d);
        ref double q = ref MemoryMarshal.GetReference(_query);
        double distance = 0;
        for (int j = 0; j < d; j++)
        {
            double qj = Unsafe.Add(ref q, j);
            double gap = double.MaxNative(double.MaxNative(Unsafe.Add(ref box, 2 * j) - qj, qj - Unsafe.Add(ref box, 2 * j + 1)), 0);
            gap = TScaling.Apply(gap, _factor);
            distance += gap * gap;
        }
        if (!(distance < _candidates.Bound)) return;
        int start = _tree.LeafStart[leaf], end = _tree.LeafEnd[leaf];
        if (_width == LaneWidth.Vector512 && double.IsPositiveInfinity(_candidates.Bound) && end - start <= MaxFirstLeaf)
        {
            ScanFirstLeaf512(start, end);
            return;
        }
        for (int slot = start; slot < end; slot += KdTree.Lanes)
        {
            if (_width == LaneWidth.Vector512) ScanChunk512(slot);
            else if (_width == LaneWidth.Vector256) ScanChunk256(slot);
            else ScanChunkScalar(slot);
        }
    }

    private const int MaxFirstLeaf = 16 * KdTree.Lanes;

    /// <summary>
    /// The first leaf a search scans (the answer still +∞): all its distances at once, then offered smallest first until
    /// the answer is set, after which no other point of the leaf can lower it. Saves the many insertions that offering
    /// a leaf's points in stored order costs while the list fills.
    /// </summary>
    [SkipLocalsInit]
    private void ScanFirstLeaf512(int start, int end)
    {
        int chunks = (end - start + KdTree.Lanes - 1) / KdTree.Lanes;
        Span<Vector512<double>> sums = stackalloc Vector512<double>[MaxFirstLeaf / KdTree.Lanes];
        for (int c = 0; c < chunks; c++) sums[c] = Sum512(start + c * KdTree.Lanes);
        while (true)
        {
            var least = sums[0];
            for (int c = 1; c < chunks; c++) least = Vector512.Min(least, sums[c]);
            var pairs = Vector512.Min(least, Swap(least, 1));
            pairs = Vector512.Min(pairs, Swap(pairs, 2));
            double smallest = Math.Min(pairs.GetElement(0), pairs.GetElement(4));
            if (!(smallest < _candidates.Bound)) return;
            var target = Vector512.Create(smallest);
            for (int c = 0; c < chunks; c++)
            {
                uint at = (uint)Vector512.Equals(sums[c], target).ExtractMostSignificantBits();
                if (at == 0) continue;
                int lane = BitOperations.TrailingZeroCount(at);
                sums[c] = sums[c].WithElement(lane, double.PositiveInfinity);
                Offer(start + c * KdTree.Lanes + lane, smallest);
                break;
            }
        }
    }

    /// <summary>Each pair of lane groups of <paramref name="width"/> exchanged: the step of a horizontal minimum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Swap(Vector512<double> v, int width) => width == 1
        ? Vector512.Shuffle(v, Vector512.Create(1L, 0, 3, 2, 5, 4, 7, 6))
        : Vector512.Shuffle(v, Vector512.Create(2L, 3, 0, 1, 6, 7, 4, 5));

    /// <summary>The squared distances of a chunk's eight points, summed over j in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly Vector512<double> Sum512(int slot)
    {
        int d = _query.Length;
        ref double chunk = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_coordinates), slot * d);
        ref double q = ref MemoryMarshal.GetReference(_query);
        var sum = Vector512<double>.Zero;
        var factor = Vector512.Create(_factor);
        for (int j = 0; j < d; j++)
        {
            var diff = Vector512.LoadUnsafe(ref chunk, (nuint)(j * KdTree.Lanes)) - Vector512.Create(Unsafe.Add(ref q, j));
            if (TScaling.Scales) diff *= factor;
            sum += diff * diff;
        }
        return sum;
    }

    private void ScanChunk512(int slot)
    {
        var sum = Sum512(slot);
        uint hits = (uint)Vector512.LessThan(sum, Vector512.Create(_candidates.Bound)).ExtractMostSignificantBits();
        while (hits != 0)
        {
            int lane = BitOperations.TrailingZeroCount(hits);
            Offer(slot + lane, sum.GetElement(lane));
            hits &= hits - 1;
        }
    }

    private void ScanChunk256(int slot)
    {
        int d = _query.Length;
        ref double chunk = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_coordinates), slot * d);
        ref double q = ref MemoryMarshal.GetReference(_query);
        var low = Vector256<double>.Zero;
        var high = Vector256<double>.Zero;
        var factor = Vector256.Create(_factor);
        for (int j = 0; j < d; j++)
        {
            var qj = Vector256.Create(Unsafe.Add(ref q, j));
            nuint at = (nuint)(j * KdTree.Lanes);
            var diffLow = Vector256.LoadUnsafe(ref chunk, at) - qj;
            var diffHigh = Vector256.LoadUnsafe(ref chunk, at + 4) - qj;
            if (TScaling.Scales)
            {
                diffLow *= factor;
                diffHigh *= factor;
            }
            low += diffLow * diffLow;
            high += diffHigh * diffHigh;
        }
        var bound = Vector256.Create(_candidates.Bound);
        uint hits = Vector256.LessThan(low, bound).ExtractMostSignificantBits() | (Vector256.LessThan(high, bound).ExtractMostSignificantBits() << 4);
        while (hits != 0)
        {
            int lane = BitOperations.TrailingZeroCount(hits);
            Offer(slot + lane, lane < 4 ? low.GetElement(lane) : high.GetElement(lane - 4));
            hits &= hits - 1;
        }
    }

    private void ScanChunkScalar(int slot)
    {
        int d = _query.Length;
        int offset = slot * d;
        for (int lane = 0; lane < KdTree.Lanes; lane++)
        {
            double sum = 0;
            for (int j = 0; j < d; j++)
            {
                double diff = TScaling.Apply(_coordinates[offset + j * KdTree.Lanes + lane] - _query[j], _factor);
                sum += diff * diff;
            }
            if (sum < _candidates.Bound) Offer(slot + lane, sum);
        }
    }

    private void Offer(int slot, double squaredDistance)
    {
        if (!(squaredDistance < _candidates.Bound)) return;
        int weight = _tree.Weights[slot];
        if (squaredDistance == 0)
        {
            if (IsQuery(slot))
            {
                if (slot == _self) weight--;
                if (weight > 0) _candidates.AddZeros(weight, _k, _distances, _weights);
                return;
            }
            // Not a copy: its squares underflowed. It is nearer than anything else, by an amount a rescaled pass resolves.
            squaredDistance = double.Epsilon;
        }
        _candidates.Add(squaredDistance, weight, _k, _distances, _weights);
    }

    private readonly bool IsQuery(int slot)
    {
        for (int j = 0; j < _query.Length; j++)
            if (_coordinates[_tree.Position(slot, j)] != _query[j]) return false;
        return true;
    }
}

/// <summary>Scratch for one <see cref="NeighbourSearch{TScaling}"/>: lent, so that searches allocate nothing.</summary>
/// <param name="Offsets">d doubles.</param>
/// <param name="Distances">k doubles.</param>
/// <param name="Weights">k ints.</param>
internal readonly ref struct SearchScratch(Span<double> Offsets, Span<double> Distances, Span<int> Weights)
{
    public Span<double> Offsets { get; } = Offsets;

    public Span<double> Distances { get; } = Distances;

    public Span<int> Weights { get; } = Weights;
}

/// <summary>The vector width of the leaf scans (the same results at every width).</summary>
internal enum LaneWidth
{
    Scalar,
    Vector256,
    Vector512,
}

/// <summary>Whether a search multiplies coordinate differences by a power of two f before squaring them.</summary>
internal interface IDistanceScaling
{
    static abstract bool Scales { get; }

    /// <summary>difference·f, or difference itself.</summary>
    static abstract double Apply(double difference, double factor);
}

/// <summary>Differences as they are (every ordinary search).</summary>
internal readonly struct Unscaled : IDistanceScaling
{
    public static bool Scales => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Apply(double difference, double factor) => difference;
}

/// <summary>Differences times f (the second pass for distances whose squares would underflow).</summary>
internal readonly struct Scaled : IDistanceScaling
{
    public static bool Scales => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Apply(double difference, double factor) => difference * factor;
}
