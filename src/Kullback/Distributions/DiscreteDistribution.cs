using System.Collections.Immutable;
using System.Globalization;
using Kullback.Numerics;

namespace Kullback;

/// <summary>
/// An immutable probability distribution over a finite set of outcomes (integers or labels).
/// </summary>
/// <remarks>
/// The weights it was built from (probabilities or counts) are kept exactly and normalised exactly by every
/// measure; <see cref="Probabilities"/> shows them divided by their sum. Integer supports are sorted
/// ascending; labelled supports keep the order given (samples: first appearance).
/// </remarks>
public sealed class DiscreteDistribution
{
    /// <summary>How far probabilities may sum from 1 before <see cref="FromProbabilities(ReadOnlySpan{double})"/> refuses them.</summary>
    public const double ProbabilitySumTolerance = 1e-9;

    private readonly double[] _weights;

    private DiscreteDistribution(Outcome[] support, double[] weights, long? observationCount)
    {
        _weights = weights;
        Support = ImmutableArray.Create(support);
        var sum = ScaledWeights.Of(weights);
        Probabilities = weights.Select(w => sum.Normalized(w)).ToImmutableArray();
        ObservationCount = observationCount;
        IsNumeric = support.All(o => o.IsNumeric);
    }

    /// <summary>The outcomes, in order; each appears once.</summary>
    public ImmutableArray<Outcome> Support { get; }

    /// <summary>The probability of each outcome of <see cref="Support"/>, summing to 1.</summary>
    public ImmutableArray<double> Probabilities { get; }

    /// <summary>The number of observations behind a distribution built from integer counts or samples; otherwise null.</summary>
    public long? ObservationCount { get; }

    /// <summary>True when every outcome is an integer, so <see cref="Mean"/> and <see cref="Variance"/> exist.</summary>
    public bool IsNumeric { get; }

    /// <summary>The number of outcomes.</summary>
    public int Count => _weights.Length;

    /// <summary>The weights as given (probabilities or counts), unnormalised: what the measures normalise exactly.</summary>
    internal ReadOnlySpan<double> Weights => _weights;

    /// <summary>The mean Σ pᵢ·xᵢ of a numeric distribution.</summary>
    /// <exception cref="InvalidOperationException">The outcomes are labels.</exception>
    public double Mean
    {
        get
        {
            RequireNumeric(nameof(Mean));
            var sum = new NeumaierSum();
            for (int i = 0; i < Count; i++) sum.Add(Probabilities[i] * Support[i].Value);
            return sum.Total;
        }
    }

    /// <summary>The variance Σ pᵢ·(xᵢ − mean)² of a numeric distribution (the population variance).</summary>
    /// <exception cref="InvalidOperationException">The outcomes are labels.</exception>
    public double Variance
    {
        get
        {
            double mean = Mean;
            var sum = new NeumaierSum();
            for (int i = 0; i < Count; i++)
            {
                double deviation = Support[i].Value - mean;
                sum.Add(Probabilities[i] * deviation * deviation);
            }
            return sum.Total;
        }
    }

    /// <summary>The probability of <paramref name="outcome"/>: 0 when it is not in the support.</summary>
    public double Probability(Outcome outcome)
    {
        int i = Support.IndexOf(outcome);
        return i < 0 ? 0.0 : Probabilities[i];
    }

    /// <summary>Probabilities of the outcomes 0, 1, …, n − 1. They must sum to 1 within 1e-9.</summary>
    /// <exception cref="ArgumentException">An entry is NaN, infinite or negative, the vector is empty, or the sum is not 1.</exception>
    public static DiscreteDistribution FromProbabilities(ReadOnlySpan<double> probabilities) =>
        FromProbabilities(IndexSupport(probabilities.Length), probabilities);

    /// <summary>Probabilities of the given outcomes, in the same order. They must sum to 1 within 1e-9.</summary>
    /// <exception cref="ArgumentException">See <see cref="FromProbabilities(ReadOnlySpan{double})"/>; also a repeated outcome or a length mismatch.</exception>
    public static DiscreteDistribution FromProbabilities(IReadOnlyList<Outcome> support, ReadOnlySpan<double> probabilities)
    {
        Preconditions.CheckWeights(probabilities, nameof(probabilities));
        var scaled = ScaledWeights.Of(probabilities);
        double sum = Math.ScaleB(scaled.Total.Value, -scaled.Exponent);
        if (Math.Abs(sum - 1.0) > ProbabilitySumTolerance)
        {
            string off = string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(sum - 1.0):G3} {(sum < 1 ? "short of" : "over")} 1");
            throw new InvalidArgumentException(
                $"The probabilities sum to {sum.ToString("R", CultureInfo.InvariantCulture)} ({off}; " +
                $"the tolerance is {ProbabilitySumTolerance:0e0}). If these are counts or weights, use " +
                $"{nameof(DiscreteDistribution)}.{nameof(FromCounts)}, which normalises them.", nameof(probabilities));
        }
        return Create(support, probabilities, observationCount: null);
    }

    /// <summary>Counts (or any non-negative weights) of the outcomes 0, 1, …, n − 1, normalised exactly.</summary>
    /// <exception cref="ArgumentException">An entry is NaN, infinite or negative, the vector is empty, or all entries are zero.</exception>
    public static DiscreteDistribution FromCounts(ReadOnlySpan<double> counts) => FromCounts(IndexSupport(counts.Length), counts);

    /// <summary>Counts (or any non-negative weights) of the given outcomes, normalised exactly.</summary>
    /// <exception cref="ArgumentException">See <see cref="FromCounts(ReadOnlySpan{double})"/>; also a repeated outcome or a length mismatch.</exception>
    public static DiscreteDistribution FromCounts(IReadOnlyList<Outcome> support, ReadOnlySpan<double> counts)
    {
        Preconditions.CheckWeights(counts, nameof(counts));
        // N is known when every count is a whole number a double holds exactly and their total fits a long.
        long total = 0;
        bool known = true;
        foreach (double c in counts)
        {
            if (c != Math.Floor(c) || c > 9007199254740992.0 || total > long.MaxValue - (long)c) { known = false; break; }
            total += (long)c;
        }
        return Create(support, counts, known ? total : null);
    }

    /// <summary>The empirical distribution of integer samples.</summary>
    /// <exception cref="ArgumentException">There are no samples.</exception>
    public static DiscreteDistribution FromSamples(IEnumerable<long> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var tally = new SortedDictionary<long, long>();
        foreach (long s in samples) tally[s] = tally.GetValueOrDefault(s) + 1;
        return FromTally(tally.Select(kv => (Outcome.Of(kv.Key), kv.Value)).ToList());
    }

    /// <summary>The empirical distribution of labelled samples (outcomes in order of first appearance).</summary>
    /// <exception cref="ArgumentException">There are no samples, or one is null.</exception>
    public static DiscreteDistribution FromSamples(IEnumerable<string> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var tally = new Dictionary<string, long>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (string s in samples)
        {
            if (s is null) throw new InvalidArgumentException("A sample is null.", nameof(samples));
            if (!tally.TryAdd(s, 1)) tally[s]++;
            else order.Add(s);
        }
        return FromTally(order.Select(s => (Outcome.Of(s), tally[s])).ToList());
    }

    private static DiscreteDistribution FromTally(List<(Outcome Outcome, long Count)> tally)
    {
        if (tally.Count == 0) throw new InvalidArgumentException("There are no samples: at least one is needed.", nameof(tally));
        return new DiscreteDistribution(
            tally.Select(t => t.Outcome).ToArray(),
            tally.Select(t => (double)t.Count).ToArray(),
            tally.Sum(t => t.Count));
    }

    private static DiscreteDistribution Create(IReadOnlyList<Outcome> support, ReadOnlySpan<double> weights, long? observationCount)
    {
        ArgumentNullException.ThrowIfNull(support);
        if (support.Count != weights.Length)
            throw new InvalidArgumentException($"The support has {support.Count} outcomes but there are {weights.Length} weights.", nameof(support));
        var seen = new HashSet<Outcome>();
        foreach (var o in support)
            if (!seen.Add(o)) throw new InvalidArgumentException($"The outcome \"{o}\" appears twice in the support.", nameof(support));

        var outcomes = support.ToArray();
        var w = weights.ToArray();
        if (outcomes.All(o => o.IsNumeric)) Array.Sort(outcomes, w);
        return new DiscreteDistribution(outcomes, w, observationCount);
    }

    private static Outcome[] IndexSupport(int n) => Enumerable.Range(0, n).Select(i => Outcome.Of(i)).ToArray();

    private void RequireNumeric(string what)
    {
        if (!IsNumeric)
            throw new InvalidOperationException($"{what} needs integer outcomes; this distribution has labels such as \"{Support.First(o => !o.IsNumeric)}\".");
    }

    /// <summary>Like <c>DiscreteDistribution(11 outcomes 0…10, mean 5.44)</c>.</summary>
    public override string ToString() =>
        IsNumeric
            ? string.Create(CultureInfo.InvariantCulture, $"DiscreteDistribution({Count} outcomes {Support[0]}…{Support[^1]}, mean {Mean:G6})")
            : $"DiscreteDistribution({Count} outcomes: {string.Join(", ", Support.Take(5))}{(Count > 5 ? ", …" : "")})";
}
