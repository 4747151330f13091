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
/// <param name="IntervalNote">Why the intervals differ from the ones asked for (none for a sample of one; percentile or none for counts too large to resample in time), or null.</param>
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
        CountChecks.Total(p, nameof(p));
        CountChecks.Total(q, nameof(q));
        long[] pCounts = p.ToArray(), qCounts = q.ToArray();
        var (chosen, note) = options.Affordable(3, pCounts, qCounts);
        return new CountMeasureEstimates(options, options.EstimateEntropy(pCounts, chosen), options.EstimateEntropy(qCounts, chosen),
            KullbackLeiblerEstimators.Estimate(p, q, options.Divergence, chosen, options.Permutations, interval.Seed),
            KullbackLeiblerEstimators.Estimate(q, p, options.Divergence, chosen, options.Permutations, interval.Seed),
            note);
    }
}
