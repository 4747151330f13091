namespace Kullback;

public static partial class Measures
{
    /// <summary>Perplexity e^H(p) = b^H_b(p) of a distribution (dit's <c>perplexity</c>): the number of equally likely outcomes with the same entropy.</summary>
    /// <param name="p">Probabilities or non-negative weights of any magnitude (normalised exactly).</param>
    /// <returns>1 ≤ value ≤ n (no unit: the same in every base); exactly 1 for a point mass, n for the uniform distribution on n outcomes.</returns>
    /// <remarks>The exponential of the exact entropy: as exact relatively as H is absolutely.</remarks>
    /// <exception cref="InvalidArgumentException"><paramref name="p"/> is empty, all zero, or has a NaN, infinite or negative entry.</exception>
    public static double Perplexity(ReadOnlySpan<double> p) => Math.Exp(Entropy(p));

    /// <inheritdoc cref="Perplexity(ReadOnlySpan{double})"/>
    public static double Perplexity(DiscreteDistribution p) => Math.Exp(Entropy(p));

    /// <summary>
    /// The perplexity of q on data from p, e^H(p, q) (the cross-entropy's exponential: what a language model's perplexity is):
    /// at least <see cref="Perplexity(ReadOnlySpan{double})"/> of p, equal to it exactly when p̂ = q̂.
    /// </summary>
    /// <param name="p">The data's distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The model.</param>
    /// <returns>≥ 1 (no unit); +∞ when some p̂ᵢ &gt; 0 has q̂ᵢ = 0 (or when e^H exceeds the largest double).</returns>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double Perplexity(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => Math.Exp(CrossEntropy(p, q));

    /// <inheritdoc cref="Perplexity(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double Perplexity(DiscreteDistribution p, DiscreteDistribution q) => Math.Exp(CrossEntropy(p, q));
}
