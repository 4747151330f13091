namespace Kullback.Estimation;

/// <summary>How a confidence interval is formed around an estimate from counts.</summary>
public enum IntervalMethod
{
    /// <summary>
    /// Bias-corrected and accelerated bootstrap (Efron 1987): the percentiles of the bootstrap replicates are shifted by
    /// the median bias z₀ (the share of replicates below the estimate) and the acceleration a (the skewness of the
    /// jackknife values, one per observed category, weighted by its count). Second-order accurate.
    /// </summary>
    BiasCorrectedAccelerated,

    /// <summary>The percentile bootstrap: the α/2 and 1 − α/2 quantiles of the replicates.</summary>
    Percentile,

    /// <summary>
    /// The Bayesian posterior interval of the NSB estimator: mean ± z·sd of the posterior of H (normal approximation),
    /// cut to [0, ln K]. Only for <see cref="EntropyEstimator.Nsb"/>; takes no resamples.
    /// </summary>
    Posterior,
}
