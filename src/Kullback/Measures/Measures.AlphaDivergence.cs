using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Amari's α-divergence D^(α)(p‖q) = 4·(1 − Σ p̂ᵢ^((1−α)/2)·q̂ᵢ^((1+α)/2))/(1 − α²), the divergence of information
    /// geometry (dit's <c>alpha_divergence</c>).
    /// </summary>
    /// <param name="p">The first distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The second.</param>
    /// <param name="alpha">Any finite order. By continuity α = −1 gives D(p‖q) and α = 1 gives D(q‖p) (in nats); α = 0 gives 4·(1 − Σ√(p̂ᵢq̂ᵢ)) = 4H².</param>
    /// <returns>
    /// ≥ 0 (no unit), exactly 0 for p̂ = q̂; D^(α)(p‖q) = D^(−α)(q‖p). +∞ for α &lt; −1 when some p̂ᵢ &gt; 0 has q̂ᵢ = 0, for α &gt; 1
    /// when some q̂ᵢ &gt; 0 has p̂ᵢ = 0, or when the value exceeds the largest double.
    /// </returns>
    /// <remarks>
    /// With β = (1 − α)/2 and γ = (1 + α)/2, D^(α)(p‖q) = T_β(p‖q)/β = T_γ(q‖p)/γ in terms of the
    /// <see cref="TsallisDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>; the one with the order ≥ ½ is
    /// used, so every order lands on an exact Rényi computation of positive order. dit defines α = 1 as D(p‖q) and α = −1
    /// as D(q‖p), the reverse of the formula's limits; this method follows the formula.
    /// </remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; the lengths differ; or <paramref name="alpha"/> is not finite.</exception>
    public static double AlphaDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha)
    {
        if (!double.IsFinite(alpha))
            throw new InvalidArgumentException($"alpha = {Preconditions.Format(alpha)} is not a valid order for the α-divergence: it must be finite.", nameof(alpha));
        if (alpha == -1) return KullbackLeibler(p, q);
        if (alpha == 1) return KullbackLeibler(q, p);
        double beta = (1 - alpha) / 2, gamma = (1 + alpha) / 2;
        return alpha <= 0 ? TsallisDivergence(p, q, beta) / beta : TsallisDivergence(q, p, gamma) / gamma;
    }

    /// <inheritdoc cref="AlphaDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>
    public static double AlphaDivergence(DiscreteDistribution p, DiscreteDistribution q, double alpha)
    {
        var a = Align(p, q);
        return AlphaDivergence(a.P.AsSpan(), a.Q.AsSpan(), alpha);
    }
}
