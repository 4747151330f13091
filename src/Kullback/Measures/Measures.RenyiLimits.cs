using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Rényi divergence of order 0 or ∞ on unchecked vectors (the limits the general formula cannot take).</summary>
    private static double RenyiLimitNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha)
    {
        CheckPair(p, q);
        return alpha == 0 ? RenyiZeroNats(p, q) : RenyiInfinityNats(p, q);
    }

    /// <summary>
    /// D₀(p‖q) = −ln Σ_{p̂ᵢ&gt;0} q̂ᵢ = −ln(1 − Σ_{p̂ᵢ=0} q̂ᵢ): the smaller of the two parts of q's mass is summed in
    /// double-double (deep entries at their level), so that −log1p(−ε) keeps ε's digits and −ln of a tiny inside part its.
    /// </summary>
    internal static double RenyiZeroNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var sq = ScaledWeights.Of(q);
        DoubleDouble inside = DoubleDouble.Zero, outside = DoubleDouble.Zero, insideDeep = DoubleDouble.Zero, outsideDeep = DoubleDouble.Zero;
        for (int i = 0; i < q.Length; i++)
        {
            double qi = q[i];
            if (qi == 0) continue;
            double s = sq.Scale(qi);
            bool deep = ScaledWeights.IsDeep(s);
            if (p[i] > 0)
            {
                if (deep) insideDeep += sq.ScaleDeep(qi);
                else inside += s;
            }
            else
            {
                if (deep) outsideDeep += sq.ScaleDeep(qi);
                else outside += s;
            }
        }
        if (inside.Hi == 0 && insideDeep.Hi == 0) return double.PositiveInfinity;   // disjoint supports
        if (outside.Hi == 0 && outsideDeep.Hi == 0) return 0;
        double total = sq.Hi;
        double outsideValue = outside.Value + Math.ScaleB(outsideDeep.Value, -ScaledWeights.DeepShift);
        double insideValue = inside.Value + Math.ScaleB(insideDeep.Value, -ScaledWeights.DeepShift);
        if (outsideValue <= insideValue)
            return Math.Max(0.0, -Elementary.LogOnePlus(-outsideValue / total));
        if (inside.Hi == 0)   // the part of q inside p's support is all deep: its logarithm from the deep level
            return Math.Max(0.0, -(Math.Log(insideDeep.Value) - ScaledWeights.DeepShift * Math.Log(2.0) - sq.LogTotal));
        return Math.Max(0.0, -Math.Log(insideValue / total));
    }

    /// <summary>
    /// D_∞(p‖q) = ln maxᵢ p̂ᵢ/q̂ᵢ over p̂ᵢ &gt; 0, each logarithm exact (log1p of the exact relative difference near 1, log space
    /// for extreme ratios); +∞ when some p̂ᵢ &gt; 0 has q̂ᵢ = 0.
    /// </summary>
    internal static double RenyiInfinityNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var c = new ExactPair(p, q);
        double largest = double.NegativeInfinity;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] == 0) continue;
            if (q[i] == 0) return double.PositiveInfinity;
            var e = c.Entry(i);
            double x = c.RelativeExcess(e);
            double log = x > -0.5 && x < 1 ? Elementary.LogOnePlus(x) : c.LogRatio(i, e);
            largest = Math.Max(largest, log);
        }
        return Math.Max(0.0, largest);
    }
}
