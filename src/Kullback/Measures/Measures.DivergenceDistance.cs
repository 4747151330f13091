namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// The "divergence" distance of philentropy (<c>divergence</c>): 2·Σ (p̂ᵢ − q̂ᵢ)²/(p̂ᵢ + q̂ᵢ)², outcomes with p̂ᵢ = q̂ᵢ = 0
    /// left out; twice the square of the <see cref="Clark(ReadOnlySpan{double}, ReadOnlySpan{double})"/> distance.
    /// </summary>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <returns>0 ≤ value ≤ 2n (no unit), symmetric; exactly 0 for p̂ = q̂; each outcome where exactly one of p̂ᵢ, q̂ᵢ is 0 contributes 2.</returns>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double DivergenceDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => DivergenceDistance(p, q, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="DivergenceDistance(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double DivergenceDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int maxDegreeOfParallelism) =>
        2 * ClarkSum(p, q, maxDegreeOfParallelism);

    /// <inheritdoc cref="DivergenceDistance(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double DivergenceDistance(DiscreteDistribution p, DiscreteDistribution q)
    {
        var a = Align(p, q);
        return DivergenceDistance(a.P.AsSpan(), a.Q.AsSpan());
    }
}
