using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Rényi divergence of order α: D_α(p‖q) = log(Σ p̂ᵢ^α·q̂ᵢ^(1−α)) / (α − 1), the sum over p̂ᵢ &gt; 0.
    /// </summary>
    /// <param name="p">The true distribution (probabilities or weights, normalised exactly).</param>
    /// <param name="q">The approximation.</param>
    /// <param name="alpha">The order: finite and &gt; 0. α = 1 gives D(p‖q), the limit as α → 1; α = ½ gives twice the Bhattacharyya distance; α = 2 gives log(1 + χ²).</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>
    /// D_α ≥ 0, non-decreasing in α, exactly 0 when p̂ = q̂. +∞ when α &gt; 1 and some p̂ᵢ &gt; 0 has q̂ᵢ = 0, or when the
    /// sum is 0 (α &lt; 1 and disjoint supports).
    /// </returns>
    /// <remarks>
    /// When the sum A is far from 1 it is taken as a log-sum-exp of α·ln p̂ᵢ + (1 − α)·ln q̂ᵢ (no overflow for large α).
    /// When A is near 1, ln A would cancel, so A − 1 = (α − 1)·Σ q̂ᵢ·g(xᵢ) is summed instead, with
    /// g(x) = ((1+x)^α − 1 − αx)/(α − 1) = φ(1+x) + (1+x)·ln(1+x)·(E(y) − 1), y = (α − 1)·ln(1+x), E(y) = (eʸ − 1)/y,
    /// from the exact relative differences xᵢ. Accuracy degrades as 1/α for α below about 0.01.
    /// </remarks>
    /// <exception cref="ArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not finite and positive.</exception>
    public static double Renyi(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha, InformationUnit unit = default)
    {
        CheckPair(p, q);
        Preconditions.CheckRenyiOrder(alpha, nameof(alpha));
        return unit.FromNats(RenyiNats(p, q, alpha));
    }

    /// <inheritdoc cref="Renyi(ReadOnlySpan{double}, ReadOnlySpan{double}, double, InformationUnit)"/>
    public static double Renyi(DiscreteDistribution p, DiscreteDistribution q, double alpha, InformationUnit unit = default)
    {
        var a = Align(p, q);
        return Renyi(a.P.AsSpan(), a.Q.AsSpan(), alpha, unit);
    }

    internal static double RenyiNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha)
    {
        if (alpha == 1.0) return KullbackLeiblerNats(p, q);
        double beta = alpha - 1.0;
        var c = new PairContext(p, q);

        // ln A by an online log-sum-exp.
        double max = double.NegativeInfinity;
        var scaled = new NeumaierSum();
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q[i];
            if (pi == 0) continue;
            if (qi == 0)
            {
                if (alpha > 1) return double.PositiveInfinity;
                continue;   // p̂^α·0^(1−α) = 0
            }
            double exponent = alpha * c.Sp.LogOfNormalized(i, pi) + (1.0 - alpha) * c.Sq.LogOfNormalized(i, qi);
            if (exponent > max)
            {
                scaled.Scale(Math.Exp(max - exponent));
                max = exponent;
                scaled.Add(1.0);
            }
            else
            {
                scaled.Add(Math.Exp(exponent - max));
            }
        }
        if (double.IsNegativeInfinity(max)) return double.PositiveInfinity;   // A = 0
        double logA = max + Math.Log(scaled.Total);
        if (logA <= -Math.Log(2.0) || logA >= Math.Log(1.5))
            return Math.Max(0.0, logA / beta);

        // A near 1: sum the excess A − 1 = β·Σ q̂·g(x) instead.
        var excess = new NeumaierSum();
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q[i];
            if (pi == 0)
            {
                if (qi > 0) excess.Add(c.Sq.Normalized(qi));   // g(−1) = 1
                continue;
            }
            if (qi == 0)
            {
                excess.Add(c.Sp.Normalized(pi) * alpha / (1.0 - alpha));   // the limit of q̂·g(x) as q̂ → 0, α < 1
                continue;
            }
            excess.Add(RenyiExcessTerm(c, i, pi, qi, alpha));
        }
        return Math.Max(0.0, Elementary.LogOnePlus(beta * excess.Total) / beta);
    }

    /// <summary>q̂ᵢ·((1+x)^α − 1 − αx)/(α − 1) for pᵢ, qᵢ &gt; 0, x = p̂ᵢ/q̂ᵢ − 1.</summary>
    private static double RenyiExcessTerm(in PairContext c, int i, double pi, double qi, double alpha)
    {
        double beta = alpha - 1.0;
        double d = c.Difference(pi, qi);
        double x = c.RelativeExcess(d, qi);
        double pHat = c.Sp.Normalized(pi), qHat = c.Sq.Normalized(qi);
        if (x > -0.5 && x < 1)
        {
            double log1px = Elementary.LogOnePlus(x);
            double near = qHat * (Elementary.Phi(x, log1px) + (1.0 + x) * log1px * Elementary.ExpRatioMinusOne(beta * log1px));
            return double.IsFinite(near) ? near : qHat * (Math.Exp(alpha * log1px) - 1.0 - alpha * x) / beta;
        }
        // Far from r = 1 the same quantity is p̂·L·E(βL) − (p̂ − q̂) with L = ln(p̂/q̂) from exact logarithms,
        // which neither overflows for huge ratios nor loses 1 + x for tiny ones.
        double logRatio = c.LogRatio(i, pi, qi);
        double term = pHat * logRatio * (1.0 + Elementary.ExpRatioMinusOne(beta * logRatio)) - c.NormalizedDifference(d);
        if (double.IsFinite(term)) return term;
        double weighted = Math.Exp(alpha * c.Sp.LogOfNormalized(i, pi) + (1.0 - alpha) * c.Sq.LogOfNormalized(i, qi));
        term = (weighted - pHat) / beta - c.NormalizedDifference(d);
        return term;
    }
}
