using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Total variation distance TV(p, q) = ½·Σ |p̂ᵢ − q̂ᵢ|: the largest difference in probability the two give any event.</summary>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <returns>0 ≤ TV ≤ 1 (no unit), symmetric; exactly 0 for p̂ = q̂, 1 exactly when the supports are disjoint.</returns>
    /// <remarks>
    /// The exact path leaves out the outcome j with the most mass and uses Σ(p̂ᵢ − q̂ᵢ) = 0:
    /// TV = ½·(Σ_{i≠j} |p̂ᵢ − q̂ᵢ| + |Σ_{i≠j} (p̂ᵢ − q̂ᵢ)|), so that its difference, the one most exposed to the rounding of
    /// the sums, is never formed.
    /// </remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double TotalVariation(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => TotalVariation(p, q, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="TotalVariation(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double TotalVariation(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int maxDegreeOfParallelism) =>
        FastOrExact(p, q, maxDegreeOfParallelism, TotalVariationKernel.TryDistance, static (a, b, _) => TotalVariationExact(a, b));

    /// <summary>TV(p, q) for single-precision inputs (read as floats, computed in double).</summary>
    /// <inheritdoc cref="TotalVariation(ReadOnlySpan{double}, ReadOnlySpan{double}, int)"/>
    public static double TotalVariation(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int maxDegreeOfParallelism = -1) =>
        FastOrExact(p, q, maxDegreeOfParallelism, TotalVariationKernel.TryDistance, static (a, b, _) => TotalVariationExact(a, b));

    /// <inheritdoc cref="TotalVariation(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double TotalVariation(DiscreteDistribution p, DiscreteDistribution q)
    {
        var a = Align(p, q);
        return TotalVariation(a.P.AsSpan(), a.Q.AsSpan());
    }

    /// <summary>The exact path, every outcome at its level.</summary>
    internal static double TotalVariationExact(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var c = new ExactPair(p, q);
        int heaviest = 0;
        double most = -1;
        for (int i = 0; i < p.Length; i++)
        {
            double mass = c.Sp.Normalized(p[i]) + c.Sq.Normalized(q[i]);
            if (mass > most)
            {
                most = mass;
                heaviest = i;
            }
        }
        TwoLevelSum absolute = default, signed = default;
        for (int i = 0; i < p.Length; i++)
        {
            if (i == heaviest || (p[i] == 0 && q[i] == 0)) continue;
            var e = c.Entry(i);
            absolute.Add(Math.Abs(e.D), e.Level);
            signed.Add(e.D, e.Level);
        }
        return Math.Clamp(0.5 * c.NormalizedDifference(absolute.Total + Math.Abs(signed.Total)), 0.0, 1.0);
    }
}
