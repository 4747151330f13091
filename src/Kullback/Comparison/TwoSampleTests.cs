namespace Kullback.Comparison;

/// <summary>
/// Two-sample distribution statistics from grouped values, computed with exact integer arithmetic where the textbook
/// formulas cancel: Kolmogorov–Smirnov, Wasserstein-1 and Cramér–von Mises, each matching scipy.stats.
/// </summary>
public static partial class TwoSampleTests
{
    /// <summary>Largest sample size for which <see cref="TestMethod.Auto"/> computes the exact KS p-value (scipy's threshold).</summary>
    public const long KolmogorovSmirnovExactLimit = 10_000;

    /// <summary>Largest sample size for which <see cref="TestMethod.Auto"/> computes the exact Cramér–von Mises p-value (scipy's threshold).</summary>
    public const int CramerVonMisesExactLimit = 20;
}
