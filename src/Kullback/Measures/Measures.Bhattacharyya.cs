using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Bhattacharyya distance D_B(p, q) = −log Σ √(p̂ᵢ·q̂ᵢ).</summary>
    /// <param name="p">One distribution (probabilities or weights, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>D_B ≥ 0, symmetric (not a metric); +∞ when the supports are disjoint. Equals ½ of the Rényi divergence of order ½.</returns>
    /// <remarks>Near p = q the coefficient is taken as 1 − H² with the Hellinger distance H computed without cancellation.</remarks>
    /// <exception cref="ArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double Bhattacharyya(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit = default)
    {
        CheckPair(p, q);
        return unit.FromNats(BhattacharyyaNats(p, q));
    }

    /// <inheritdoc cref="Bhattacharyya(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    public static double Bhattacharyya(DiscreteDistribution p, DiscreteDistribution q, InformationUnit unit = default)
    {
        var a = Align(p, q);
        return Bhattacharyya(a.P.AsSpan(), a.Q.AsSpan(), unit);
    }

    internal static double BhattacharyyaNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double h2 = HellingerSquared(p, q);
        if (h2 < 0.5) return -Elementary.LogOnePlus(-h2);

        // Far apart: the coefficient itself is small and best summed directly.
        var sp = ExactSum.Of(p);
        var sq = ExactSum.Of(q);
        var sum = new NeumaierSum();
        for (int i = 0; i < p.Length; i++)
            sum.Add(Math.Sqrt(sp.Normalized(p[i])) * Math.Sqrt(sq.Normalized(q[i])));
        double coefficient = sum.Total;
        return coefficient <= 0 ? double.PositiveInfinity : Math.Max(0.0, -Math.Log(coefficient));
    }
}
