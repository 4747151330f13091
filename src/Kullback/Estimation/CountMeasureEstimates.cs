using System.Globalization;

namespace Kullback.Estimation;

/// <summary>
/// Both samples' entropies and the divergences between them, estimated from two count vectors over the same
/// categories, each with its interval (what <c>kullback measure --counts</c> reports beside the plug-in measures).
/// </summary>
/// <param name="Options">The estimators and interval options used.</param>
/// <param name="EntropyP">H(P) from P's counts.</param>
/// <param name="EntropyQ">H(Q) from Q's counts.</param>
/// <param name="KullbackLeiblerPQ">D(P‖Q) from both samples.</param>
/// <param name="KullbackLeiblerQP">D(Q‖P) from both samples.</param>
/// <param name="IntervalNote">Why some estimate has no interval (a sample of one, or counts too large to resample in time), or null.</param>
public sealed record CountMeasureEstimates(
    CountEstimationOptions Options,
    EntropyEstimate EntropyP,
    EntropyEstimate EntropyQ,
    DivergenceEstimate KullbackLeiblerPQ,
    DivergenceEstimate KullbackLeiblerQP,
    string? IntervalNote)
{
    /// <summary>The four estimates with their intervals.</summary>
    /// <param name="p">P's counts.</param>
    /// <param name="q">Q's counts, over the same categories in the same order.</param>
    /// <param name="options">The estimators and intervals; <see cref="CountEstimationOptions"/>'s defaults when null.</param>
    /// <exception cref="InvalidArgumentException">Bad counts (see <see cref="EntropyEstimators"/>) or options.</exception>
    /// <exception cref="NotComputableException">NSB's integrals could not be resolved.</exception>
    public static CountMeasureEstimates Compute(ReadOnlySpan<long> p, ReadOnlySpan<long> q, CountEstimationOptions? options = null)
    {
        options ??= new CountEstimationOptions();
        var interval = options.Interval;
        interval.Validate(nameof(options));
        long n = CountChecks.Total(p, nameof(p)), m = CountChecks.Total(q, nameof(q));
        string? note = null;
        bool intervals = options.WithIntervals;
        if (intervals && (n < 2 || m < 2))
        {
            intervals = false;
            note = string.Create(CultureInfo.InvariantCulture, $"No intervals: a sample of {Math.Min(n, m)} observation cannot be resampled.");
        }
        else if (intervals && interval.Resamples * (Work(p) + Work(q)) > options.MaximumIntervalWork)
        {
            intervals = false;
            note = string.Create(CultureInfo.InvariantCulture,
                $"No intervals: resampling counts this large ({n:N0} and {m:N0} observations) {interval.Resamples:N0} times would take too long; at such sizes the sampling error is far below the estimates' bias terms.");
        }
        var entropyInterval = options.Entropy == EntropyEstimator.Nsb ? interval with { Method = IntervalMethod.Posterior } : interval;
        EntropyEstimate Entropy(ReadOnlySpan<long> counts) => intervals
            ? EntropyEstimators.Estimate(counts, options.Entropy, entropyInterval)
            : EntropyEstimators.Estimate(counts, options.Entropy);
        var divergenceInterval = intervals ? interval : null;
        return new CountMeasureEstimates(options, Entropy(p), Entropy(q),
            KullbackLeiblerEstimators.Estimate(p, q, options.Divergence, divergenceInterval, options.Permutations, interval.Seed),
            KullbackLeiblerEstimators.Estimate(q, p, options.Divergence, divergenceInterval, options.Permutations, interval.Seed),
            note);
    }

    /// <summary>Σᵢ (1 + √nᵢ): the binomial draws' expected steps for one resample.</summary>
    private static double Work(ReadOnlySpan<long> counts)
    {
        double work = 0;
        foreach (long c in counts) work += 1 + Math.Sqrt(c);
        return work;
    }
}
