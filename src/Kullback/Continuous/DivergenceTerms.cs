using Kullback.Numerics;

namespace Kullback.Continuous;

/// <summary>
/// The non-negative building blocks of the closed forms, each accurate to a few ulps over its whole domain: logarithms
/// of ratios that neither overflow nor cancel, and the Bregman-type terms g(L) = L − 1 + e^(−L) into which every
/// divergence of an exponential family decomposes.
/// </summary>
/// <remarks>
/// Writing a divergence as a sum of such terms, each ≥ 0, removes the cancellation of the textbook formulas (which
/// subtract numbers of size 1e300 to obtain 345, or of size 1 to obtain 1e-20): the sum of non-negative terms has a
/// relative error of a few ulps whatever the parameters.
/// </remarks>
internal static class DivergenceTerms
{
    /// <summary>Below this |L| the series of g is used.</summary>
    private const double SeriesLimit = 1.0;

    /// <summary>
    /// ln(a/b) for a, b &gt; 0 and finite, without overflow (a/b beyond the double range) and without cancellation
    /// (a ≈ b, where a − b is exact and ln(1 + (a − b)/b) keeps every digit).
    /// </summary>
    public static double LogRatio(double a, double b)
    {
        if (a == b) return 0;
        double r = a / b;
        if (r > 0.5 && r < 2) return Elementary.LogOnePlus((a - b) / b);
        if (double.IsNormal(r) && !double.IsInfinity(r)) return Math.Log(r);
        return Math.Log(a) - Math.Log(b);
    }

    /// <summary>ln(1 + δ/x) for x &gt; 0 and x + δ &gt; 0: the logarithm of (x + δ)/x when the step δ is known exactly.</summary>
    public static double LogOnePlusRatio(double delta, double x)
    {
        double v = delta / x;
        if (Math.Abs(v) < 0.5) return Elementary.LogOnePlus(v);
        return LogRatio(x + delta, x);
    }

    /// <summary>
    /// g(L) = L − 1 + e^(−L) ≥ 0 (so g(−ln r) = r − 1 − ln r), by its series L²/2 − L³/6 + … for |L| &lt; 1.
    /// +∞ when e^(−L) overflows (L &lt; −709.8).
    /// </summary>
    public static double G(double L)
    {
        if (Math.Abs(L) < SeriesLimit)
        {
            // Σ_{n≥2} (−L)^n / n!
            double term = L * L / 2, sum = 0;
            for (int n = 3; n < 24 && Math.Abs(term) > 1e-18 * Math.Abs(sum); n++)
            {
                sum += term;
                term *= -L / n;
            }
            return sum + term;
        }
        return L - 1 + Math.Exp(-L);
    }

    /// <summary>r − 1 − ln r ≥ 0 for r = a/b, from a and b (neither overflow nor cancellation).</summary>
    public static double RatioDivergence(double a, double b) => G(LogRatio(b, a));

    /// <summary>
    /// The relative-entropy term p·ln(p/q) − p + q ≥ 0 of two positive amounts, given L = ln(p/q) (computed by the
    /// caller, who can often do so without cancellation). p = 0 gives q.
    /// </summary>
    public static double RelativeEntropyTerm(double p, double q, double L)
    {
        if (p == 0) return q;
        if (L < -700) return q + p * (L - 1);   // q = p·e^(−L) dominates
        return p * G(L);
    }

    /// <summary>p·ln(p/q) − p + q ≥ 0 for p ≥ 0 and q &gt; 0.</summary>
    public static double RelativeEntropyTerm(double p, double q) => p == 0 ? q : RelativeEntropyTerm(p, q, LogRatio(p, q));

    /// <summary>
    /// D(Bernoulli(p)‖Bernoulli(q)) = p ln(p/q) + (1 − p) ln((1 − p)/(1 − q)) as the sum of two relative-entropy terms,
    /// the second computed from q − p (so p and q near 1, or near each other, keep their digits). +∞ when q puts no
    /// mass on an outcome p has.
    /// </summary>
    public static double Bernoulli(double p, double q)
    {
        if (p == q) return 0;
        if ((q == 0 && p > 0) || (q == 1 && p < 1)) return double.PositiveInfinity;
        double pBar = 1 - p, qBar = 1 - q;
        double first = p == 0 ? q : RelativeEntropyTerm(p, q, LogRatio(p, q));
        double second = pBar == 0 ? qBar : RelativeEntropyTerm(pBar, qBar, LogOnePlusRatio(q - p, qBar));
        return first + second;
    }

    /// <summary>−p ln p − (1 − p) ln(1 − p), the Bernoulli entropy in nats; 0 at p = 0 and p = 1.</summary>
    public static double BernoulliEntropy(double p)
    {
        if (p == 0 || p == 1) return 0;
        return -p * Math.Log(p) - (1 - p) * Elementary.LogOnePlus(-p);
    }

    /// <summary>ln(a + b) for a, b &gt; 0 without overflow of the sum.</summary>
    public static double LogSum(double a, double b)
    {
        double hi = Math.Max(a, b), lo = Math.Min(a, b);
        return Math.Log(hi) + Elementary.LogOnePlus(lo / hi);
    }

    /// <summary>(x − y)/s without overflow of the difference (the quotient may still overflow, to ±∞).</summary>
    public static double ScaledDifference(double x, double y, double s)
    {
        double d = x - y;
        if (double.IsFinite(d)) return d / s;
        return (0.5 * x - 0.5 * y) / s * 2;
    }
}
