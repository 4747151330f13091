using Kullback.Comparison;

namespace Kullback.Estimation;

/// <summary>A Kullback–Leibler divergence D(P‖Q) estimated from two samples' counts.</summary>
/// <param name="Estimator">The estimator.</param>
/// <param name="Value">The estimate (never negative; +∞ when Q's sample misses a category P's sample has).</param>
/// <param name="PlugIn">The plug-in D(p̂‖q̂), whatever the estimator.</param>
/// <param name="BiasCorrection">The amount subtracted from the plug-in (0 for the plug-in, and where the plug-in is +∞).</param>
/// <param name="SampleSizeP">N, the number of observations from P.</param>
/// <param name="SampleSizeQ">M, the number of observations from Q.</param>
/// <param name="Interval">The confidence interval, when one was asked for.</param>
/// <param name="Permutation">The permutation test of P = Q with this estimate as the statistic, when one was asked for.</param>
public sealed record DivergenceEstimate(
    DivergenceEstimator Estimator,
    Information Value,
    Information PlugIn,
    Information BiasCorrection,
    long SampleSizeP,
    long SampleSizeQ,
    ConfidenceInterval? Interval = null,
    PermutationResult? Permutation = null);
