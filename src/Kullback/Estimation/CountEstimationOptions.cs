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
    /// The most work an interval may take, in binomial-draw steps (resamples × Σᵢ (1 + √nᵢ)): counts so large that
    /// the exact multinomial resampling would take longer are given without an interval, and the estimate says why.
    /// 4·10⁸ by default (about a second).
    /// </summary>
    public double MaximumIntervalWork { get; init; } = 4e8;

    /// <summary>Why samples of these sizes get no interval under these options, or null when they get one.</summary>
    /// <param name="counts">Each sample's counts.</param>
    internal string? WhyNoInterval(params long[][] counts)
    {
        if (!WithIntervals) return null;
        long smallest = counts.Min(c => c.Sum());
        if (smallest < 2)
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"No intervals: a sample of {smallest} observation cannot be resampled.");
        double work = 0;
        foreach (var c in counts)
            foreach (long x in c) work += 1 + Math.Sqrt(x);
        if (Interval.Resamples * work <= MaximumIntervalWork) return null;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"No intervals: resampling counts this large ({string.Join(" and ", counts.Select(c => c.Sum().ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} observations) {Interval.Resamples:N0} times would take too long; at such sizes the sampling error is far below the estimates' bias terms.");
    }

    /// <summary>The entropy of <paramref name="counts"/> with these options' estimator and interval (NSB's posterior interval for NSB).</summary>
    /// <param name="counts">The counts.</param>
    /// <param name="note">Why the estimate has no interval although intervals were asked for, or null.</param>
    internal EntropyEstimate EstimateEntropy(long[] counts, out string? note)
    {
        note = WhyNoInterval(counts);
        if (!WithIntervals || note is not null) return EntropyEstimators.Estimate(counts, Entropy);
        var interval = Entropy == EntropyEstimator.Nsb ? Interval with { Method = IntervalMethod.Posterior } : Interval;
        return EntropyEstimators.Estimate(counts, Entropy, interval);
    }
}
