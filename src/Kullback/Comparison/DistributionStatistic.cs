namespace Kullback.Comparison;

/// <summary>A two-sample distribution statistic a permutation test can recompute on relabelled samples.</summary>
public enum DistributionStatistic
{
    /// <summary>The Kolmogorov–Smirnov statistic D.</summary>
    KolmogorovSmirnov,

    /// <summary>The Cramér–von Mises statistic T.</summary>
    CramerVonMises,

    /// <summary>The Wasserstein-1 distance.</summary>
    Wasserstein,
}
