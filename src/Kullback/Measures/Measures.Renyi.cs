using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Rényi divergence of order α: D_α(p‖q) = log(Σ p̂ᵢ^α·q̂ᵢ^(1−α)) / (α − 1), the sum over p̂ᵢ &gt; 0.
    /// </summary>
    /// <param name="p">The true distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The approximation.</param>
    /// <param name="alpha">The order, 0 ≤ α ≤ ∞. α = 1 gives D(p‖q), the limit as α → 1; α = ½ gives twice the Bhattacharyya distance; α = 2 gives log(1 + χ²); α = 0 gives −log Σ_{p̂ᵢ&gt;0} q̂ᵢ (the limit as α → 0 of the sum over p̂ᵢ &gt; 0); α = ∞ gives log maxᵢ p̂ᵢ/q̂ᵢ.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>
    /// D_α ≥ 0, non-decreasing in α, exactly 0 when p̂ = q̂. +∞ when α &gt; 1 and some p̂ᵢ &gt; 0 has q̂ᵢ = 0, or when the
    /// sum is 0 (α &lt; 1 and disjoint supports). D₀ is 0 whenever q's support lies inside p's, and +∞ for disjoint supports.
    /// </returns>
    /// <remarks>
    /// The fused pass: orders ½, 1 and 2 through the Bhattacharyya, Kullback–Leibler and χ² passes, any other order as
    /// Σ qᵢ·e^(α·ln(pᵢ/qᵢ)). The exact path: when the sum A is far from 1, a log-sum-exp of α·ln p̂ᵢ + (1 − α)·ln q̂ᵢ (no
    /// overflow for large α); when A is near 1, ln A would cancel, so A − 1 = (α − 1)·Σ q̂ᵢ·g(xᵢ) is summed instead, with
    /// g(x) = ((1+x)^α − 1 − αx)/(α − 1) = φ(1+x) + (1+x)·ln(1+x)·(E(y) − 1), y = (α − 1)·ln(1+x), E(y) = (eʸ − 1)/y,
    /// from the exact relative differences xᵢ. Accuracy degrades as 1/α for α below about 0.01.
    /// </remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; the lengths differ; or <paramref name="alpha"/> is negative or NaN.</exception>
    public static double Renyi(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha, InformationUnit unit = default) =>
        Renyi(p, q, alpha, unit, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="Renyi(ReadOnlySpan{double}, ReadOnlySpan{double}, double, InformationUnit)"/>
    /// <param name="p">The true distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The approximation.</param>
    /// <param name="alpha">The order, 0 ≤ α ≤ ∞.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double Renyi(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha, InformationUnit unit, int maxDegreeOfParallelism)
    {
        Preconditions.CheckOrder(alpha, nameof(alpha));
        if (alpha == 0 || double.IsPositiveInfinity(alpha)) return unit.FromNats(RenyiLimitNats(p, q, alpha));
        if (p.Length != q.Length || p.IsEmpty) CheckPair(p, q);
        var settings = KernelSettings.WithParallelism(maxDegreeOfParallelism);
        if (TryRenyi(p, q, alpha, settings, out double fast)) return unit.FromNats(fast);
        CheckPair(p, q);
        return unit.FromNats(alpha == 1.0 ? ExactKullbackLeiblerNats(p, q, settings) : RenyiNats(p, q, alpha));
    }

    /// <summary>D_α(p‖q) for single-precision inputs (read as floats, computed in double).</summary>
    /// <inheritdoc cref="Renyi(ReadOnlySpan{double}, ReadOnlySpan{double}, double, InformationUnit, int)"/>
    public static double Renyi(ReadOnlySpan<float> p, ReadOnlySpan<float> q, double alpha, InformationUnit unit = default, int maxDegreeOfParallelism = -1)
    {
        Preconditions.CheckOrder(alpha, nameof(alpha));
        if (alpha == 0 || double.IsPositiveInfinity(alpha)) return unit.FromNats(RenyiLimitNats(Widen(p), Widen(q), alpha));
        var settings = KernelSettings.WithParallelism(maxDegreeOfParallelism);
        if (p.Length == q.Length && !p.IsEmpty && TryRenyi(p, q, alpha, settings, out double fast)) return unit.FromNats(fast);
        double[] pd = Widen(p), qd = Widen(q);
        CheckPair(pd, qd);
        return unit.FromNats(alpha == 1.0 ? ExactKullbackLeiblerNats(pd, qd, settings) : RenyiNats(pd, qd, alpha));
    }

    /// <inheritdoc cref="Renyi(ReadOnlySpan{double}, ReadOnlySpan{double}, double, InformationUnit)"/>
    public static double Renyi(DiscreteDistribution p, DiscreteDistribution q, double alpha, InformationUnit unit = default)
    {
        var a = Align(p, q);
        return Renyi(a.P.AsSpan(), a.Q.AsSpan(), alpha, unit);
    }

    /// <summary>The fast pass for the order: ½, 1 and 2 share the Bhattacharyya, Kullback–Leibler and χ² passes.</summary>
    private static bool TryRenyi<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, double alpha, KernelSettings settings, out double nats) where T : unmanaged
    {
        switch (alpha)
        {
            case 1.0:
                return KullbackLeiblerKernel.TryForward(p, q, settings, out nats);
            case 0.5:
                bool accepted = HellingerKernel.TryBhattacharyya(p, q, settings, out double bhattacharyya);
                nats = 2 * bhattacharyya;
                return accepted;
            case 2.0:
                bool ok = ChiSquaredKernel.TryDivergence(p, q, settings, out double chi2);
                nats = Elementary.LogOnePlus(chi2);   // relatively no worse than χ²
                return ok;
            default:
                return RenyiKernel.TryDivergence(p, q, alpha, settings, out nats);
        }
    }

    /// <summary>The exact path for α ≠ 1.</summary>
    internal static double RenyiNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha)
    {
        if (alpha == 1.0) return KullbackLeiblerNats(p, q);
        double beta = alpha - 1.0;
        var c = new ExactPair(p, q);

        // ln A by a log-sum-exp over the exact logarithms.
        var logSum = new LogSumExp();
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q[i];
            if (pi == 0) continue;
            if (qi == 0)
            {
                if (alpha > 1) return double.PositiveInfinity;
                continue;   // p̂^α·0^(1−α) = 0
            }
            logSum.Add(alpha * c.LogP(i) + (1.0 - alpha) * c.LogQ(i));
        }
        if (logSum.IsEmpty) return double.PositiveInfinity;   // A = 0
        double logA = logSum.Log;
        if (logA <= -Math.Log(2.0) || logA >= Math.Log(1.5))
            return Math.Max(0.0, logA / beta);

        // A near 1: sum the excess A − 1 = β·Σ q̂·g(x) instead, every outcome at its level.
        var excess = new TwoLevelSum();
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q[i];
            if (pi == 0)
            {
                if (qi > 0)
                {
                    var (w, level) = c.Sq.Weight(qi);   // g(−1) = 1
                    excess.Add(w, level);
                }
                continue;
            }
            if (qi == 0)
            {
                var (w, level) = c.Sp.Weight(pi);   // the limit of q̂·g(x) as q̂ → 0, α < 1
                excess.Add(w * alpha / (1.0 - alpha), level);
                continue;
            }
            var e = c.Entry(i);
            excess.Add(RenyiExcessTerm(c, i, e, alpha), e.Level);
        }
        return Math.Max(0.0, Elementary.LogOnePlus(beta * excess.Total) / beta);
    }

    /// <summary>q̂ᵢ·((1+x)^α − 1 − αx)/(α − 1) for pᵢ, qᵢ &gt; 0, x = p̂ᵢ/q̂ᵢ − 1, at the outcome's level.</summary>
    private static double RenyiExcessTerm(in ExactPair c, int i, in PairEntry e, double alpha)
    {
        double beta = alpha - 1.0;
        double x = c.RelativeExcess(e);
        double pHat = c.PHat(e), qHat = c.QHat(e), difference = c.NormalizedDifference(e.D);
        if (x > -0.5 && x < 1)
        {
            double log1px = Elementary.LogOnePlus(x);
            double near = qHat * (Elementary.Phi(x, log1px) + (1.0 + x) * log1px * Elementary.ExpRatioMinusOne(beta * log1px));
            return double.IsFinite(near) ? near : qHat * (Math.Exp(alpha * log1px) - 1.0 - alpha * x) / beta;
        }
        // Far from r = 1 the same quantity is p̂·L·E(βL) − (p̂ − q̂) with L = ln(p̂/q̂) from exact logarithms,
        // which neither overflows for huge ratios nor loses 1 + x for tiny ones.
        double logRatio = c.LogRatio(i, e);
        double term = pHat * logRatio * (1.0 + Elementary.ExpRatioMinusOne(beta * logRatio)) - difference;
        if (double.IsFinite(term)) return term;
        double weighted = Math.ScaleB(Math.Exp(alpha * c.LogP(i) + (1.0 - alpha) * c.LogQ(i)), e.Level);
        return (weighted - pHat) / beta - difference;
    }
}
