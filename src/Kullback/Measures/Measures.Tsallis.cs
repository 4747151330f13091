using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Tsallis relative entropy of order α, T_α(p‖q) = (Σ p̂ᵢ^α·q̂ᵢ^(1−α) − 1)/(α − 1), the sum over p̂ᵢ &gt; 0; the same as
    /// Liese and Vajda's Hellinger divergence of order α (<see cref="HellingerDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>;
    /// dit's <c>tsallis_divergence</c> and <c>hellinger_divergence</c>).
    /// </summary>
    /// <param name="p">The true distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The approximation.</param>
    /// <param name="alpha">The order, 0 ≤ α ≤ ∞. α = 1 gives D(p‖q) in nats (the limit); α = 0 gives Σ_{p̂ᵢ=0} q̂ᵢ; α = 2 gives χ²(p‖q); α = ½ gives 2·(1 − Σ√(p̂ᵢq̂ᵢ)) = 2H² (H the Hellinger distance).</param>
    /// <returns>
    /// T_α ≥ 0 (no unit: there is no logarithm, except at α = 1), exactly 0 for p̂ = q̂; +∞ for α &gt; 1 when some p̂ᵢ &gt; 0 has
    /// q̂ᵢ = 0 (or when the value exceeds the largest double); at most 1/(1 − α) for α &lt; 1. T_∞ is 0 for p̂ = q̂ and +∞
    /// otherwise.
    /// </returns>
    /// <remarks>
    /// T_α = expm1((α − 1)·D_α)/(α − 1) with the Rényi divergence D_α (fused pass, or its exact path, which sums the excess
    /// Σ p̂^α q̂^(1−α) − 1 without cancellation), so near-identical inputs keep every digit; past e^700 it is taken in log space.
    /// </remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; the lengths differ; or <paramref name="alpha"/> is negative or NaN.</exception>
    public static double TsallisDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha)
    {
        Preconditions.CheckOrder(alpha, nameof(alpha));
        if (alpha == 1) return KullbackLeibler(p, q);
        if (double.IsPositiveInfinity(alpha)) return Renyi(p, q, alpha) == 0 ? 0 : double.PositiveInfinity;
        if (alpha == 0) return -Elementary.ExpMinusOne(-Renyi(p, q, 0));
        return FromRenyi(Renyi(p, q, alpha), alpha);
    }

    /// <inheritdoc cref="TsallisDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>
    public static double TsallisDivergence(DiscreteDistribution p, DiscreteDistribution q, double alpha)
    {
        var a = Align(p, q);
        return TsallisDivergence(a.P.AsSpan(), a.Q.AsSpan(), alpha);
    }

    /// <summary>(A − 1)/(α − 1) from the Rényi divergence D = ln A/(α − 1) in nats: expm1 near A = 1, log space past e^700.</summary>
    private static double FromRenyi(double renyiNats, double alpha)
    {
        double beta = alpha - 1, y = beta * renyiNats;
        if (double.IsNaN(y)) return 0;   // D = 0 at any order (0·∞ cannot arise: D is finite or the order is above 1)
        if (y <= 700) return Math.Max(0.0, Elementary.ExpMinusOne(y) / beta);
        return Math.Exp(y + Elementary.LogOnePlus(-Math.Exp(-y)) - Math.Log(beta));
    }
}
