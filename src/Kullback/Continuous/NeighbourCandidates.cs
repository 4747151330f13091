namespace Kullback.Continuous;

/// <summary>
/// The nearest stored points found so far in one search, for the k-th neighbour of a multiset with the adaptive rank
/// of the estimators: copies of the query (distance 0) are counted, not listed, and the answer is the distance at which
/// the weights of the positive distances reach t = max(1, k − zeros) — the max(k, zeros + 1)-th smallest distance.
/// </summary>
/// <remarks>
/// Kept as two short arrays sorted by distance (k ≤ a few dozen in practice: insertion beats a heap), owned by the
/// caller so that a search allocates nothing. Only the shortest prefix whose weights reach t is kept, so at most t ≤ k
/// entries. <see cref="Bound"/> never increases: finding more points can only lower the answer.
/// </remarks>
internal ref struct NeighbourCandidates
{
    private readonly Span<double> _distances;   // squared, ascending
    private readonly Span<int> _weights;
    private readonly int _k;
    private int _count;
    private long _weightSum;

    /// <param name="k">The neighbour rank, ≥ 1.</param>
    /// <param name="distances">Room for k squared distances.</param>
    /// <param name="weights">Room for k weights.</param>
    public NeighbourCandidates(int k, Span<double> distances, Span<int> weights)
    {
        _k = k;
        _distances = distances;
        _weights = weights;
        Bound = double.PositiveInfinity;
    }

    /// <summary>The current answer (squared): +∞ until the positive weights reach t; a point farther than this cannot change it.</summary>
    public double Bound { get; private set; }

    /// <summary>The total weight of the stored points found at distance 0 (copies of the query).</summary>
    public long Zeros { get; private set; }

    /// <summary>The rank of the answer: max(k, zeros + 1).</summary>
    public readonly long Rank => Math.Max(_k, Zeros + 1);

    /// <summary>Counts <paramref name="weight"/> more copies of the query.</summary>
    public void AddZeros(int weight)
    {
        Zeros += weight;
        Trim();
    }

    /// <summary>Offers a point at squared distance 0 &lt; <paramref name="squaredDistance"/> &lt; <see cref="Bound"/>.</summary>
    public void Add(double squaredDistance, int weight)
    {
        int i = _count < _distances.Length ? _count++ : _count - 1;   // when full, the last entry is dropped (it is beyond t)
        while (i > 0 && _distances[i - 1] > squaredDistance)
        {
            _distances[i] = _distances[i - 1];
            _weights[i] = _weights[i - 1];
            i--;
        }
        _distances[i] = squaredDistance;
        _weights[i] = weight;
        _weightSum = 0;
        for (int j = 0; j < _count; j++) _weightSum += _weights[j];
        Trim();
    }

    private void Trim()
    {
        long target = Math.Max(1, _k - Zeros);
        while (_count > 1 && _weightSum - _weights[_count - 1] >= target)
        {
            _count--;
            _weightSum -= _weights[_count];
        }
        Bound = _count > 0 && _weightSum >= target ? _distances[_count - 1] : double.PositiveInfinity;
    }
}
