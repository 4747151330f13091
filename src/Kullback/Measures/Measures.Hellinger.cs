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
        Math.Sqrt(FastOrExact(p, q, maxDegreeOfParallelism, HellingerKernel.TrySquared, static (a, b, _) => HellingerSquared(a, b)));

    /// <summary>H(p, q) for single-precision inputs (read as floats, computed in double).</summary>
    /// <inheritdoc cref="Hellinger(ReadOnlySpan{double}, ReadOnlySpan{double}, int)"/>
    public static double Hellinger(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int maxDegreeOfParallelism = -1) =>
        Math.Sqrt(FastOrExact(p, q, maxDegreeOfParallelism, HellingerKernel.TrySquared, static (a, b, _) => HellingerSquared(a, b)));

    /// <inheritdoc cref="Hellinger(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double Hellinger(DiscreteDistribution p, DiscreteDistribution q)
    {
        var a = Align(p, q);
        return Hellinger(a.P.AsSpan(), a.Q.AsSpan());
    }

    /// <summary>The exact path: H² = ½·Σ ((p̂ᵢ − q̂ᵢ)/(√p̂ᵢ + √q̂ᵢ))² = 1 − Σ √(p̂ᵢ q̂ᵢ), in [0, 1], every outcome at its level.</summary>
    internal static double HellingerSquared(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var c = new ExactPair(p, q);
        var sum = new TwoLevelSum();
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] == 0 && q[i] == 0) continue;
            var e = c.Entry(i);
            double t = c.NormalizedDifference(e.D) / (Math.Sqrt(c.PHat(e)) + Math.Sqrt(c.QHat(e)));
            sum.Add(t * t, e.Level);
        }
        return Math.Clamp(0.5 * sum.Total, 0.0, 1.0);
    }
}
