using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Total variation distance TV(p, q) = ½·Σ |p̂ᵢ − q̂ᵢ|: the largest difference in probability the two give any event.</summary>
    /// <param name="p">One distribution (probabilities or weights, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <returns>0 ≤ TV ≤ 1 (no unit), symmetric; 1 exactly when the supports are disjoint.</returns>
    /// <exception cref="ArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double TotalVariation(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        CheckPair(p, q);
        var c = new PairContext(p, q);
        var sum = new NeumaierSum();
        for (int i = 0; i < p.Length; i++)
            sum.Add(Math.Abs(c.Difference(p[i], q[i])));
        return Math.Clamp(0.5 * c.NormalizedDifference(sum.Total), 0.0, 1.0);
    }

    /// <inheritdoc cref="TotalVariation(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double TotalVariation(DiscreteDistribution p, DiscreteDistribution q)
    {
        var a = Align(p, q);
        return TotalVariation(a.P.AsSpan(), a.Q.AsSpan());
    }
}
