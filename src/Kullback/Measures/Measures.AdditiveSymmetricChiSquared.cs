namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Additive symmetric χ² divergence Σ (p̂ᵢ − q̂ᵢ)²(p̂ᵢ + q̂ᵢ)/(p̂ᵢq̂ᵢ) = χ²(p‖q) + χ²(q‖p) (philentropy's <c>additive_symm</c>).
    /// </summary>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <returns>
    /// ≥ 0 (no unit), symmetric; exactly 0 for p̂ = q̂; +∞ when some outcome has exactly one of p̂ᵢ, q̂ᵢ equal to 0 (or when
    /// the value exceeds the largest double). Outcomes with p̂ᵢ = q̂ᵢ = 0 are left out.
    /// </returns>
    /// <remarks>Computed as the sum of the two Pearson χ² divergences, each exact (fused pass, exact path for near-identical inputs).</remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double AdditiveSymmetricChiSquared(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => AdditiveSymmetricChiSquared(p, q, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="AdditiveSymmetricChiSquared(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double AdditiveSymmetricChiSquared(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int maxDegreeOfParallelism) =>
        PearsonChiSquared(p, q, maxDegreeOfParallelism) + PearsonChiSquared(q, p, maxDegreeOfParallelism);

    /// <inheritdoc cref="AdditiveSymmetricChiSquared(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double AdditiveSymmetricChiSquared(DiscreteDistribution p, DiscreteDistribution q)
    {
        var a = Align(p, q);
        return AdditiveSymmetricChiSquared(a.P.AsSpan(), a.Q.AsSpan());
    }
}
