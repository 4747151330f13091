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
    /// The exact path leaves out the outcome j holding the most mass (the largest entry of p or of q) and uses Σ(p̂ᵢ − q̂ᵢ) = 0:
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
        FastOrExact(p, q, maxDegreeOfParallelism, TotalVariationKernel.TryDistance, TotalVariationExact);

    /// <summary>TV(p, q) for single-precision inputs (read as floats, computed in double).</summary>
    /// <inheritdoc cref="TotalVariation(ReadOnlySpan{double}, ReadOnlySpan{double}, int)"/>
    public static double TotalVariation(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int maxDegreeOfParallelism = -1) =>
        FastOrExact(p, q, maxDegreeOfParallelism, TotalVariationKernel.TryDistance, TotalVariationExact);

    /// <inheritdoc cref="TotalVariation(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double TotalVariation(DiscreteDistribution p, DiscreteDistribution q)
    {
        var a = Align(p, q);
        return TotalVariation(a.P.AsSpan(), a.Q.AsSpan());
    }

    /// <summary>The exact path: vectorised for pairs without deep entries (either side of the heaviest outcome), else every outcome at its level.</summary>
    internal static double TotalVariationExact(ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings)
    {
        var c = new ExactPair(p, q);
        if (c.HasDeep) return TotalVariationExact(c);
        int heaviest = Heaviest(c);
        var before = ExactPass<TotalVariationExactTerms>.Run(c, 0, heaviest, settings);
        var after = ExactPass<TotalVariationExactTerms>.Run(c, heaviest + 1, p.Length, settings);
        before.Merge(after);
        return FromDifferences(c, before.A.Total, before.B.Total);
    }

    /// <summary>The exact algorithm one outcome at a time: the reference the faster paths are tested against.</summary>
    internal static double TotalVariationExact(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => TotalVariationExact(new ExactPair(p, q));

    private static double TotalVariationExact(in ExactPair c)
    {
        int heaviest = Heaviest(c);
        TwoLevelSum absolute = default, signed = default;
        for (int i = 0; i < c.P.Length; i++)
        {
            if (i == heaviest || (c.P[i] == 0 && c.Q[i] == 0)) continue;
            var e = c.Entry(i);
            absolute.Add(Math.Abs(e.D), e.Level);
            signed.Add(e.D, e.Level);
        }
        return FromDifferences(c, absolute.Total, signed.Total);
    }

    /// <summary>½·(Σ_{i≠j} |dᵢ| + |Σ_{i≠j} dᵢ|)/(Sp·Sq), in [0, 1].</summary>
    private static double FromDifferences(in ExactPair c, double absolute, double signed) =>
        Math.Clamp(0.5 * c.NormalizedDifference(absolute + Math.Abs(signed)), 0.0, 1.0);

    /// <summary>The largest entry of p or of q, whichever outcome holds more of p̂ + q̂: the one whose difference the sums' rounding spoils most.</summary>
    private static int Heaviest(in ExactPair c)
    {
        int i = c.Sp.ArgMax, j = c.Sq.ArgMax;
        return c.Sp.Normalized(c.P[i]) + c.Sq.Normalized(c.Q[i]) >= c.Sp.Normalized(c.P[j]) + c.Sq.Normalized(c.Q[j]) ? i : j;
    }
}
