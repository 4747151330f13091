using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Jensen–Shannon divergence JS(p, q) = ½·D(p‖m) + ½·D(q‖m) with m = (p̂ + q̂)/2.
    /// </summary>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>0 ≤ JS ≤ log 2 (ln 2 nats, 1 bit), symmetric, always finite; log 2 exactly when the supports are disjoint.</returns>
    /// <remarks>
    /// The fused pass takes ½·Σ [pᵢ·ln(2pᵢ/(pᵢ + qᵢ)) + qᵢ·ln(2qᵢ/(pᵢ + qᵢ))]/Σp with the normalisation to first order
    /// (a second pass when p and q are scaled differently). The exact path computes per outcome ½·m̂ᵢ·ψ(xᵢ) with
    /// xᵢ = (p̂ᵢ − q̂ᵢ)/(p̂ᵢ + q̂ᵢ) and ψ(x) = (1+x)·ln(1+x) + (1−x)·ln(1−x), ψ taken by its series for small |x|: every
    /// term is non-negative and exact to a few ulps.
    /// </remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double JensenShannonDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit = default) =>
        JensenShannonDivergence(p, q, unit, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="JensenShannonDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double JensenShannonDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit, int maxDegreeOfParallelism) =>
        unit.FromNats(FastOrExact(p, q, maxDegreeOfParallelism, JensenShannonKernel.TryDivergence, JensenShannonNats));

    /// <summary>JS(p, q) for single-precision inputs (read as floats, computed in double).</summary>
    /// <inheritdoc cref="JensenShannonDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit, int)"/>
    public static double JensenShannonDivergence(ReadOnlySpan<float> p, ReadOnlySpan<float> q, InformationUnit unit = default, int maxDegreeOfParallelism = -1) =>
        unit.FromNats(FastOrExact(p, q, maxDegreeOfParallelism, JensenShannonKernel.TryDivergence, JensenShannonNats));

    /// <inheritdoc cref="JensenShannonDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    public static double JensenShannonDivergence(DiscreteDistribution p, DiscreteDistribution q, InformationUnit unit = default)
    {
        var a = Align(p, q);
        return JensenShannonDivergence(a.P.AsSpan(), a.Q.AsSpan(), unit);
    }

    /// <summary>Jensen–Shannon distance √JS(p, q), a metric; JS taken in <paramref name="unit"/> (as scipy's <c>jensenshannon(base=…)</c>).</summary>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="unit">The unit the divergence is taken in; nats by default.</param>
    /// <returns>0 ≤ √JS ≤ √(log 2); 1 in bits for disjoint supports; exactly 0 for p̂ = q̂.</returns>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double JensenShannonDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit = default) =>
        Math.Sqrt(JensenShannonDivergence(p, q, unit));

    /// <inheritdoc cref="JensenShannonDistance(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="unit">The unit the divergence is taken in.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double JensenShannonDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit, int maxDegreeOfParallelism) =>
        Math.Sqrt(JensenShannonDivergence(p, q, unit, maxDegreeOfParallelism));

    /// <summary>√JS(p, q) for single-precision inputs (read as floats, computed in double).</summary>
    /// <inheritdoc cref="JensenShannonDistance(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit, int)"/>
    public static double JensenShannonDistance(ReadOnlySpan<float> p, ReadOnlySpan<float> q, InformationUnit unit = default, int maxDegreeOfParallelism = -1) =>
        Math.Sqrt(JensenShannonDivergence(p, q, unit, maxDegreeOfParallelism));

    /// <inheritdoc cref="JensenShannonDistance(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    public static double JensenShannonDistance(DiscreteDistribution p, DiscreteDistribution q, InformationUnit unit = default) =>
        Math.Sqrt(JensenShannonDivergence(p, q, unit));

    /// <summary>The exact path: Σ ½·m̂ᵢ·ψ(xᵢ), vectorised for pairs without deep entries, else every outcome at its level.</summary>
    internal static double JensenShannonNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings)
    {
        var c = new ExactPair(p, q);
        double sum = c.HasDeep ? JensenShannonSum(c) : ExactPass<JensenShannonExactTerms>.Run(c, 0, p.Length, settings).A.Total;
        return Math.Clamp(sum / (4.0 * c.Sp.Hi * c.Sq.Hi), 0.0, Math.Log(2.0));
    }

    /// <summary>The exact algorithm one outcome at a time: the reference the faster paths are tested against.</summary>
    internal static double JensenShannonNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var c = new ExactPair(p, q);
        return Math.Clamp(JensenShannonSum(c) / (4.0 * c.Sp.Hi * c.Sq.Hi), 0.0, Math.Log(2.0));
    }

    /// <summary>Σ (p̂ᵢ + q̂ᵢ)·Sp·Sq·ψ(xᵢ), each term at its outcome's level.</summary>
    private static double JensenShannonSum(in ExactPair c)
    {
        var scales = PairScales<Simd1>.Of(c);
        var sum = new TwoLevelSum();
        for (int i = 0; i < c.P.Length; i++)
        {
            if (c.P[i] == 0 && c.Q[i] == 0) continue;
            var e = c.Entry(i);
            sum.Add(JensenShannonExactTerms.Term(new Simd1(e.A), new Simd1(e.B), scales).V, e.Level);
        }
        return sum.Total;
    }
}
