using Kullback.Numerics;
using MathNet.Numerics.Distributions;
using static Kullback.Continuous.DivergenceTerms;

namespace Kullback.Continuous;

/// <summary>
/// D(P‖Q) in closed form, in nats, for two members of the same family (MathNet.Numerics distributions), accurate to
/// about 1e-14 relative over each parameter's whole range (1e-300 to 1e300 and near-equal pairs), checked against
/// 50-digit mpmath references (<c>tests/reference/make_continuous_cases.py</c>).
/// </summary>
/// <remarks>
/// <para>Every formula is written as a sum of non-negative terms, each computed without overflow or cancellation:
/// logarithms of ratios through <c>ln(1 + (a − b)/b)</c>, g(L) = L − 1 + e^(−L) by its series near 0, and ln Γ, ψ
/// differences through Stirling's series (their Bregman divergence summed term by term). So two near-identical
/// distributions give a divergence with all its digits, and identical ones give exactly 0.</para>
/// <para>+∞ when P has mass where Q has none (uniform or Pareto supports, a Bernoulli-type probability of 0 or 1).
/// A finite value beyond the largest double (≈ 1.8e308 nats) throws <see cref="NotComputableException"/>. Parameters
/// outside a family's range (σ = 0, an infinite rate, a NaN mean), which MathNet partly accepts, throw
/// <see cref="InvalidArgumentException"/> naming the parameter.</para>
/// </remarks>
public static class ClosedFormDivergence
{
    /// <summary>
    /// Normal: ln(σq/σp) + (σp² + (μp − μq)²)/(2σq²) − ½, computed as ½·g(2 ln(σq/σp)) + ½((μp − μq)/σq)², both terms ≥ 0.
    /// </summary>
    /// <exception cref="InvalidArgumentException">A mean is not finite or a σ is not finite and positive.</exception>
    /// <exception cref="NotComputableException">The value exceeds the largest double.</exception>
    public static double KullbackLeibler(Normal p, Normal q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var (mp, sp) = FamilyParameters.Of(p, "P");
        var (mq, sq) = FamilyParameters.Of(q, "Q");
        return Gaussian(mp, sp, mq, sq, p, q);
    }

    /// <summary>Log-normal: the divergence of the normals of ln X (a change of variables leaves D unchanged).</summary>
    /// <exception cref="InvalidArgumentException">A μ is not finite or a σ is not finite and positive.</exception>
    /// <exception cref="NotComputableException">The value exceeds the largest double.</exception>
    public static double KullbackLeibler(LogNormal p, LogNormal q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var (mp, sp) = FamilyParameters.Of(p, "P");
        var (mq, sq) = FamilyParameters.Of(q, "Q");
        return Gaussian(mp, sp, mq, sq, p, q);
    }

    /// <summary>Exponential with rates λp, λq: λq/λp − 1 − ln(λq/λp) = g(ln(λp/λq)).</summary>
    /// <exception cref="InvalidArgumentException">A rate is not finite and positive.</exception>
    /// <exception cref="NotComputableException">The value exceeds the largest double.</exception>
    public static double KullbackLeibler(Exponential p, Exponential q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        return Finite(RatioDivergence(FamilyParameters.Of(q, "Q"), FamilyParameters.Of(p, "P")), p, q);
    }

    /// <summary>
    /// Gamma with shapes k and rates θ: (kp − kq)ψ(kp) − ln Γ(kp) + ln Γ(kq) + kq ln(θp/θq) + kp(θq − θp)/θp, computed as
    /// ½·g(ln(kp/kq)) + B_S(kp, kq) + kq·g(ln(θp·kq/(θq·kp))): the divergence between gammas of equal mean (Stirling's
    /// main part and the Bregman divergence of its remainder S) plus the cost of the mismatched mean, all ≥ 0.
    /// </summary>
    /// <exception cref="InvalidArgumentException">A shape or rate is not finite and positive.</exception>
    /// <exception cref="NotComputableException">The value exceeds the largest double.</exception>
    public static double KullbackLeibler(Gamma p, Gamma q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var (kp, tp) = FamilyParameters.Of(p, "P");
        var (kq, tq) = FamilyParameters.Of(q, "Q");
        return Finite(GammaDivergence(kp, tp, kq, tq), p, q);
    }

    /// <summary>
    /// Beta: ln B(aq, bq) − ln B(ap, bp) + (ap − aq)ψ(ap) + (bp − bq)ψ(bp) + (aq − ap + bq − bp)ψ(ap + bp), computed as
    /// the Bregman divergence of ln B split by Stirling's series: cq·D(Bernoulli(aq/cq)‖Bernoulli(ap/cp)) (as two
    /// relative-entropy terms) + ½[g(ln(ap/aq)) + g(ln(bp/bq)) − g(ln(cp/cq))] + B_S(ap, aq) + B_S(bp, bq) − B_S(cp, cq),
    /// with c = a + b. Neither ln B(1e300, 1e300) nor its cancellation is ever formed.
    /// </summary>
    /// <exception cref="InvalidArgumentException">A shape is not finite and positive.</exception>
    /// <exception cref="NotComputableException">The value exceeds the largest double.</exception>
    public static double KullbackLeibler(Beta p, Beta q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var (ap, bp) = FamilyParameters.Of(p, "P");
        var (aq, bq) = FamilyParameters.Of(q, "Q");
        return Finite(BetaDivergence(ap, bp, aq, bq), p, q);
    }

    /// <summary>
    /// Laplace with locations μ and scales b: ln(bq/bp) + |μp − μq|/bq + (bp/bq)·e^(−|μp − μq|/bp) − 1, computed as
    /// g(ln(bq/bp)) + (bp/bq)·g(|μp − μq|/bp), both ≥ 0.
    /// </summary>
    /// <exception cref="InvalidArgumentException">A location is not finite or a scale is not finite and positive.</exception>
    /// <exception cref="NotComputableException">The value exceeds the largest double.</exception>
    public static double KullbackLeibler(Laplace p, Laplace q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var (mp, bp) = FamilyParameters.Of(p, "P");
        var (mq, bq) = FamilyParameters.Of(q, "Q");
        double scales = G(LogRatio(bq, bp));
        double z = Math.Abs(ScaledDifference(mp, mq, bp));
        double ratio = bp / bq;
        // (bp/bq)·g(z); for large z, g(z) = z − 1 + e^(−z) and (bp/bq)·z = |μp − μq|/bq.
        double location = z < 40 ? ratio * G(z) : Math.Abs(ScaledDifference(mp, mq, bq)) - ratio;
        return Finite(scales + location, p, q);
    }

    /// <summary>Uniform on [a, b]: ln((bq − aq)/(bp − ap)) when [ap, bp] ⊆ [aq, bq], else +∞.</summary>
    /// <exception cref="InvalidArgumentException">A bound is not finite or lower ≥ upper.</exception>
    public static double KullbackLeibler(ContinuousUniform p, ContinuousUniform q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var (ap, bp) = FamilyParameters.Of(p, "P");
        var (aq, bq) = FamilyParameters.Of(q, "Q");
        if (ap < aq || bp > bq) return double.PositiveInfinity;
        if (ap == aq && bp == bq) return 0;
        // Half-widths, which cannot overflow, and their difference from the bounds' steps (each exact when close).
        double halfP = 0.5 * bp - 0.5 * ap, halfQ = 0.5 * bq - 0.5 * aq;
        double halfDifference = (0.5 * bq - 0.5 * bp) + (0.5 * ap - 0.5 * aq);
        return Math.Abs(halfDifference) < 0.5 * halfP
            ? Elementary.LogOnePlus(halfDifference / halfP)
            : LogRatio(halfQ, halfP);
    }

    /// <summary>
    /// Pareto with scales xₘ and shapes α: αq/αp − 1 − ln(αq/αp) + αq·ln(xₘp/xₘq) = g(ln(αp/αq)) + αq·ln(xₘp/xₘq) when
    /// xₘp ≥ xₘq; +∞ when xₘp &lt; xₘq (P has mass on [xₘp, xₘq), where Q has none).
    /// </summary>
    /// <exception cref="InvalidArgumentException">A scale or shape is not finite and positive.</exception>
    /// <exception cref="NotComputableException">The value exceeds the largest double.</exception>
    public static double KullbackLeibler(Pareto p, Pareto q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var (xp, alphaP) = FamilyParameters.Of(p, "P");
        var (xq, alphaQ) = FamilyParameters.Of(q, "Q");
        if (xp < xq) return double.PositiveInfinity;
        return Finite(G(LogRatio(alphaP, alphaQ)) + alphaQ * LogRatio(xp, xq), p, q);
    }

    /// <summary>Poisson: λp·ln(λp/λq) + λq − λp, one relative-entropy term ≥ 0.</summary>
    /// <exception cref="InvalidArgumentException">A λ is not finite and positive.</exception>
    /// <exception cref="NotComputableException">The value exceeds the largest double.</exception>
    public static double KullbackLeibler(Poisson p, Poisson q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        return Finite(RelativeEntropyTerm(FamilyParameters.Of(p, "P"), FamilyParameters.Of(q, "Q")), p, q);
    }

    /// <summary>
    /// Binomial with the same n: n·D(Bernoulli(pp)‖Bernoulli(pq)), the Bernoulli divergence as two relative-entropy
    /// terms (the second from pq − pp, so probabilities near 1 or near each other keep their digits); +∞ when pq is
    /// 0 or 1 and pp is not.
    /// </summary>
    /// <exception cref="InvalidArgumentException">The numbers of trials differ, or a p is outside [0, 1].</exception>
    public static double KullbackLeibler(Binomial p, Binomial q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var (np, pp) = FamilyParameters.Of(p, "P");
        var (nq, pq) = FamilyParameters.Of(q, "Q");
        if (np != nq) throw new InvalidArgumentException($"The closed form needs the same n; got {np} and {nq}.", nameof(q));
        if (np == 0) return 0;
        return np * Bernoulli(pp, pq);
    }

    /// <summary>
    /// Geometric: ln(pp/pq) + ((1 − pp)/pp)·ln((1 − pp)/(1 − pq)) = D(Bernoulli(pp)‖Bernoulli(pq))/pp (one Bernoulli trial
    /// per expected 1/pp); the same whether it counts trials or failures.
    /// </summary>
    /// <exception cref="InvalidArgumentException">A p is outside (0, 1].</exception>
    /// <exception cref="NotComputableException">The value exceeds the largest double.</exception>
    public static double KullbackLeibler(Geometric p, Geometric q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        double a = FamilyParameters.Of(p, "P"), b = FamilyParameters.Of(q, "Q");
        double perTrial = Bernoulli(a, b);
        return double.IsPositiveInfinity(perTrial) ? perTrial : Finite(perTrial / a, p, q);
    }

    /// <summary>
    /// Negative binomial (failures before the r-th success) with the same r: r·D(Bernoulli(pp)‖Bernoulli(pq))/pp.
    /// With r = 1 this is the geometric distribution counting failures, as <c>kullback fit</c> and <c>kullback continuous</c> do.
    /// </summary>
    /// <exception cref="InvalidArgumentException">The values of r differ, or a parameter is outside its range.</exception>
    /// <exception cref="NotComputableException">The value exceeds the largest double.</exception>
    public static double KullbackLeibler(NegativeBinomial p, NegativeBinomial q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var (rp, pp) = FamilyParameters.Of(p, "P");
        var (rq, pq) = FamilyParameters.Of(q, "Q");
        if (rp != rq) throw new InvalidArgumentException($"The closed form needs the same r; got {FamilyParameters.Format(rp)} and {FamilyParameters.Format(rq)}.", nameof(q));
        double perTrial = Bernoulli(pp, pq);
        if (double.IsPositiveInfinity(perTrial)) return perTrial;
        return Finite(perTrial == 0 ? 0 : rp * (perTrial / pp), p, q);
    }

    /// <summary>
    /// The closed form for two distributions of the same family (an exponential counting as the gamma of shape 1), or
    /// null when none applies (different families, binomials with different n, negative binomials with different r).
    /// </summary>
    /// <exception cref="InvalidArgumentException">A parameter is outside its family's range.</exception>
    /// <exception cref="NotComputableException">The value exceeds the largest double.</exception>
    public static double? TryKullbackLeibler(IUnivariateDistribution p, IUnivariateDistribution q) => (p, q) switch
    {
        (Normal a, Normal b) => KullbackLeibler(a, b),
        (LogNormal a, LogNormal b) => KullbackLeibler(a, b),
        (Exponential a, Exponential b) => KullbackLeibler(a, b),
        (Gamma a, Gamma b) => KullbackLeibler(a, b),
        (Exponential a, Gamma b) => KullbackLeibler(new Gamma(1, a.Rate), b),
        (Gamma a, Exponential b) => KullbackLeibler(a, new Gamma(1, b.Rate)),
        (Beta a, Beta b) => KullbackLeibler(a, b),
        (Laplace a, Laplace b) => KullbackLeibler(a, b),
        (ContinuousUniform a, ContinuousUniform b) => KullbackLeibler(a, b),
        (Pareto a, Pareto b) => KullbackLeibler(a, b),
        (Poisson a, Poisson b) => KullbackLeibler(a, b),
        (ZeroRatePoisson, Poisson b) => FamilyParameters.Of(b, "Q"),   // 0·ln(0/λ) + λ − 0
        (Poisson, ZeroRatePoisson) => double.PositiveInfinity,
        (ZeroRatePoisson, ZeroRatePoisson) => 0,
        (Binomial a, Binomial b) when a.N == b.N => KullbackLeibler(a, b),
        (Geometric a, Geometric b) => KullbackLeibler(a, b),
        (NegativeBinomial a, NegativeBinomial b) when a.R == b.R => KullbackLeibler(a, b),
        _ => null,
    };

    /// <summary>½·g(2 ln(σq/σp)) + ½·((μp − μq)/σq)².</summary>
    private static double Gaussian(double mp, double sp, double mq, double sq, object p, object q)
    {
        double variance = 0.5 * G(2 * LogRatio(sq, sp));
        double z = ScaledDifference(mp, mq, sq);
        return Finite(variance + 0.5 * z * z, p, q);
    }

    /// <summary>The gamma divergence for validated parameters (see <see cref="KullbackLeibler(Gamma, Gamma)"/>).</summary>
    internal static double GammaDivergence(double kp, double tp, double kq, double tq)
    {
        double shapes = 0.5 * G(LogRatio(kp, kq)) + StirlingSeries.BregmanRemainder(kp, kq, kq - kp);
        // kq·g(L) with L = ln(θp/θq) + ln(kq/kp): the mean mismatch, as the relative-entropy term of kq against kp·θq/θp.
        double L = LogRatio(tp, tq) + LogRatio(kq, kp);
        double mean = L >= -700 ? kq * G(L) : MeanMismatchFromLogs(kq, kp, tp, tq, L);
        return shapes + mean;
    }

    /// <summary>kq·g(L) when e^(−L) overflows: kq·(L − 1) + kp·θq/θp, the last term from logarithms.</summary>
    private static double MeanMismatchFromLogs(double kq, double kp, double tp, double tq, double L)
    {
        double big = Math.Exp(Math.Log(kp) + LogRatio(tq, tp));
        return kq * (L - 1) + big;
    }

    /// <summary>The beta divergence for validated parameters (see <see cref="KullbackLeibler(Beta, Beta)"/>).</summary>
    internal static double BetaDivergence(double ap, double bp, double aq, double bq)
    {
        if (ap == aq && bp == bq) return 0;
        double da = aq - ap, db = bq - bp;
        // c = a + b as half-sums, so that a + b beyond the double range does not overflow; Δc from the exact steps.
        double hp = 0.5 * ap + 0.5 * bp, hq = 0.5 * aq + 0.5 * bq;
        double cp = 2 * hp, cq = 2 * hq, dc = da + db;
        double logC = Math.Abs(dc) < hp ? Elementary.LogOnePlus(0.5 * dc / hp) : LogRatio(hq, hp);   // ln(cq/cp)
        // The Bernoulli part, cq·D(Bernoulli(aq/cq)‖Bernoulli(ap/cp)) = RE(aq, ap·cq/cp) + RE(bq, bp·cq/cp), with
        // La = ln(aq·cp/(ap·cq)) = ln(1 + (aq·bp − ap·bq)/(ap·cq)) and likewise Lb.
        double cross = CrossDifference(aq, bp, ap, bq);                 // aq·bp − ap·bq
        double La = LogOfOnePlusCross(cross, ap, hq, LogRatio(aq, ap) - logC);
        double Lb = LogOfOnePlusCross(-cross, bp, hq, LogRatio(bq, bp) - logC);
        var sum = new NeumaierSum();
        sum.Add(RelativeEntropyTerm(aq, BetaScaled(ap, logC), La));
        sum.Add(RelativeEntropyTerm(bq, BetaScaled(bp, logC), Lb));
        // ½[F(ra) + F(rb) − F(rc)] with r = q/p and F(r) = r − 1 − ln r = g(−ln r). rc is the mean of ra and rb weighted
        // by ap/cp and bp/cp, so F(ra) − F(rc) = (rc − 1)(e^La − 1) + g(−La) for the heavier of a and b: no cancellation
        // when one of them dominates.
        double rcMinusOne = Elementary.ExpMinusOne(logC);
        if (ap >= bp)
        {
            sum.Add(0.5 * (rcMinusOne * Elementary.ExpMinusOne(La)));
            sum.Add(0.5 * G(-La));
            sum.Add(0.5 * G(LogRatio(bp, bq)));
        }
        else
        {
            sum.Add(0.5 * (rcMinusOne * Elementary.ExpMinusOne(Lb)));
            sum.Add(0.5 * G(-Lb));
            sum.Add(0.5 * G(LogRatio(ap, aq)));
        }
        sum.Add(StirlingSeries.BregmanRemainder(ap, aq, da));
        sum.Add(StirlingSeries.BregmanRemainder(bp, bq, db));
        sum.Add(-(double.IsInfinity(cp) ? 0 : StirlingSeries.BregmanRemainder(cp, cq, dc)));
        return Math.Max(0, sum.Total);
    }

    /// <summary>x·cq/cp from ln(cq/cp), for the case where the relative-entropy term needs it (L &lt; −700).</summary>
    private static double BetaScaled(double x, double logC) => x * Math.Exp(logC);

    /// <summary>a·b − c·d with one rounding (fused multiply–add), or the plain difference where the products over- or underflow.</summary>
    private static double CrossDifference(double a, double b, double c, double d)
    {
        double cd = c * d;
        if (!double.IsNormal(cd) || !double.IsNormal(a * b) || double.IsInfinity(cd)) return a * b - cd;
        double error = Math.FusedMultiplyAdd(c, d, -cd);
        return Math.FusedMultiplyAdd(a, b, -cd) - error;
    }

    /// <summary>ln(1 + cross/(x·cq)) when that ratio is small and computable, else the fallback sum of logarithms.</summary>
    private static double LogOfOnePlusCross(double cross, double x, double hq, double fallback)
    {
        double denominator = x * hq * 2;
        if (!double.IsNormal(denominator) || double.IsInfinity(denominator) || !double.IsFinite(cross)) return fallback;
        double v = cross / denominator;
        return Math.Abs(v) < 0.5 ? Elementary.LogOnePlus(v) : fallback;
    }

    /// <summary>The value, or <see cref="NotComputableException"/> when it overflowed (the true value is finite).</summary>
    internal static double Finite(double value, object p, object q)
    {
        if (double.IsNaN(value))
            throw new NotComputableException($"D(P‖Q) for P = {FamilyParameters.Describe(p)}, Q = {FamilyParameters.Describe(q)} could not be evaluated (an intermediate was not a number).");
        if (double.IsPositiveInfinity(value))
            throw new NotComputableException($"D(P‖Q) for P = {FamilyParameters.Describe(p)}, Q = {FamilyParameters.Describe(q)} is finite but exceeds the largest double (about 1.8e308 nats).");
        return Math.Max(0, value);
    }

    /// <summary>t − ln(1 + t) ≥ 0, by its series for small |t|.</summary>
    internal static double XMinusLogOnePlusX(double t)
    {
        if (Math.Abs(t) < 0.05)
        {
            // t²/2 − t³/3 + t⁴/4 − …
            double sum = 0, power = t * t;
            for (int k = 2; k < 20; k++)
            {
                sum += ((k & 1) == 0 ? 1 : -1) * power / k;
                power *= t;
            }
            return sum;
        }
        return Math.Max(0, t - Elementary.LogOnePlus(t));
    }
}
