namespace Kullback.Continuous;

/// <summary>
/// The nearest stored points found so far for one query, for the k-th neighbour of a multiset with the adaptive rank
/// of the estimators: copies of the query (distance 0) are counted, not listed, and the answer is the distance at which
/// the weights of the positive distances reach t = max(1, k − copies) — the max(k, copies + 1)-th smallest distance.
/// </summary>
/// <remarks>
/// The list itself is two spans of k entries sorted by distance (k is small: insertion beats a heap), lent by the
/// caller so that a search allocates nothing; this struct is the rest of the state. Only the shortest prefix whose
/// weights reach t is kept, so at most t ≤ k entries. <see cref="Bound"/> never increases: finding more points can
/// only lower the answer.
/// </remarks>
internal struct NeighbourCandidates
{
    private int _count;
    private long _weightSum;

    /// <summary>An empty list: no candidates, answer +∞.</summary>
    public static NeighbourCandidates Empty => new() { Bound = double.PositiveInfinity };

    /// <summary>The current answer (squared): +∞ until the positive weights reach t; a point at this distance or farther cannot change it.</summary>
    public double Bound { get; private set; }

    /// <summary>The total weight of the stored points found at distance 0 (copies of the query).</summary>
    public long Zeros { get; private set; }

    /// <summary>The rank of the answer: max(k, zeros + 1).</summary>
    public readonly long Rank(int k) => Math.Max(k, Zeros + 1);

    /// <summary>Counts <paramref name="weight"/> more copies of the query.</summary>
    public void AddZeros(int weight, int k, Span<double> distances, Span<int> weights)
    {
        Zeros += weight;
        Trim(k, distances, weights);
    }

    /// <summary>Offers a point at squared distance 0 &lt; <paramref name="squaredDistance"/> &lt; <see cref="Bound"/>.</summary>
    /// <param name="squaredDistance">Its squared distance.</param>
    /// <param name="weight">Its weight, ≥ 1.</param>
    /// <param name="k">k, the length of both spans.</param>
    /// <param name="distances">The list's squared distances, ascending.</param>
    /// <param name="weights">The list's weights.</param>
    public void Add(double squaredDistance, int weight, int k, Span<double> distances, Span<int> weights)
    {
        // When the list is full its last entry is beyond t (k entries of weight ≥ 1 reach k ≥ t without it): drop it.
        int i;
        if (_count < k) i = _count++;
        else
        {
            i = _count - 1;
            _weightSum -= weights[i];
        }
        while (i > 0 && distances[i - 1] > squaredDistance)
        {
            distances[i] = distances[i - 1];
            weights[i] = weights[i - 1];
            i--;
        }
        distances[i] = squaredDistance;
        weights[i] = weight;
        _weightSum += weight;
        Trim(k, distances, weights);
    }

    private void Trim(int k, Span<double> distances, Span<int> weights)
    {
        long target = Math.Max(1, k - Zeros);
        while (_count > 1 && _weightSum - weights[_count - 1] >= target)
        {
            _count--;
            _weightSum -= weights[_count];
        }
        Bound = _count > 0 && _weightSum >= target ? distances[_count - 1] : double.PositiveInfinity;
    }
}
