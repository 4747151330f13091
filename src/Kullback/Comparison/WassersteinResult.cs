namespace Kullback.Comparison;

/// <summary>The Wasserstein-1 (earth mover's) distance between the two samples.</summary>
/// <param name="Distance">W₁ = ∫|F_ref(x) − F_cur(x)| dx ≥ 0, in the column's units (scipy.stats.wasserstein_distance).</param>
/// <param name="Normalized">W₁ divided by <paramref name="ReferenceStandardDeviation"/> (no unit); 0 when both are 0, +∞ when only the deviation is.</param>
/// <param name="ReferenceStandardDeviation">The reference's population standard deviation (divisor n), in the column's units.</param>
public sealed record WassersteinResult(double Distance, double Normalized, double ReferenceStandardDeviation);
