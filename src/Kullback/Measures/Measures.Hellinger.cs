using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Hellinger distance H(p, q) = √(½·Σ (√p̂ᵢ − √q̂ᵢ)²).</summary>
    /// <param name="p">One distribution (probabilities or weights, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <returns>0 ≤ H ≤ 1 (no unit), symmetric, a metric; 1 exactly when the supports are disjoint.</returns>
    /// <remarks>Each difference is taken as (p̂ᵢ − q̂ᵢ)/(√p̂ᵢ + √q̂ᵢ), which does not cancel for near-identical inputs.</remarks>
    /// <exception cref="ArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double Hellinger(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        CheckPair(p, q);
        return Math.Sqrt(HellingerSquared(p, q));
    }

    /// <inheritdoc cref="Hellinger(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double Hellinger(DiscreteDistribution p, DiscreteDistribution q)
    {
        var a = Align(p, q);
        return Hellinger(a.P.AsSpan(), a.Q.AsSpan());
    }

    /// <summary>H² = ½·Σ (√p̂ᵢ − √q̂ᵢ)² = 1 − Σ √(p̂ᵢ q̂ᵢ), in [0, 1].</summary>
    internal static double HellingerSquared(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var c = new PairContext(p, q);
        var sum = new NeumaierSum();
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q[i];
            if (pi == 0 && qi == 0) continue;
            double e = c.NormalizedDifference(c.Difference(pi, qi))
                       / (Math.Sqrt(c.Sp.Normalized(pi)) + Math.Sqrt(c.Sq.Normalized(qi)));
            sum.Add(e * e);
        }
        return Math.Clamp(0.5 * sum.Total, 0.0, 1.0);
    }
}
