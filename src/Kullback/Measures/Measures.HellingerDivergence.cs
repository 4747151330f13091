using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Hellinger divergence of order α (Liese–Vajda), (Σ p̂ᵢ^α·q̂ᵢ^(1−α) − 1)/(α − 1): another name for the
    /// <see cref="TsallisDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/> (dit's <c>hellinger_divergence</c>).
    /// Not the Hellinger distance (<see cref="Hellinger(ReadOnlySpan{double}, ReadOnlySpan{double})"/>): at α = ½ it is 2H².
    /// </summary>
    /// <inheritdoc cref="TsallisDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>
    public static double HellingerDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha) => TsallisDivergence(p, q, alpha);

    /// <inheritdoc cref="HellingerDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>
    public static double HellingerDivergence(DiscreteDistribution p, DiscreteDistribution q, double alpha) => TsallisDivergence(p, q, alpha);

    /// <summary>
    /// The Hellinger sum (Hellinger integral) of order α, Σ p̂ᵢ^α·q̂ᵢ^(1−α) over p̂ᵢ &gt; 0 (dit's <c>hellinger_sum</c>): the
    /// quantity behind the Rényi, Tsallis and α-divergences; the Bhattacharyya coefficient at α = ½.
    /// </summary>
    /// <param name="p">The first distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The second.</param>
    /// <param name="alpha">The order, finite and ≥ 0. α = 1 gives 1; α = 0 gives Σ_{p̂ᵢ&gt;0} q̂ᵢ.</param>
    /// <returns>
    /// A ≥ 0 (no unit), exactly 1 for p̂ = q̂; A ≤ 1 for α ≤ 1 and A ≥ 1 for α ≥ 1; +∞ for α &gt; 1 when some p̂ᵢ &gt; 0 has
    /// q̂ᵢ = 0 (or when A exceeds the largest double); 0 for α &lt; 1 and disjoint supports.
    /// </returns>
    /// <remarks>A = e^((α − 1)·D_α) from the Rényi divergence, so that A − 1 keeps its digits where they exist.</remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; the lengths differ; or <paramref name="alpha"/> is negative, NaN or infinite.</exception>
    public static double HellingerSum(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha)
    {
        Preconditions.CheckOrder(alpha, nameof(alpha));
        if (double.IsPositiveInfinity(alpha))
            throw new InvalidArgumentException("alpha = ∞ is not a valid order for the Hellinger sum: it must be finite (the sum grows without bound).", nameof(alpha));
        if (alpha == 1)
        {
            CheckPair(p, q);
            return 1;
        }
        double renyi = Renyi(p, q, alpha);
        if (renyi == 0) return 1;
        return Math.Exp((alpha - 1) * renyi);
    }

    /// <inheritdoc cref="HellingerSum(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>
    public static double HellingerSum(DiscreteDistribution p, DiscreteDistribution q, double alpha)
    {
        var a = Align(p, q);
        return HellingerSum(a.P.AsSpan(), a.Q.AsSpan(), alpha);
    }
}
