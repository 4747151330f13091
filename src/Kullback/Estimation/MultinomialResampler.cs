namespace Kullback.Estimation;

/// <summary>
/// Bootstrap resamples of a count vector: N draws with replacement from the categories with positive weight, with
/// probabilities proportional to the weights (the counts nᵢ, or an estimated population's probabilities), made as
/// conditional binomial draws (one per category of positive weight), never as N single draws. Categories of weight 0
/// stay at 0.
/// </summary>
internal sealed class MultinomialResampler
{
    private readonly int[] _index;        // the categories of positive weight
    private readonly double[] _weight;
    private readonly double[] _remaining; // the total weight of those categories from this one on
    private readonly long _total;

    /// <summary>Resamples of N = Σ nᵢ from the empirical distribution nᵢ/N.</summary>
    public MultinomialResampler(ReadOnlySpan<long> counts)
        : this(ToWeights(counts, out long total), total)
    {
    }

    /// <summary>Resamples of <paramref name="total"/> from the distribution proportional to <paramref name="weights"/>.</summary>
    public MultinomialResampler(ReadOnlySpan<double> weights, long total)
    {
        var index = new List<int>();
        for (int i = 0; i < weights.Length; i++) if (weights[i] > 0) index.Add(i);
        _index = [.. index];
        _weight = new double[_index.Length];
        _remaining = new double[_index.Length];
        double suffix = 0;
        for (int j = _index.Length - 1; j >= 0; j--)
        {
            _weight[j] = weights[_index[j]];
            suffix += _weight[j];
            _remaining[j] = suffix;
        }
        _total = total;
        Length = weights.Length;
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
            long draw = j == _index.Length - 1 ? left : BinomialSampler.Sample(random, left, Math.Min(1, _weight[j] / _remaining[j]));
            destination[_index[j]] = draw;
            left -= draw;
        }
    }

    private static double[] ToWeights(ReadOnlySpan<long> counts, out long total)
    {
        var weights = new double[counts.Length];
        total = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            weights[i] = counts[i];
            total += counts[i];
        }
        return weights;
    }
}
