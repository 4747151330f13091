using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Extropy J(p) = −Σ (1 − p̂ᵢ)·log(1 − p̂ᵢ), the complementary dual of entropy (Lad, Sanfilippo and Agrò 2015; dit's
    /// <c>extropy</c>).
    /// </summary>
    /// <param name="p">Probabilities or non-negative weights of any magnitude (normalised exactly).</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>
    /// 0 ≤ J ≤ (n − 1)·log(n/(n − 1)) ≤ H(p), with equality to H for two outcomes; exactly 0 for a point mass (0·log 0 = 0).
    /// Every term is ≥ 0.
    /// </returns>
    /// <remarks>
    /// A vector with no entry near half the mass or more (and none more than 270 decades below the largest) takes the fused
    /// vectorised pass, the terms −(1 − p̂ᵢ)·log1p(−p̂ᵢ) with log1p's series for small p̂ᵢ; otherwise
    /// 1 − p̂ of the largest entry is taken as the exact sum of the others (ε), so its term −ε·ln ε keeps its digits for a
    /// distribution within 10⁻¹⁵ of a point mass; the others are −(1 − p̂ᵢ)·log1p(−p̂ᵢ), each at p̂ᵢ's level.
    /// </remarks>
    /// <exception cref="InvalidArgumentException"><paramref name="p"/> is empty, all zero, or has a NaN, infinite or negative entry.</exception>
    public static double Extropy(ReadOnlySpan<double> p, InformationUnit unit = default)
    {
        if (Kernels.ExtropyKernel.TryNats(p, Kernels.KernelSettings.Default, out double nats)) return unit.FromNats(nats);
        Preconditions.CheckWeights(p, nameof(p));
        return unit.FromNats(ExtropyNats(p));
    }

    /// <inheritdoc cref="Extropy(ReadOnlySpan{double}, InformationUnit)"/>
    public static double Extropy(DiscreteDistribution p, InformationUnit unit = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        return Extropy(p.Weights, unit);
    }

    /// <summary>The exact algorithm on checked weights.</summary>
    internal static double ExtropyNats(ReadOnlySpan<double> p)
    {
        var s = ScaledWeights.Of(p);
        var sum = new TwoLevelSum();
        for (int i = 0; i < p.Length; i++)
        {
            double x = p[i];
            if (x == 0) continue;
            if (s.IsDominant(i, x))
            {
                var (deficit, level) = s.Deficit();   // ε = 1 − p̂, times 2^level
                if (deficit == 0) continue;         // a point mass: 0·ln 0
                double logDeficit = Math.Log(deficit) - level * Math.Log(2.0);
                sum.Add(-deficit * logDeficit, level);
                continue;
            }
            var (w, wLevel) = s.Weight(x);
            double pHat = s.Normalized(x);
            double logRatio = pHat < 1e-17 ? -1 : Elementary.LogOnePlus(-pHat) / pHat;   // log1p(−p̂)/p̂, −1 to double precision below 10⁻¹⁷
            sum.Add(-(1 - pHat) * w * logRatio, wLevel);
        }
        return Math.Max(0.0, sum.Total);
    }
}
