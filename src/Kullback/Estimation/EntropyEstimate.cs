namespace Kullback.Estimation;

/// <summary>An entropy estimated from counts: the value, what it was estimated from, and its uncertainty.</summary>
/// <param name="Estimator">The estimator.</param>
/// <param name="Value">The estimate (never negative, never NaN).</param>
/// <param name="PlugIn">The plug-in −Σ (nᵢ/N) ln(nᵢ/N) of the same counts, whatever the estimator.</param>
/// <param name="SampleSize">N, the number of observations.</param>
/// <param name="ObservedCategories">m, the number of categories with a positive count.</param>
/// <param name="Categories">K, the number of possible outcomes the estimate assumed (NSB); the number of counts given otherwise.</param>
/// <param name="PosteriorStandardDeviation">The NSB posterior standard deviation of H; null for the other estimators.</param>
/// <param name="Interval">The confidence interval, when one was asked for.</param>
public sealed record EntropyEstimate(
    EntropyEstimator Estimator,
    Information Value,
    Information PlugIn,
    long SampleSize,
    int ObservedCategories,
    int Categories,
    Information? PosteriorStandardDeviation = null,
    ConfidenceInterval? Interval = null);
