namespace Kullback.Continuous;

/// <summary>
/// A k-d tree over n points in d dimensions for Euclidean k-nearest-neighbour distances: built in O(n log² n),
/// queried in about O(log n) each for low d. Immutable after construction.
/// </summary>
internal sealed class KdTree
{
    private const int LeafSize = 12;
    private readonly double[] _coordinates;   // point i at [i*d, (i+1)*d)
    private readonly int[] _order;            // point indices, arranged by the tree
    private readonly Node[] _nodes;
    private int _nodeCount;

    private struct Node
    {
        public int Start, End;      // range in _order
        public int Dimension;       // split dimension, −1 for a leaf
        public double Split;
        public int Left, Right;
        public double[] Lower, Upper;   // bounding box
    }

    public int Count { get; }
    public int Dimensions { get; }

    public KdTree(IReadOnlyList<double[]> points)
    {
        Count = points.Count;
        Dimensions = points[0].Length;
        _coordinates = new double[Count * Dimensions];
        for (int i = 0; i < Count; i++) points[i].CopyTo(_coordinates, i * Dimensions);
        _order = Enumerable.Range(0, Count).ToArray();
        _nodes = new Node[2 * (Count / LeafSize + 1) * 2 + 4];
        Build(0, Count);
    }

    private int Build(int start, int end)
    {
        int id = _nodeCount++;
        var lower = Enumerable.Repeat(double.PositiveInfinity, Dimensions).ToArray();
        var upper = Enumerable.Repeat(double.NegativeInfinity, Dimensions).ToArray();
        for (int i = start; i < end; i++)
            for (int k = 0; k < Dimensions; k++)
            {
                double v = _coordinates[_order[i] * Dimensions + k];
                if (v < lower[k]) lower[k] = v;
                if (v > upper[k]) upper[k] = v;
            }
        _nodes[id] = new Node { Start = start, End = end, Dimension = -1, Lower = lower, Upper = upper };
        if (end - start <= LeafSize) return id;

        int dimension = 0;
        for (int k = 1; k < Dimensions; k++)
            if (upper[k] - lower[k] > upper[dimension] - lower[dimension]) dimension = k;
        if (!(upper[dimension] > lower[dimension])) return id;   // all points equal: a leaf however large

        int d = dimension;
        Array.Sort(_order, start, end - start, Comparer<int>.Create((a, b) => _coordinates[a * Dimensions + d].CompareTo(_coordinates[b * Dimensions + d])));
        int middle = (start + end) / 2;
        double split = _coordinates[_order[middle] * Dimensions + d];
        int left = Build(start, middle);
        int right = Build(middle, end);
        _nodes[id].Dimension = d;
        _nodes[id].Split = split;
        _nodes[id].Left = left;
        _nodes[id].Right = right;
        return id;
    }

    /// <summary>
    /// The distances from <paramref name="query"/> to its <paramref name="k"/> nearest points, ascending, leaving out the
    /// point with index <paramref name="exclude"/> (the query itself, or −1). Fewer when the tree holds fewer points.
    /// </summary>
    public double[] NearestDistances(ReadOnlySpan<double> query, int k, int exclude = -1)
    {
        var best = new double[k];   // squared distances, ascending; +∞ while unfilled
        Array.Fill(best, double.PositiveInfinity);
        Search(0, query, best, exclude);
        int found = best.TakeWhile(double.IsFinite).Count();
        var result = new double[found];
        for (int i = 0; i < found; i++) result[i] = Math.Sqrt(best[i]);
        return result;
    }

    private void Search(int id, ReadOnlySpan<double> query, double[] best, int exclude)
    {
        ref readonly Node node = ref _nodes[id];
        if (BoxDistanceSquared(node, query) > best[^1]) return;
        if (node.Dimension < 0)
        {
            for (int i = node.Start; i < node.End; i++)
            {
                int p = _order[i];
                if (p == exclude) continue;
                double d2 = 0;
                for (int k = 0; k < Dimensions; k++)
                {
                    double diff = _coordinates[p * Dimensions + k] - query[k];
                    d2 += diff * diff;
                }
                if (d2 < best[^1]) Insert(best, d2);
            }
            return;
        }
        bool leftFirst = query[node.Dimension] < node.Split;
        Search(leftFirst ? node.Left : node.Right, query, best, exclude);
        Search(leftFirst ? node.Right : node.Left, query, best, exclude);
    }

    private double BoxDistanceSquared(in Node node, ReadOnlySpan<double> query)
    {
        double d2 = 0;
        for (int k = 0; k < Dimensions; k++)
        {
            double v = query[k];
            double gap = v < node.Lower[k] ? node.Lower[k] - v : v > node.Upper[k] ? v - node.Upper[k] : 0;
            d2 += gap * gap;
        }
        return d2;
    }

    private static void Insert(double[] best, double d2)
    {
        int i = best.Length - 1;
        while (i > 0 && best[i - 1] > d2)
        {
            best[i] = best[i - 1];
            i--;
        }
        best[i] = d2;
    }
}
