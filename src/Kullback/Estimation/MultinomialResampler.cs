namespace Kullback.Estimation;

/// <summary>
/// Bootstrap resamples of a count vector: N draws with replacement from the observed categories with probabilities
/// nᵢ/N, made as conditional binomial draws (one per observed category), never as N single draws. Categories with
/// count 0 stay at 0.
/// </summary>
internal sealed class MultinomialResampler
{
    private readonly int[] _index;       // the observed categories
    private readonly long[] _remaining;  // the total count of the observed categories from this one on
    private readonly long[] _count;
    private readonly long _total;

    public MultinomialResampler(ReadOnlySpan<long> counts)
    {
        var index = new List<int>();
        for (int i = 0; i < counts.Length; i++) if (counts[i] > 0) index.Add(i);
        _index = [.. index];
        _count = new long[_index.Length];
        _remaining = new long[_index.Length];
        long suffix = 0;
        for (int j = _index.Length - 1; j >= 0; j--)
        {
            _count[j] = counts[_index[j]];
            suffix += _count[j];
            _remaining[j] = suffix;
        }
        _total = suffix;
        Length = counts.Length;
    }

    /// <summary>The length of the count vectors.</summary>
    public int Length { get; }

    /// <summary>Writes one resample into <paramref name="destination"/> (of <see cref="Length"/> entries).</summary>
    public void Draw(Random random, Span<long> destination)
    {
        destination.Clear();
        long left = _total;
        for (int j = 0; j < _index.Length && left > 0; j++)
        {
            long draw = j == _index.Length - 1 ? left : BinomialSampler.Sample(random, left, (double)_count[j] / _remaining[j]);
            destination[_index[j]] = draw;
            left -= draw;
        }
    }
}
