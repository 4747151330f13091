namespace Kullback.Fitting;

/// <summary>
/// Counts integer observations one at a time, in memory that grows with the number of distinct values, not of
/// observations: for streaming millions of samples. Not thread-safe.
/// </summary>
public sealed class IntegerTally
{
    private const int DenseLimit = 1 << 16;
    private readonly long[] _dense = new long[DenseLimit];   // counts of 0 … 65535
    private readonly Dictionary<long, long> _sparse = [];

    /// <summary>The number of observations added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one observation of <paramref name="value"/>.</summary>
    public void Add(long value)
    {
        if ((ulong)value < DenseLimit) _dense[value]++;
        else _sparse[value] = _sparse.GetValueOrDefault(value) + 1;
        Count++;
    }

    /// <summary>Each distinct value seen and how often, in ascending order of value.</summary>
    public IReadOnlyList<(long Value, long Count)> Entries()
    {
        var pairs = new List<(long Value, long Count)>();
        for (int v = 0; v < DenseLimit; v++)
            if (_dense[v] > 0) pairs.Add((v, _dense[v]));
        pairs.AddRange(_sparse.Select(kv => (kv.Key, kv.Value)));
        pairs.Sort();
        return pairs;
    }

    /// <summary>The empirical distribution of what was added (with N known).</summary>
    /// <exception cref="InvalidOperationException">Nothing was added.</exception>
    public DiscreteDistribution ToDistribution()
    {
        if (Count == 0) throw new InvalidOperationException("No observations were added.");
        var pairs = Entries();
        return DiscreteDistribution.FromCounts(
            pairs.Select(p => Outcome.Of(p.Value)).ToArray(),
            pairs.Select(p => (double)p.Count).ToArray());
    }
}
