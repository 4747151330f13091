using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Rényi entropy of order α, H_α(p) = log(Σ p̂ᵢ^α)/(1 − α) (dit's <c>renyi_entropy</c>): H₀ = log |supp p| (Hartley),
    /// H₁ = the Shannon entropy, H₂ = −log Σ p̂ᵢ² (collision entropy), H_∞ = −log maxᵢ p̂ᵢ (min-entropy).
    /// </summary>
    /// <param name="p">Probabilities or non-negative weights of any magnitude (normalised exactly).</param>
    /// <param name="alpha">The order, 0 ≤ α ≤ ∞.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>0 ≤ H_α ≤ log n, non-increasing in α; exactly 0 when one outcome holds all the mass, log n for the uniform distribution at every order. Zeros add nothing.</returns>
    /// <remarks>
    /// A fused pass takes Σ pᵢ^α when its bound allows. The exact path takes ln Σ p̂ᵢ^α by a log-sum-exp of α·ln p̂ᵢ, or,
    /// when that sum is near 1 (near a point mass, or α near 1), as log1p of Σ p̂ᵢ·expm1((α − 1)·ln p̂ᵢ), whose terms all have
    /// one sign, with ln p̂ of the largest entry as ln(1 − ε): a distribution within 10⁻¹⁵ of a point mass keeps every digit.
    /// </remarks>
    /// <exception cref="InvalidArgumentException"><paramref name="p"/> is empty, all zero, or has a NaN, infinite or negative entry; or <paramref name="alpha"/> is negative or NaN.</exception>
    public static double RenyiEntropy(ReadOnlySpan<double> p, double alpha, InformationUnit unit = default)
    {
        Preconditions.CheckOrder(alpha, nameof(alpha));
        if (alpha == 1) return Entropy(p, unit);
        if (alpha != 0 && !double.IsPositiveInfinity(alpha) && !p.IsEmpty && PowerSumKernel.TryRenyiEntropy(p, alpha, KernelSettings.Default, out double fast))
            return unit.FromNats(fast);
        Preconditions.CheckWeights(p, nameof(p));
        return unit.FromNats(RenyiEntropyNats(p, alpha));
    }

    /// <inheritdoc cref="RenyiEntropy(ReadOnlySpan{double}, double, InformationUnit)"/>
    public static double RenyiEntropy(DiscreteDistribution p, double alpha, InformationUnit unit = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        return RenyiEntropy(p.Weights, alpha, unit);
    }

    /// <summary>The exact path on checked weights.</summary>
    internal static double RenyiEntropyNats(ReadOnlySpan<double> p, double alpha)
    {
        if (alpha == 1) return EntropyNats(p);
        var s = ScaledWeights.Of(p);
        if (alpha == 0) return Math.Log(CountPositive(p));
        if (double.IsPositiveInfinity(alpha)) return Math.Max(0.0, -s.LogOfNormalized(s.ArgMax, p[s.ArgMax]));
        var logSum = new LogSumExp();
        for (int i = 0; i < p.Length; i++)
            if (p[i] > 0) logSum.Add(alpha * s.LogOfNormalized(i, p[i]));
        double logA = logSum.Log;
        if (logA <= -Math.Log(2.0) || logA >= Math.Log(1.5)) return Math.Max(0.0, logA / (1 - alpha));
        return Math.Max(0.0, Elementary.LogOnePlus(PowerSumExcess(p, s, alpha)) / (1 - alpha));
    }

    /// <summary>
    /// Σ p̂ᵢ^α − 1 = Σ (p̂ᵢ^α − p̂ᵢ), every term of the sign of 1 − α: p̂ᵢ·expm1((α − 1)·ln p̂ᵢ) at p̂ᵢ's level while the
    /// exponent is small, else the two powers apart (they do not cancel there).
    /// </summary>
    private static double PowerSumExcess(ReadOnlySpan<double> p, in ScaledWeights s, double alpha)
    {
        var sum = new TwoLevelSum();
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] == 0) continue;
            var (w, level) = s.Weight(p[i]);
            double log = s.LogOfNormalized(i, p[i]), y = (alpha - 1) * log;
            if (Math.Abs(y) < 0.5)
            {
                sum.Add(w * Elementary.ExpMinusOne(y), level);
            }
            else
            {
                sum.Add(Math.Exp(alpha * log), 0);
                sum.Add(-w, level);
            }
        }
        return sum.Total;
    }

    private static int CountPositive(ReadOnlySpan<double> p)
    {
        int count = 0;
        foreach (double x in p)
            if (x > 0) count++;
        return count;
    }
}
