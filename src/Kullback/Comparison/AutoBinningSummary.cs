namespace Kullback.Comparison;

/// <summary>What <see cref="NumericBinning.Auto"/> needs to know of the reference (an engine computes these in one pass).</summary>
/// <param name="Count">The number of non-missing reference values.</param>
/// <param name="Minimum">The smallest value.</param>
/// <param name="Maximum">The largest value.</param>
/// <param name="LowerQuartile">The 25th percentile (linear interpolation, numpy's default; SQL <c>quantile_cont</c> / <c>percentile_cont</c>).</param>
/// <param name="UpperQuartile">The 75th percentile, the same way.</param>
/// <param name="Skewness">The population skewness g₁ = m₃ / m₂^(3/2) (0 for a constant column).</param>
public readonly record struct AutoBinningSummary(long Count, double Minimum, double Maximum, double LowerQuartile, double UpperQuartile, double Skewness);
