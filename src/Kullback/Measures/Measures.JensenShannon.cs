using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Jensen–Shannon divergence JS(p, q) = ½·D(p‖m) + ½·D(q‖m) with m = (p̂ + q̂)/2.
    /// </summary>
    /// <param name="p">One distribution (probabilities or weights, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>0 ≤ JS ≤ log 2 (ln 2 nats, 1 bit), symmetric, always finite; log 2 exactly when the supports are disjoint.</returns>
    /// <remarks>
    /// Computed per outcome as ½·m̂ᵢ·ψ(xᵢ) with xᵢ = (p̂ᵢ − q̂ᵢ)/(p̂ᵢ + q̂ᵢ) and ψ(x) = (1+x)·ln(1+x) + (1−x)·ln(1−x),
    /// ψ taken by its series for small |x|: every term is non-negative and exact to a few ulps.
    /// </remarks>
    /// <exception cref="ArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double JensenShannonDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit = default) =>
        JensenShannonDivergence(p, q, unit, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="JensenShannonDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    /// <param name="p">One distribution (probabilities or weights, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double JensenShannonDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit, int maxDegreeOfParallelism) =>
        unit.FromNats(FastOrExact(p, q, maxDegreeOfParallelism, DivergenceKernels.TryJensenShannon, JensenShannonNats));

    /// <summary>JS(p, q) for single-precision inputs, computed in double precision.</summary>
    /// <inheritdoc cref="JensenShannonDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit, int)"/>
    public static double JensenShannonDivergence(ReadOnlySpan<float> p, ReadOnlySpan<float> q, InformationUnit unit = default, int maxDegreeOfParallelism = -1) =>
        unit.FromNats(FastOrExact(p, q, maxDegreeOfParallelism, DivergenceKernels.TryJensenShannon, JensenShannonNats));

    /// <inheritdoc cref="JensenShannonDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    public static double JensenShannonDivergence(DiscreteDistribution p, DiscreteDistribution q, InformationUnit unit = default)
    {
        var a = Align(p, q);
        return JensenShannonDivergence(a.P.AsSpan(), a.Q.AsSpan(), unit);
    }

    /// <summary>Jensen–Shannon distance √JS(p, q), a metric; JS taken in <paramref name="unit"/> (as scipy's <c>jensenshannon(base=…)</c>).</summary>
    /// <returns>0 ≤ √JS ≤ √(log 2); 1 in bits for disjoint supports.</returns>
    /// <exception cref="ArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double JensenShannonDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit = default) =>
        Math.Sqrt(JensenShannonDivergence(p, q, unit));

    /// <inheritdoc cref="JensenShannonDistance(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    public static double JensenShannonDistance(DiscreteDistribution p, DiscreteDistribution q, InformationUnit unit = default) =>
        Math.Sqrt(JensenShannonDivergence(p, q, unit));

    internal static double JensenShannonNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var c = new PairContext(p, q);
        var sum = new NeumaierSum();
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q[i];
            if (pi == 0 && qi == 0) continue;
            double w = pi * c.Sq.Hi + qi * c.Sp.Hi;   // (p̂ᵢ + q̂ᵢ)·Sp·Sq
            double x = Math.Clamp(c.Difference(pi, qi) / w, -1.0, 1.0);
            sum.Add(w * Elementary.Psi(x));
        }
        double js = sum.Total / (4.0 * c.Sp.Hi * c.Sq.Hi);
        return Math.Clamp(js, 0.0, Math.Log(2.0));
    }
}
