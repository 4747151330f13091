using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Pearson χ² divergence χ²(p‖q) = Σ (p̂ᵢ − q̂ᵢ)² / q̂ᵢ, leaving out outcomes with p̂ᵢ = q̂ᵢ = 0.</summary>
    /// <param name="p">The observed distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The reference distribution.</param>
    /// <returns>
    /// χ² ≥ 0 (no unit), not symmetric, exactly 0 for p̂ = q̂; +∞ when some p̂ᵢ &gt; 0 has q̂ᵢ = 0 (or when the value
    /// exceeds the largest double). χ² = e^{D₂(p‖q)} − 1.
    /// </returns>
    /// <remarks>
    /// The fused pass sums (pᵢ − qᵢ)²/qᵢ with the normalisation as an exact correction; the exact path sums
    /// (p̂ᵢ − q̂ᵢ)·xᵢ with xᵢ = p̂ᵢ/q̂ᵢ − 1 from the exact differences (and p̂ᵢ²/q̂ᵢ from the weights at their levels where q̂ᵢ is far below p̂ᵢ).
    /// </remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double PearsonChiSquared(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => PearsonChiSquared(p, q, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="PearsonChiSquared(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    /// <param name="p">The observed distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The reference distribution.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double PearsonChiSquared(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int maxDegreeOfParallelism) =>
        FastOrExact(p, q, maxDegreeOfParallelism, ChiSquaredKernel.TryDivergence, ChiSquaredExact);

    /// <summary>χ²(p‖q) for single-precision inputs (read as floats, computed in double).</summary>
    /// <inheritdoc cref="PearsonChiSquared(ReadOnlySpan{double}, ReadOnlySpan{double}, int)"/>
    public static double PearsonChiSquared(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int maxDegreeOfParallelism = -1) =>
        FastOrExact(p, q, maxDegreeOfParallelism, ChiSquaredKernel.TryDivergence, ChiSquaredExact);

    /// <inheritdoc cref="PearsonChiSquared(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double PearsonChiSquared(DiscreteDistribution p, DiscreteDistribution q)
    {
        var a = Align(p, q);
        return PearsonChiSquared(a.P.AsSpan(), a.Q.AsSpan());
    }

    /// <summary>Below this a scaled q entry (with p's at least 2⁻⁹⁰⁰) makes the ratio exceed 2⁶⁰: (p̂ − q̂)²/q̂ = p̂²/q̂ to 2⁻⁵⁹.</summary>
    private const double FarBelow = 8.0e-290;

    /// <summary>The exact path: vectorised for pairs without deep entries, else every outcome at its level.</summary>
    internal static double ChiSquaredExact(ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings)
    {
        var c = new ExactPair(p, q);
        if (c.HasDeep) return ChiSquaredExact(c);
        var s = ExactPass<ChiSquaredExactTerms>.Run(c, 0, p.Length, settings);
        return s.InfiniteA ? double.PositiveInfinity : Math.Max(0.0, s.A.Total);
    }

    /// <summary>The exact algorithm one outcome at a time: the reference the faster paths are tested against.</summary>
    internal static double ChiSquaredExact(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => ChiSquaredExact(new ExactPair(p, q));

    private static double ChiSquaredExact(in ExactPair c)
    {
        var scales = PairScales<Simd1>.Of(c);
        var sum = new TwoLevelSum();
        for (int i = 0; i < c.P.Length; i++)
        {
            double pi = c.P[i], qi = c.Q[i];
            if (qi == 0)
            {
                if (pi == 0) continue;
                return double.PositiveInfinity;
            }
            var e = c.Entry(i);
            if (e.B < FarBelow && pi > 0)
            {
                // q̂ far below p̂ (it may even be below the doubles at this level): p̂²/q̂ from the weights at their own
                // levels, scaled back once (+∞ if it exceeds the largest double), or in log space for a q̂ beyond them.
                var (wp, lp) = c.Sp.Weight(pi);
                var (wq, lq) = c.Sq.Weight(qi);
                sum.Add(wq >= ScaledWeights.SmallestNormal ? Math.ScaleB(wp * (wp / wq), lq - 2 * lp) : Math.Exp(c.LogP(i) + c.LogRatio(i, e)), 0);
                continue;
            }
            sum.Add(ChiSquaredExactTerms.Term(new Simd1(e.A), new Simd1(e.B), scales).V, e.Level);
        }
        return Math.Max(0.0, sum.Total);
    }
}
