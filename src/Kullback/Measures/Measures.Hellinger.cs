using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Hellinger distance H(p, q) = √(½·Σ (√p̂ᵢ − √q̂ᵢ)²).</summary>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <returns>0 ≤ H ≤ 1 (no unit), symmetric, a metric; exactly 0 for p̂ = q̂, 1 exactly when the supports are disjoint.</returns>
    /// <remarks>
    /// Each difference is taken as (pᵢ − qᵢ)/(√pᵢ + √qᵢ) (the fused pass: (p − q)²/(p + q + 2√(pq)), with the
    /// normalisation as an exact correction), which does not cancel for near-identical inputs.
    /// </remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double Hellinger(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => Hellinger(p, q, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="Hellinger(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double Hellinger(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int maxDegreeOfParallelism) =>
        Math.Sqrt(FastOrExact(p, q, maxDegreeOfParallelism, HellingerKernel.TrySquared, HellingerSquared));

    /// <summary>H(p, q) for single-precision inputs (read as floats, computed in double).</summary>
    /// <inheritdoc cref="Hellinger(ReadOnlySpan{double}, ReadOnlySpan{double}, int)"/>
    public static double Hellinger(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int maxDegreeOfParallelism = -1) =>
        Math.Sqrt(FastOrExact(p, q, maxDegreeOfParallelism, HellingerKernel.TrySquared, HellingerSquared));

    /// <inheritdoc cref="Hellinger(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double Hellinger(DiscreteDistribution p, DiscreteDistribution q)
    {
        var a = Align(p, q);
        return Hellinger(a.P.AsSpan(), a.Q.AsSpan());
    }

    /// <summary>The exact path: H² = ½·Σ ((p̂ᵢ − q̂ᵢ)/(√p̂ᵢ + √q̂ᵢ))² = 1 − Σ √(p̂ᵢ q̂ᵢ), in [0, 1], vectorised for pairs without deep entries.</summary>
    internal static double HellingerSquared(ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings)
    {
        var c = new ExactPair(p, q);
        double sum = c.HasDeep ? HellingerSum(c) : ExactPass<HellingerExactTerms>.Run(c, 0, p.Length, settings).A.Total;
        return Math.Clamp(0.5 * sum, 0.0, 1.0);
    }

    /// <summary>The exact algorithm one outcome at a time: the reference the faster paths are tested against.</summary>
    internal static double HellingerSquared(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => Math.Clamp(0.5 * HellingerSum(new ExactPair(p, q)), 0.0, 1.0);

    /// <summary>Σ ((p̂ᵢ − q̂ᵢ)/(√p̂ᵢ + √q̂ᵢ))², each term at its outcome's level.</summary>
    private static double HellingerSum(in ExactPair c)
    {
        var scales = PairScales<Simd1>.Of(c);
        var sum = new TwoLevelSum();
        for (int i = 0; i < c.P.Length; i++)
        {
            if (c.P[i] == 0 && c.Q[i] == 0) continue;
            var e = c.Entry(i);
            sum.Add(HellingerExactTerms.Term(new Simd1(e.A), new Simd1(e.B), scales).V, e.Level);
        }
        return sum.Total;
    }
}
