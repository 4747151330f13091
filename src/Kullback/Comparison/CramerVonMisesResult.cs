namespace Kullback.Comparison;

/// <summary>The two-sample Cramér–von Mises test (Anderson 1962), as scipy.stats.cramervonmises_2samp.</summary>
/// <param name="Statistic">T = U/(n₁n₂N) − (4n₁n₂ − 1)/(6N) with U from the midranks of the pooled sample; about n₁n₂/N²·Σ(F_ref − F_cur)² over the pooled points.</param>
/// <param name="PValue">P(T* ≥ T): exact (every arrangement counted) or from the limiting distribution of the standardised statistic.</param>
/// <param name="Method"><see cref="TestMethod.Exact"/> or <see cref="TestMethod.Asymptotic"/>: the one used.</param>
public sealed record CramerVonMisesResult(double Statistic, double PValue, TestMethod Method);
