using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Tsallis entropy of order α, S_α(p) = (1 − Σ p̂ᵢ^α)/(α − 1) (dit's <c>tsallis_entropy</c>): S₁ = the Shannon entropy
    /// in nats (the limit), S₀ = |supp p| − 1, S₂ = 1 − Σ p̂ᵢ² (the Gini–Simpson index), S_∞ = 0.
    /// </summary>
    /// <param name="p">Probabilities or non-negative weights of any magnitude (normalised exactly).</param>
    /// <param name="alpha">The order, −∞ &lt; α ≤ ∞; for α ≤ 0 the power sum runs over the support (p̂ᵢ &gt; 0), as dit's.</param>
    /// <returns>
    /// S_α ≥ 0 (no unit: there is no logarithm, except at α = 1, where it is in nats); exactly 0 when one outcome holds all
    /// the mass; at most (1 − n^(1−α))/(α − 1). Zeros add nothing. Pseudo-additive: S(A, B) = S(A) + S(B) + (1 − α)·S(A)·S(B) for independent A, B.
    /// </returns>
    /// <remarks>
    /// Computed as −(Σ p̂ᵢ^α − 1)/(α − 1) with the excess summed term by term, p̂ᵢ·expm1((α − 1)·ln p̂ᵢ), all of one sign (ln p̂
    /// of the largest entry as ln(1 − ε)), so a distribution within 10⁻¹⁵ of a point mass keeps every digit; a fused pass
    /// takes Σ pᵢ^α first when its bound allows.
    /// </remarks>
    /// <exception cref="InvalidArgumentException"><paramref name="p"/> is empty, all zero, or has a NaN, infinite or negative entry; or <paramref name="alpha"/> is NaN or −∞.</exception>
    public static double TsallisEntropy(ReadOnlySpan<double> p, double alpha)
    {
        if (double.IsNaN(alpha) || double.IsNegativeInfinity(alpha))
            throw new InvalidArgumentException($"alpha = {Preconditions.Format(alpha)} is not a valid order for the Tsallis entropy: it must be a number above −∞ (negative orders sum over the support).", nameof(alpha));
        if (alpha == 1) return Entropy(p);
        if (alpha > 0 && !double.IsPositiveInfinity(alpha) && !p.IsEmpty && PowerSumKernel.TryTsallisEntropy(p, alpha, KernelSettings.Default, out double fast))
            return fast;
        Preconditions.CheckWeights(p, nameof(p));
        return TsallisEntropyExact(p, alpha);
    }

    /// <inheritdoc cref="TsallisEntropy(ReadOnlySpan{double}, double)"/>
    public static double TsallisEntropy(DiscreteDistribution p, double alpha)
    {
        ArgumentNullException.ThrowIfNull(p);
        return TsallisEntropy(p.Weights, alpha);
    }

    /// <summary>The exact path on checked weights.</summary>
    internal static double TsallisEntropyExact(ReadOnlySpan<double> p, double alpha)
    {
        if (alpha == 1) return EntropyNats(p);
        if (alpha == 0) return CountPositive(p) - 1;
        if (double.IsPositiveInfinity(alpha)) return 0;
        var s = ScaledWeights.Of(p);
        return Math.Max(0.0, -PowerSumExcess(p, s, alpha) / (alpha - 1));
    }
}
