using System.Runtime.CompilerServices;

namespace Kullback.Continuous;

/// <summary>
/// A k-d tree over a multiset of n points in d dimensions, for exact Euclidean k-nearest-neighbour distances
/// (<see cref="NeighbourSearch{TScaling}"/>). Identical points are stored once, with their multiplicity, so that no
/// search ever walks a cluster of copies: built in O(n log n) time and O(n·d) memory for any input. Immutable after
/// construction, so any number of threads may search it at once.
/// </summary>
/// <remarks>
/// <para>Layout, for the search's vector loops: the stored points ("slots") are in tree order, every leaf starts at a
/// multiple of <see cref="Lanes"/>, and coordinates are kept in chunks of <see cref="Lanes"/> slots, dimension by
/// dimension (coordinate j of slot s at <c>((s / 8)·d + j)·8 + s % 8</c>). Padding slots have weight 0 and coordinates
/// +∞, so their distance is +∞ and never counts. Nodes are 24-byte structs in preorder (left child = node + 1).</para>
/// <para>Coordinates are stored multiplied by 2^−<see cref="Scale"/> (exact, a power of two) so that the largest lies in
/// [½, 1): squared distances of data at 1e−160 or 1e150 neither underflow nor overflow. (Scaling up is always exact;
/// scaling down rounds only coordinates that become subnormal, below 2^−1022 of the largest: 300 decades apart.)</para>
/// <para>Splits: the widest dimension of the node's bounding box, at the median, moved to the nearest boundary between
/// different values so that all copies of a value go to one side. A node whose points all coincide becomes one slot with
/// their count as its weight.</para>
/// </remarks>
internal sealed class KdTree
{
    /// <summary>Slots per coordinate chunk: one 512-bit vector of doubles.</summary>
    public const int Lanes = 8;

    /// <summary>
    /// The default largest leaf, in slots, for <paramref name="dimensions"/> dimensions. Measured (10⁵ points, k = 5): in
    /// 3-D leaves of 32 beat 16 by 8% and 64 by 10%; in 10-D leaves of 128 beat 32 by 33% (scans are cheap, visits are not).
    /// </summary>
    public static int DefaultLeafSize(int dimensions) => dimensions <= 3 ? 32 : dimensions <= 6 ? 64 : 128;

    private readonly double[] _points;      // scaled copy, row-major, used while building
    private readonly int[] _order;          // point indices, arranged by the build
    private readonly double[] _keys;        // scratch for the median selection
    private readonly List<Node> _nodes = [];
    private readonly List<(int Start, int End, bool Cluster)> _leafRanges = [];
    private readonly int _leafSize;

    /// <summary>Builds the tree over <paramref name="points"/> (row-major, <paramref name="dimensions"/> per point, all finite).</summary>
    /// <param name="points">n·d coordinates; n ≥ 1.</param>
    /// <param name="dimensions">d ≥ 1.</param>
    /// <param name="scale">The exponent S: coordinates are stored as x·2^−S (see <see cref="ScaleFor"/>).</param>
    /// <param name="leafSize">The largest leaf, in slots; a multiple of <see cref="Lanes"/>; 0 for the default.</param>
    public static KdTree Create(ReadOnlySpan<double> points, int dimensions, int scale, int leafSize = 0) =>
        new(Scaled(points, scale), dimensions, scale, leafSize);

    /// <summary>Builds trees over two point sets with one scale, both at once unless <paramref name="maxDegreeOfParallelism"/> is 1.</summary>
    public static (KdTree X, KdTree Y) CreatePair(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimensions, int scale, int maxDegreeOfParallelism, int leafSize = 0)
    {
        double[] scaledX = Scaled(x, scale), scaledY = Scaled(y, scale);
        KdTree? treeX = null, treeY = null;
        void BuildX() => treeX = new KdTree(scaledX, dimensions, scale, leafSize);
        void BuildY() => treeY = new KdTree(scaledY, dimensions, scale, leafSize);
        if (maxDegreeOfParallelism == 1 || scaledX.Length + scaledY.Length < 1 << 14)
        {
            BuildX();
            BuildY();
        }
        else
            Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism < 0 ? Environment.ProcessorCount : maxDegreeOfParallelism }, BuildX, BuildY);
        return (treeX!, treeY!);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Scaled(ReadOnlySpan<double> points, int scale)
    {
        var scaled = new double[points.Length];
        for (int i = 0; i < points.Length; i++) scaled[i] = Math.ScaleB(points[i], -scale);
        return scaled;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private KdTree(double[] scaledPoints, int dimensions, int scale, int leafSize)
    {
        Dimensions = dimensions;
        PointCount = scaledPoints.Length / dimensions;
        Scale = scale;
        _leafSize = leafSize > 0 ? leafSize : DefaultLeafSize(dimensions);
        _points = scaledPoints;
        _order = new int[PointCount];
        for (int i = 0; i < PointCount; i++) _order[i] = i;
        _keys = new double[PointCount];

        Depth = Build(0, PointCount, 1);
        Nodes = [.. _nodes];
        LeafCount = _leafRanges.Count;

        // Lay the slots out, leaf by leaf, each leaf starting at a whole chunk.
        LeafStart = new int[LeafCount];
        LeafEnd = new int[LeafCount];
        int slots = 0;
        for (int leaf = 0; leaf < LeafCount; leaf++)
        {
            var (start, end, cluster) = _leafRanges[leaf];
            LeafStart[leaf] = slots;
            LeafEnd[leaf] = slots + (cluster ? 1 : end - start);
            slots = (LeafEnd[leaf] + Lanes - 1) / Lanes * Lanes;
        }
        SlotCount = slots;
        Coordinates = new double[slots * dimensions];
        Array.Fill(Coordinates, double.PositiveInfinity);
        Weights = new int[slots];
        FirstIndex = new int[slots];
        Array.Fill(FirstIndex, -1);
        LeafBoxes = new double[LeafCount * 2 * dimensions];
        for (int leaf = 0; leaf < LeafCount; leaf++)
        {
            var (start, end, cluster) = _leafRanges[leaf];
            var box = LeafBoxes.AsSpan(leaf * 2 * dimensions, 2 * dimensions);
            for (int j = 0; j < dimensions; j++)
            {
                box[2 * j] = double.PositiveInfinity;
                box[2 * j + 1] = double.NegativeInfinity;
            }
            for (int i = start; i < (cluster ? start + 1 : end); i++)
            {
                int slot = LeafStart[leaf] + i - start;
                Weights[slot] = cluster ? end - start : 1;
                FirstIndex[slot] = cluster ? Min(_order.AsSpan(start, end - start)) : _order[i];
                for (int j = 0; j < dimensions; j++)
                {
                    double v = _points[i * dimensions + j];
                    Coordinates[Position(slot, j)] = v;
                    if (v < box[2 * j]) box[2 * j] = v;
                    if (v > box[2 * j + 1]) box[2 * j + 1] = v;
                }
            }
        }
        _points = [];
        _order = [];
        _keys = [];
    }

    /// <summary>The exponent S for which the largest |coordinate| of <paramref name="points"/>, times 2^−S, lies in [½, 1); 0 when all are 0.</summary>
    public static int ScaleFor(ReadOnlySpan<double> points)
    {
        double largest = 0;
        foreach (double v in points) largest = Math.Max(largest, Math.Abs(v));
        return largest == 0 ? 0 : Math.ILogB(largest) + 1;
    }

    public int Dimensions { get; }

    /// <summary>n, the points the tree holds (the sum of the slots' weights).</summary>
    public int PointCount { get; }

    /// <summary>Stored coordinates are x·2^−Scale.</summary>
    public int Scale { get; }

    /// <summary>The longest root-to-leaf path, in nodes.</summary>
    public int Depth { get; }

    public int SlotCount { get; }

    public int LeafCount { get; }

    /// <summary>Every point coincides: the tree is one slot.</summary>
    public bool IsSinglePoint => Weights[0] == PointCount;

    /// <summary>The stored (scaled) coordinates, chunked: see the remarks.</summary>
    public double[] Coordinates { get; }

    /// <summary>How many of the points each slot stands for; 0 for padding.</summary>
    public int[] Weights { get; }

    /// <summary>For each slot, the smallest index of the points it stands for (−1 for padding).</summary>
    public int[] FirstIndex { get; }

    public Node[] Nodes { get; }

    /// <summary>Each leaf's slots, [LeafStart, LeafEnd).</summary>
    public int[] LeafStart { get; }

    /// <inheritdoc cref="LeafStart"/>
    public int[] LeafEnd { get; }

    /// <summary>Each leaf's bounding box over its stored points: for leaf l and dimension j, the smallest coordinate at (l·d + j)·2 and the largest after it.</summary>
    public double[] LeafBoxes { get; }

    /// <summary>Where coordinate <paramref name="dimension"/> of <paramref name="slot"/> lies in <see cref="Coordinates"/>.</summary>
    public int Position(int slot, int dimension) => ((slot / Lanes * Dimensions) + dimension) * Lanes + (slot % Lanes);

    /// <summary>Copies the (scaled) coordinates of <paramref name="slot"/> into <paramref name="destination"/>.</summary>
    public void CopySlot(int slot, Span<double> destination)
    {
        for (int j = 0; j < Dimensions; j++) destination[j] = Coordinates[Position(slot, j)];
    }

    /// <summary>
    /// A node: an inner node splits along <see cref="Dimension"/>; its left subtree (node + 1) holds coordinates ≤
    /// <see cref="LeftMax"/>, its right subtree (<see cref="Next"/>) coordinates ≥ <see cref="RightMin"/>. A leaf has
    /// <see cref="Dimension"/> −1 and <see cref="Next"/> its leaf number.
    /// </summary>
    internal readonly record struct Node(double LeftMax, double RightMin, int Dimension, int Next);

    private static int Min(ReadOnlySpan<int> values)
    {
        int min = int.MaxValue;
        foreach (int v in values) min = Math.Min(min, v);
        return min;
    }

    /// <summary>Builds the subtree over rows [start, end) of _points (kept in step with _order); returns its depth.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Build(int start, int end, int depth)
    {
        int d = Dimensions;
        int id = _nodes.Count;
        _nodes.Add(default);
        Span<double> lower = d <= 64 ? stackalloc double[d] : new double[d];
        Span<double> upper = d <= 64 ? stackalloc double[d] : new double[d];
        lower.Fill(double.PositiveInfinity);
        upper.Fill(double.NegativeInfinity);
        for (int i = start; i < end; i++)
        {
            var point = _points.AsSpan(i * d, d);
            for (int j = 0; j < d; j++)
            {
                double v = point[j];
                if (v < lower[j]) lower[j] = v;
                if (v > upper[j]) upper[j] = v;
            }
        }
        int dimension = 0;
        for (int j = 1; j < d; j++)
            if (upper[j] - lower[j] > upper[dimension] - lower[dimension]) dimension = j;
        bool allEqual = !(upper[dimension] > lower[dimension]);
        if (allEqual || end - start <= _leafSize)
        {
            _nodes[id] = new Node(0, 0, -1, _leafRanges.Count);
            _leafRanges.Add((start, end, allEqual && end - start > 1));
            return depth;
        }

        int split = SplitPoint(start, end, dimension);
        double leftMax = double.NegativeInfinity, rightMin = double.PositiveInfinity;
        for (int i = start; i < split; i++) leftMax = Math.Max(leftMax, _keys[i]);
        for (int i = split; i < end; i++) rightMin = Math.Min(rightMin, _keys[i]);
        int leftDepth = Build(start, split, depth + 1);
        int right = _nodes.Count;
        int rightDepth = Build(split, end, depth + 1);
        _nodes[id] = new Node(leftMax, rightMin, dimension, right);
        return Math.Max(leftDepth, rightDepth);
    }

    /// <summary>
    /// Arranges rows [start, end) so that coordinate <paramref name="dimension"/> is smaller left of the returned
    /// index than right of it (never equal across it), with both sides non-empty and the left as close as possible to
    /// half of the points, rounded to whole chunks. Leaves the coordinates in _keys[start, end).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SplitPoint(int start, int end, int dimension)
    {
        int d = Dimensions;
        for (int i = start; i < end; i++) _keys[i] = _points[i * d + dimension];
        int count = end - start;
        int half = Math.Max(Lanes, (count / 2 + Lanes / 2) / Lanes * Lanes);
        int target = start + Math.Min(half, count - 1);
        Select(start, end, target);
        double v = _keys[target];
        // Group the values equal to v: [start, low) < v, [low, high) = v, [high, end) > v.
        int low = PartitionLess(start, target, v);
        int high = PartitionEqual(target, end, v);
        bool lowValid = low > start, highValid = high < end;
        return lowValid && (!highValid || target - low <= high - target) ? low : high;
    }

    /// <summary>Moves the keys of [start, end) below <paramref name="v"/> to the front; returns where the rest begins.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int PartitionLess(int start, int end, double v)
    {
        int next = start;
        for (int i = start; i < end; i++)
            if (_keys[i] < v) Swap(i, next++);
        return next;
    }

    /// <summary>Moves the keys of [start, end) equal to <paramref name="v"/> to the front; returns where the rest begins.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int PartitionEqual(int start, int end, double v)
    {
        int next = start;
        for (int i = start; i < end; i++)
            if (_keys[i] == v) Swap(i, next++);
        return next;
    }

    /// <summary>Quickselect (median of three): afterwards _keys[nth] is in its sorted place, smaller or equal keys before it, greater or equal after.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Select(int start, int end, int nth)
    {
        int lo = start, hi = end - 1;
        while (hi > lo)
        {
            int mid = lo + (hi - lo) / 2;
            if (_keys[mid] < _keys[lo]) Swap(mid, lo);
            if (_keys[hi] < _keys[lo]) Swap(hi, lo);
            if (_keys[hi] < _keys[mid]) Swap(hi, mid);
            double pivot = _keys[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (_keys[i] < pivot) i++;
                while (_keys[j] > pivot) j--;
                if (i <= j)
                {
                    Swap(i, j);
                    i++;
                    j--;
                }
            }
            if (nth <= j) hi = j;
            else if (nth >= i) lo = i;
            else return;
        }
    }

    /// <summary>Swaps two rows: their keys, their indices and their coordinates (moving the points themselves keeps every node's points contiguous, so the build reads memory in order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Swap(int a, int b)
    {
        int d = Dimensions;
        var points = _points.AsSpan();
        for (int j = 0; j < d; j++) (points[a * d + j], points[b * d + j]) = (points[b * d + j], points[a * d + j]);
        (_keys[a], _keys[b]) = (_keys[b], _keys[a]);
        (_order[a], _order[b]) = (_order[b], _order[a]);
    }
}
