namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// K-divergence K(p‖q) = Σ p̂ᵢ·log(2p̂ᵢ/(p̂ᵢ + q̂ᵢ)) = D(p‖m) with m = (p̂ + q̂)/2 (Lin 1991; philentropy's
    /// <c>k_divergence</c>): the information lost when the mixture stands in for p.
    /// </summary>
    /// <param name="p">The true distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other distribution of the mixture.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>0 ≤ K ≤ log 2, not symmetric, always finite (m̂ᵢ ≥ p̂ᵢ/2); exactly 0 for p̂ = q̂, log 2 for disjoint supports. K(p‖q) + K(q‖p) = 2·JS(p, q).</returns>
    /// <remarks>Summed as Σ m̂ᵢ·φ(p̂ᵢ/m̂ᵢ) with φ(r) = r·ln r − r + 1 ≥ 0 and p̂ᵢ/m̂ᵢ − 1 = (p̂ᵢ − q̂ᵢ)/(p̂ᵢ + q̂ᵢ) from the exact difference.</remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double KDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit = default) =>
        KDivergence(p, q, unit, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="KDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    /// <param name="p">The true distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other distribution of the mixture.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double KDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit, int maxDegreeOfParallelism) =>
        unit.FromNats(Math.Min(Math.Log(2.0),
            Kernels.TriangularKernel.TryKDivergence(p, q, Kernels.KernelSettings.WithParallelism(maxDegreeOfParallelism), out double fast)
                ? fast
                : PairTermSum<Kernels.KDivergenceTerms>(p, q, maxDegreeOfParallelism)));

    /// <inheritdoc cref="KDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    public static double KDivergence(DiscreteDistribution p, DiscreteDistribution q, InformationUnit unit = default)
    {
        var a = Align(p, q);
        return KDivergence(a.P.AsSpan(), a.Q.AsSpan(), unit);
    }
}
