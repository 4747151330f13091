using System.Globalization;

namespace Kullback.Estimation;

/// <summary>How to form a confidence interval around an estimate from counts.</summary>
/// <remarks>
/// Replicates resample the counts, not the observations: a multinomial draw of N over the observed categories with
/// probabilities nᵢ/N (conditional binomial draws, one per category), so the cost grows with the number of categories,
/// not with N. An entropy's replicates come from Chao's estimated population instead when some category is seen once
/// (see <see cref="EntropyEstimators"/>). The random numbers come from <see cref="Random(int)"/> with <see cref="Seed"/>: the same seed gives the
/// same interval.
/// </remarks>
public sealed record BootstrapOptions
{
    /// <summary>The default number of replicates, 2,000: enough for the BCa tails at 95%.</summary>
    public const int DefaultResamples = 2000;

    /// <summary>The interval's method; BCa by default.</summary>
    public IntervalMethod Method { get; init; } = IntervalMethod.BiasCorrectedAccelerated;

    /// <summary>The confidence level, strictly between 0 and 1; 0.95 by default.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>The number of bootstrap replicates, 10 to 10⁷; <see cref="DefaultResamples"/> by default.</summary>
    public int Resamples { get; init; } = DefaultResamples;

    /// <summary>The seed of the replicates; 0 by default.</summary>
    public int Seed { get; init; }

    /// <summary>The default options: BCa, 95%, 2,000 replicates, seed 0.</summary>
    public static BootstrapOptions Default { get; } = new();

    internal void Validate(string name)
    {
        if (!(Level > 0 && Level < 1))
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The confidence level {Level:R} must lie strictly between 0 and 1 (for example 0.95)."), name);
        if (Resamples < 10 || Resamples > 10_000_000)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{Resamples} bootstrap replicates: the number must be between 10 and 10,000,000."), name);
        if (!Enum.IsDefined(Method))
            throw new InvalidArgumentException($"Unknown interval method {Method}.", name);
    }
}
