namespace Kullback;

public static partial class Measures
{
    /// <summary>Clark distance √(Σ ((p̂ᵢ − q̂ᵢ)/(p̂ᵢ + q̂ᵢ))²) (philentropy's <c>clark</c>), outcomes with p̂ᵢ = q̂ᵢ = 0 left out.</summary>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <returns>
    /// 0 ≤ value ≤ √n (no unit), symmetric, a metric; exactly 0 for p̂ = q̂. Each outcome where exactly one of p̂ᵢ, q̂ᵢ is 0
    /// contributes 1 to the sum, so disjoint supports of sizes a and b give √(a + b).
    /// </returns>
    /// <remarks>The ratios use the exact differences, so near-identical inputs keep every digit.</remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double Clark(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => Clark(p, q, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="Clark(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double Clark(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int maxDegreeOfParallelism) =>
        Math.Sqrt(ClarkSum(p, q, maxDegreeOfParallelism));

    /// <summary>
    /// Σ ((p̂ᵢ − q̂ᵢ)/(p̂ᵢ + q̂ᵢ))²: the one-pass kernel when its bound vouches for it, else the exact terms (after one read
    /// for the totals, or outcome by outcome).
    /// </summary>
    private static double ClarkSum(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int maxDegreeOfParallelism) =>
        Kernels.TriangularKernel.TryClarkSum(p, q, Kernels.KernelSettings.WithParallelism(maxDegreeOfParallelism), out double fast)
            ? fast
            : PairTermSum<Kernels.ClarkTerms>(p, q, maxDegreeOfParallelism);

    /// <inheritdoc cref="Clark(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double Clark(DiscreteDistribution p, DiscreteDistribution q)
    {
        var a = Align(p, q);
        return Clark(a.P.AsSpan(), a.Q.AsSpan());
    }
}
