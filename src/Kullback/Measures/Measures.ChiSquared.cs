using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Pearson χ² divergence χ²(p‖q) = Σ (p̂ᵢ − q̂ᵢ)² / q̂ᵢ, leaving out outcomes with p̂ᵢ = q̂ᵢ = 0.</summary>
    /// <param name="p">The observed distribution (probabilities or weights, normalised exactly).</param>
    /// <param name="q">The reference distribution.</param>
    /// <returns>χ² ≥ 0 (no unit), not symmetric; +∞ when some p̂ᵢ &gt; 0 has q̂ᵢ = 0. χ² = e^{D₂(p‖q)} − 1.</returns>
    /// <exception cref="ArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double PearsonChiSquared(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        CheckPair(p, q);
        var c = new PairContext(p, q);
        var sum = new NeumaierSum();
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q[i];
            if (qi == 0)
            {
                if (pi == 0) continue;
                return double.PositiveInfinity;
            }
            double d = c.Difference(pi, qi);
            sum.Add(c.NormalizedDifference(d) * c.RelativeExcess(d, qi));   // (p̂ − q̂)·(p̂ − q̂)/q̂
        }
        return Math.Max(0.0, sum.Total);
    }

    /// <inheritdoc cref="PearsonChiSquared(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double PearsonChiSquared(DiscreteDistribution p, DiscreteDistribution q)
    {
        var a = Align(p, q);
        return PearsonChiSquared(a.P.AsSpan(), a.Q.AsSpan());
    }
}
