using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using Kullback.Numerics;

namespace Kullback.Continuous;

/// <summary>
/// D(P‖Q) in closed form, in nats, for two members of the same family (MathNet.Numerics distributions).
/// Each formula is tested against numerical integration or summation to 1e-9.
/// </summary>
public static class ClosedFormDivergence
{
    /// <summary>Normal: ln(σq/σp) + (σp² + (μp − μq)²)/(2σq²) − ½, taken as ½(t − ln(1 + t)) + (μp − μq)²/(2σq²) with t = σp²/σq² − 1.</summary>
    public static double KullbackLeibler(Normal p, Normal q) =>
        GaussianTerm(p.StdDev, q.StdDev) + Square(p.Mean - q.Mean) / (2 * q.StdDev * q.StdDev);

    /// <summary>Log-normal: the divergence of the normals of the logarithms (a change of variables leaves D unchanged).</summary>
    public static double KullbackLeibler(LogNormal p, LogNormal q) =>
        GaussianTerm(p.Sigma, q.Sigma) + Square(p.Mu - q.Mu) / (2 * q.Sigma * q.Sigma);

    /// <summary>Exponential with rates λp, λq: λq/λp − 1 − ln(λq/λp).</summary>
    public static double KullbackLeibler(Exponential p, Exponential q) => XMinusLogOnePlusX(q.Rate / p.Rate - 1);

    /// <summary>
    /// Gamma with shapes k and rates θ: (kp − kq)ψ(kp) − ln Γ(kp) + ln Γ(kq) + kq(ln θp − ln θq) + kp(θq − θp)/θp.
    /// </summary>
    public static double KullbackLeibler(Gamma p, Gamma q)
    {
        double kp = p.Shape, kq = q.Shape, tp = p.Rate, tq = q.Rate;
        return Math.Max(0, (kp - kq) * SpecialFunctions.DiGamma(kp) - SpecialFunctions.GammaLn(kp) + SpecialFunctions.GammaLn(kq)
                           + kq * (Math.Log(tp) - Math.Log(tq)) + kp * (tq - tp) / tp);
    }

    /// <summary>Beta: ln B(aq, bq) − ln B(ap, bp) + (ap − aq)ψ(ap) + (bp − bq)ψ(bp) + (aq − ap + bq − bp)ψ(ap + bp).</summary>
    public static double KullbackLeibler(Beta p, Beta q)
    {
        double ap = p.A, bp = p.B, aq = q.A, bq = q.B;
        return Math.Max(0, SpecialFunctions.BetaLn(aq, bq) - SpecialFunctions.BetaLn(ap, bp)
                           + (ap - aq) * SpecialFunctions.DiGamma(ap) + (bp - bq) * SpecialFunctions.DiGamma(bp)
                           + (aq - ap + bq - bp) * SpecialFunctions.DiGamma(ap + bp));
    }

    /// <summary>Laplace with locations μ and scales b: ln(bq/bp) + |μp − μq|/bq + (bp/bq)·e^(−|μp − μq|/bp) − 1.</summary>
    public static double KullbackLeibler(Laplace p, Laplace q)
    {
        double d = Math.Abs(p.Location - q.Location), bp = p.Scale, bq = q.Scale;
        // ln(bq/bp) + (bp/bq) − 1 without cancellation, plus the location terms (non-negative).
        return XMinusLogOnePlusX(bp / bq - 1) + d / bq + bp / bq * Elementary.ExpMinusOne(-d / bp);
    }

    /// <summary>Uniform on [a, b]: ln((bq − aq)/(bp − ap)) when [ap, bp] ⊆ [aq, bq], else +∞.</summary>
    public static double KullbackLeibler(ContinuousUniform p, ContinuousUniform q) =>
        p.LowerBound < q.LowerBound || p.UpperBound > q.UpperBound
            ? double.PositiveInfinity
            : Math.Log((q.UpperBound - q.LowerBound) / (p.UpperBound - p.LowerBound));

    /// <summary>Poisson: λp·ln(λp/λq) + λq − λp = λq·φ(λp/λq); +∞ when λq = 0 &lt; λp.</summary>
    public static double KullbackLeibler(Poisson p, Poisson q)
    {
        double x = p.Lambda / q.Lambda - 1;
        return q.Lambda * Elementary.Phi(x, Elementary.LogOnePlus(x));
    }

    /// <summary>Binomial with the same n: n·D(Bernoulli(pp)‖Bernoulli(pq)), through the exact discrete KL.</summary>
    /// <exception cref="ArgumentException">The numbers of trials differ.</exception>
    public static double KullbackLeibler(Binomial p, Binomial q)
    {
        if (p.N != q.N) throw new InvalidArgumentException($"The closed form needs the same n; got {p.N} and {q.N}.", nameof(q));
        return p.N * Measures.KullbackLeibler([p.P, 1 - p.P], [q.P, 1 - q.P]);
    }

    /// <summary>Geometric: ln(pp/pq) + ((1 − pp)/pp)·ln((1 − pp)/(1 − pq)) (the same whether it counts trials or failures).</summary>
    public static double KullbackLeibler(Geometric p, Geometric q)
    {
        double a = p.P, b = q.P;
        if (a == 1) return -Math.Log(b);
        if (b == 1) return double.PositiveInfinity;
        return Math.Max(0, Math.Log(a / b) + (1 - a) / a * (Elementary.LogOnePlus(-a) - Elementary.LogOnePlus(-b)));
    }

    /// <summary>
    /// Negative binomial (failures before the r-th success) with the same r: r·[ln(pp/pq) + ((1 − pp)/pp)·ln((1 − pp)/(1 − pq))].
    /// With r = 1 this is the geometric distribution counting failures, as <c>kullback fit</c> and <c>kullback continuous</c> do.
    /// </summary>
    /// <exception cref="ArgumentException">The values of r differ.</exception>
    public static double KullbackLeibler(NegativeBinomial p, NegativeBinomial q)
    {
        if (p.R != q.R) throw new InvalidArgumentException($"The closed form needs the same r; got {p.R} and {q.R}.", nameof(q));
        return p.R * KullbackLeibler(new Geometric(p.P), new Geometric(q.P));
    }

    /// <summary>The closed form for two distributions of the same family, or null when none applies (different families, different n).</summary>
    public static double? TryKullbackLeibler(IUnivariateDistribution p, IUnivariateDistribution q) => (p, q) switch
    {
        (Normal a, Normal b) => KullbackLeibler(a, b),
        (LogNormal a, LogNormal b) => KullbackLeibler(a, b),
        (Exponential a, Exponential b) => KullbackLeibler(a, b),
        (Gamma a, Gamma b) => KullbackLeibler(a, b),
        (Beta a, Beta b) => KullbackLeibler(a, b),
        (Laplace a, Laplace b) => KullbackLeibler(a, b),
        (ContinuousUniform a, ContinuousUniform b) => KullbackLeibler(a, b),
        (Poisson a, Poisson b) => KullbackLeibler(a, b),
        (Binomial a, Binomial b) when a.N == b.N => KullbackLeibler(a, b),
        (Geometric a, Geometric b) => KullbackLeibler(a, b),
        (NegativeBinomial a, NegativeBinomial b) when a.R == b.R => KullbackLeibler(a, b),
        _ => null,
    };

    /// <summary>½(t − ln(1 + t)) with t = σp²/σq² − 1: the variance part of the Gaussian divergence.</summary>
    private static double GaussianTerm(double sp, double sq) => 0.5 * XMinusLogOnePlusX(sp * sp / (sq * sq) - 1);

    private static double Square(double x) => x * x;

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
