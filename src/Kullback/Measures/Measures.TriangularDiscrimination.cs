namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Triangular discrimination (Vincze–Le Cam divergence) Δ(p, q) = Σ (p̂ᵢ − q̂ᵢ)²/(p̂ᵢ + q̂ᵢ): philentropy's
    /// <c>squared_chi</c>, an f-divergence with f(t) = (t − 1)²/(t + 1).
    /// </summary>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <returns>
    /// 0 ≤ Δ ≤ 2 (no unit), symmetric; exactly 0 for p̂ = q̂, 2 exactly when the supports are disjoint. Outcomes with
    /// p̂ᵢ = q̂ᵢ = 0 are left out. 2·TV² ≤ Δ ≤ 2·TV, with TV the total variation distance.
    /// </returns>
    /// <remarks>Each term is (p̂ᵢ − q̂ᵢ)·((p̂ᵢ − q̂ᵢ)/(p̂ᵢ + q̂ᵢ)) with the exact difference, so near-identical inputs keep every digit.</remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double TriangularDiscrimination(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => TriangularDiscrimination(p, q, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="TriangularDiscrimination(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double TriangularDiscrimination(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int maxDegreeOfParallelism) =>
        Kernels.TriangularKernel.TryTriangular(p, q, Kernels.KernelSettings.WithParallelism(maxDegreeOfParallelism), out double fast)
            ? Math.Min(2.0, fast)
            : Math.Min(2.0, PairTermSum<Kernels.TriangularTerms>(p, q, maxDegreeOfParallelism));

    /// <inheritdoc cref="TriangularDiscrimination(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double TriangularDiscrimination(DiscreteDistribution p, DiscreteDistribution q)
    {
        var a = Align(p, q);
        return TriangularDiscrimination(a.P.AsSpan(), a.Q.AsSpan());
    }

    /// <summary>
    /// Probabilistic symmetric χ² divergence 2·Σ (p̂ᵢ − q̂ᵢ)²/(p̂ᵢ + q̂ᵢ): twice the <see cref="TriangularDiscrimination(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    /// (philentropy's <c>prob_symm</c>).
    /// </summary>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <returns>0 ≤ value ≤ 4 (no unit), symmetric; exactly 0 for p̂ = q̂, 4 exactly for disjoint supports.</returns>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double ProbabilisticSymmetricChiSquared(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => 2 * TriangularDiscrimination(p, q);

    /// <inheritdoc cref="ProbabilisticSymmetricChiSquared(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double ProbabilisticSymmetricChiSquared(DiscreteDistribution p, DiscreteDistribution q) => 2 * TriangularDiscrimination(p, q);
}
