using System.Globalization;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Csiszár's f-divergence D_f(p‖q) = Σ q̂ᵢ·f(p̂ᵢ/q̂ᵢ) for a convex f with f(1) = 0 (dit's <c>f_divergence</c>): f(t) = t·ln t
    /// gives D(p‖q), −ln t gives D(q‖p), (t − 1)² gives χ²(p‖q), |t − 1|/2 the total variation, (√t − 1)² twice the squared
    /// Hellinger distance.
    /// </summary>
    /// <param name="p">The first distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The second.</param>
    /// <param name="f">The convex generator, called with each ratio p̂ᵢ/q̂ᵢ ≥ 0 (with 0 where p̂ᵢ = 0); it may return +∞.</param>
    /// <param name="slopeAtInfinity">
    /// f′(∞) = lim f(t)/t as t → ∞, which gives the terms where q̂ᵢ = 0 &lt; p̂ᵢ their value p̂ᵢ·f′(∞): +∞ (the default) for
    /// t·ln t and (t − 1)², ½ for |t − 1|/2, 1 for (√t − 1)².
    /// </param>
    /// <returns>
    /// D_f ≥ 0 (in the unit of f's logarithm, if any), exactly 0 for p̂ = q̂; +∞ when a term is. Outcomes with p̂ᵢ = q̂ᵢ = 0
    /// are left out.
    /// </returns>
    /// <remarks>
    /// Each ratio is formed from the exactly normalised weights (1 + the exact relative difference near 1, exact logarithms
    /// for extreme ratios) and each term added at its outcome's level with compensated summation. The value is as exact as
    /// f at a double: near p̂ = q̂, where D_f ≈ f″(1)·Σ (p̂ − q̂)²/(2q̂), the rounding of t − 1 limits it to about 10⁻¹⁶/|t − 1|
    /// relative; the dedicated measures (<see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>,
    /// <see cref="PearsonChiSquared(ReadOnlySpan{double}, ReadOnlySpan{double})"/>, …) keep every digit there.
    /// </remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; the lengths differ; f(1) is not 0; <paramref name="slopeAtInfinity"/> is NaN; or the sum is negative beyond rounding (f is not convex).</exception>
    /// <exception cref="NotComputableException">f returns NaN or −∞ at some ratio, or a ratio exceeds the largest double (f cannot be evaluated there).</exception>
    public static double FDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, Func<double, double> f, double slopeAtInfinity = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckPair(p, q);
        if (double.IsNaN(slopeAtInfinity))
            throw new InvalidArgumentException("slopeAtInfinity is NaN: it must be f′(∞) = lim f(t)/t, a number or +∞.", nameof(slopeAtInfinity));
        double atOne = f(1.0);
        if (atOne != 0)
            throw new InvalidArgumentException(
                $"f(1) = {Preconditions.Format(atOne)}: an f-divergence needs f(1) = 0 (subtract f(1), and add c·(t − 1) for any c, without changing D_f's meaning).", nameof(f));
        var c = new ExactPair(p, q);
        var sum = new TwoLevelSum();
        var size = new TwoLevelSum();
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q[i];
            if (pi == 0 && qi == 0) continue;
            var e = c.Entry(i);
            double term;
            int level = e.Level;
            if (qi == 0)
            {
                if (double.IsPositiveInfinity(slopeAtInfinity)) return double.PositiveInfinity;
                var (w, wLevel) = c.Sp.Weight(pi);
                term = w * slopeAtInfinity;
                level = wLevel;
            }
            else
            {
                double ratio = pi == 0 ? 0 : Ratio(c, i, e);
                double value = f(ratio);
                if (double.IsNaN(value) || double.IsNegativeInfinity(value))
                    throw new NotComputableException(string.Create(CultureInfo.InvariantCulture,
                        $"f({ratio:R}) = {value}: the f-divergence needs f defined (a number or +∞) at every ratio p̂/q̂; the ratio at outcome {i} is {ratio:R}."));
                if (double.IsPositiveInfinity(value)) return double.PositiveInfinity;
                var (w, wLevel) = c.Sq.Weight(qi);
                term = w * value;
                level = wLevel;
            }
            sum.Add(term, level);
            size.Add(Math.Abs(term), level);
        }
        double total = sum.Total;
        if (total >= 0) return total;
        if (-total <= 8 * (p.Length + 1) * Kernels.ErrorBound.U * size.Total) return 0;   // rounding below 0
        throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"Σ q̂·f(p̂/q̂) = {total:R} < 0: f is not convex (a convex f with f(1) = 0 gives D_f ≥ 0 by Jensen's inequality)."), nameof(f));
    }

    /// <inheritdoc cref="FDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, Func{double, double}, double)"/>
    public static double FDivergence(DiscreteDistribution p, DiscreteDistribution q, Func<double, double> f, double slopeAtInfinity = double.PositiveInfinity)
    {
        var a = Align(p, q);
        return FDivergence(a.P.AsSpan(), a.Q.AsSpan(), f, slopeAtInfinity);
    }

    /// <summary>p̂ᵢ/q̂ᵢ for pᵢ, qᵢ &gt; 0: 1 + x near 1, else from the scaled entries, or the exact logarithm for extreme ratios.</summary>
    private static double Ratio(in ExactPair c, int i, in PairEntry e)
    {
        double x = c.RelativeExcess(e);
        if (x > -0.5 && x < 1) return 1 + x;
        double ratio = e.A / e.B * (c.Sq.Hi / c.Sp.Hi);
        if (ratio >= ScaledWeights.SmallestNormal && ratio <= double.MaxValue) return ratio;
        double log = c.LogRatio(i, e);
        if (log > 709.782712893384)
            throw new NotComputableException(string.Create(CultureInfo.InvariantCulture,
                $"p̂/q̂ = e^{log:G6} at outcome {i} exceeds the largest double: f cannot be evaluated there."));
        return Math.Exp(log);
    }
}
