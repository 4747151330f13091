namespace Kullback.Estimation;

/// <summary>
/// How the entropies and divergences of counted samples are estimated, and their intervals. The defaults are the pair
/// that covered best in the simulations (README, "Estimators from counts"): Grassberger's entropy and the Miller–Madow
/// divergence, each with a 95% BCa bootstrap interval from 2,000 seeded resamples.
/// </summary>
public sealed record CountEstimationOptions
{
    /// <summary>The entropy estimator; <see cref="EntropyEstimator.Grassberger"/> by default.</summary>
    public EntropyEstimator Entropy { get; init; } = EntropyEstimator.Grassberger;

    /// <summary>The divergence estimator; <see cref="DivergenceEstimator.MillerMadow"/> by default.</summary>
    public DivergenceEstimator Divergence { get; init; } = DivergenceEstimator.MillerMadow;

    /// <summary>
    /// The intervals: method (BCa or percentile), level, resamples and seed; <see cref="BootstrapOptions.Default"/> by
    /// default. The NSB entropy takes its posterior interval at this level instead of a bootstrap (an NSB evaluation per
    /// resample would cost thousands of numerical integrals).
    /// </summary>
    public BootstrapOptions Interval { get; init; } = BootstrapOptions.Default;

    /// <summary>True (the default) to give each estimate its interval; false for the estimates alone.</summary>
    public bool WithIntervals { get; init; } = true;

    /// <summary>Relabellings for the permutation p-value of P = Q with each divergence as the statistic; 0 (the default) for none.</summary>
    public int Permutations { get; init; }

    /// <summary>
    /// The most work the intervals of one call may take, in elementary steps: each resample costs Σᵢ (1 + √nᵢ) binomial
    /// steps and K per statistic, BCa's jackknife K per observed category and statistic. Past it, BCa gives way to the
    /// percentile interval (when only the jackknife is too dear) or the estimates come without intervals, and they say
    /// why. 4·10⁸ by default (about a second).
    /// </summary>
    public double MaximumIntervalWork { get; init; } = 4e8;

    /// <summary>The interval options that samples of these sizes can afford, and why they differ from the ones asked for.</summary>
    /// <param name="statistics">How many statistics are resampled on each sample.</param>
    /// <param name="counts">Each sample's counts.</param>
    /// <returns>The options (null for no interval) and a note (null when they are the ones asked for).</returns>
    internal (BootstrapOptions? Interval, string? Note) Affordable(int statistics, params long[][] counts)
    {
        if (!WithIntervals) return (null, null);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        long smallest = counts.Min(c => c.Sum());
        if (smallest < 2)
            return (null, string.Create(culture, $"No intervals: a sample of {smallest} observation cannot be resampled."));
        double resample = 0, jackknife = 0;
        foreach (var c in counts)
        {
            int observed = 0;
            foreach (long x in c)
            {
                resample += 1 + Math.Sqrt(x);
                if (x > 0) observed++;
            }
            resample += (double)statistics * c.Length;
            jackknife += (double)statistics * observed * c.Length;
        }
        string sizes = string.Join(" and ", counts.Select(c => string.Create(culture, $"{c.Sum():N0} observations over {c.Length:N0} categories")));
        if (Interval.Resamples * resample > MaximumIntervalWork)
            return (null, string.Create(culture, $"No intervals: {Interval.Resamples:N0} resamples of {sizes} would take too long; ask for fewer with --bootstrap."));
        if (Interval.Method == IntervalMethod.BiasCorrectedAccelerated && jackknife > MaximumIntervalWork)
            return (Interval with { Method = IntervalMethod.Percentile },
                string.Create(culture, $"Percentile intervals instead of BCa: the jackknife of {sizes} would take too long (one evaluation per observed category)."));
        return (Interval, null);
    }

    /// <summary>The entropy of <paramref name="counts"/> with these options' estimator and interval (NSB's posterior interval for NSB).</summary>
    /// <param name="counts">The counts.</param>
    /// <param name="note">Why the interval differs from the one asked for, or null.</param>
    internal EntropyEstimate EstimateEntropy(long[] counts, out string? note)
    {
        var (interval, why) = Affordable(1, counts);
        note = why;
        if (Entropy == EntropyEstimator.Nsb && WithIntervals && counts.Sum() >= 2)
        {
            note = null;
            return EntropyEstimators.Estimate(counts, Entropy, Interval with { Method = IntervalMethod.Posterior });
        }
        return interval is null ? EntropyEstimators.Estimate(counts, Entropy) : EntropyEstimators.Estimate(counts, Entropy, interval);
    }

    /// <summary>The entropy of <paramref name="counts"/> with the interval options already chosen (null for none).</summary>
    internal EntropyEstimate EstimateEntropy(long[] counts, BootstrapOptions? interval)
    {
        if (Entropy == EntropyEstimator.Nsb && WithIntervals && counts.Sum() >= 2)
            return EntropyEstimators.Estimate(counts, Entropy, Interval with { Method = IntervalMethod.Posterior });
        return interval is null ? EntropyEstimators.Estimate(counts, Entropy) : EntropyEstimators.Estimate(counts, Entropy, interval);
    }
}
