namespace Kullback.Comparison;

/// <summary>The two-sample Kolmogorov–Smirnov test.</summary>
/// <param name="Statistic">D = supₓ |F_ref(x) − F_cur(x)| ∈ [0, 1], the largest gap between the empirical CDFs (no unit).</param>
/// <param name="PValue">P(D* ≥ D) under the hypothesis of one distribution, as scipy.stats.ks_2samp (two-sided).</param>
/// <param name="Method"><see cref="TestMethod.Exact"/> or <see cref="TestMethod.Asymptotic"/>: the one used.</param>
public sealed record KolmogorovSmirnovResult(double Statistic, double PValue, TestMethod Method);
