namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Kumar–Johnson divergence Σ (p̂ᵢ² − q̂ᵢ²)²/(2·(p̂ᵢq̂ᵢ)^(3/2)) (philentropy's <c>kumar-johnson</c>), a symmetric
    /// f-divergence with f(t) = (t² − 1)²/(2t^(3/2)).
    /// </summary>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <returns>
    /// ≥ 0 (no unit), symmetric; exactly 0 for p̂ = q̂; +∞ when some outcome has exactly one of p̂ᵢ, q̂ᵢ equal to 0, or when
    /// the value exceeds the largest double. Outcomes with p̂ᵢ = q̂ᵢ = 0 are left out.
    /// </returns>
    /// <remarks>Each term is d²s²/(2ĝ³) with d = p̂ᵢ − q̂ᵢ exact, s = p̂ᵢ + q̂ᵢ, ĝ = √(p̂ᵢq̂ᵢ), so near-identical inputs keep every digit.</remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double KumarJohnson(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => KumarJohnson(p, q, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="KumarJohnson(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double KumarJohnson(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int maxDegreeOfParallelism) =>
        PairTermSum<Kernels.KumarJohnsonTerms>(p, q, maxDegreeOfParallelism);

    /// <inheritdoc cref="KumarJohnson(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double KumarJohnson(DiscreteDistribution p, DiscreteDistribution q)
    {
        var a = Align(p, q);
        return KumarJohnson(a.P.AsSpan(), a.Q.AsSpan());
    }
}
