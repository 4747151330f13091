namespace Kullback.Numerics;

/// <summary>
/// The pieces of Loader's saddle-point expansion of the binomial and Poisson probabilities ("Fast and accurate
/// computation of binomial probabilities", 2000; R's dbinom and dpois): accurate to a few ulps for any n, k and rate,
/// where ln Γ differences lose every digit (ln C(10¹², 2) from three ln Γ values of 2.6·10¹³ is off by 10⁻³).
/// </summary>
internal static class SaddlePoint
{
    /// <summary>δ(n) = ln n! − ln(√(2πn)·(n/e)ⁿ) for whole n = 1…15 (mpmath, 40 digits).</summary>
    private static readonly double[] SmallStirlingErrors =
    [
        0.0, 0.08106146679532725821967, 0.04134069595540929409382, 0.02767792568499833914879, 0.02079067210376509311152,
        0.01664469118982119216319, 0.01387612882307074799875, 0.01189670994589177009506, 0.01041126526197209649748,
        0.009255462182712732917729, 0.008330563433362871256469, 0.007573675487951840794972, 0.006942840107209529865664,
        0.00640899418800420706844, 0.005951370112758847735624, 0.005554733551962801371039,
    ];

    private const double LogTwoPi = 1.8378770664093454836;

    /// <summary>
    /// The Stirling error δ(n) = ln Γ(n + 1) − (n + ½)·ln n + n − ½·ln 2π for a whole n ≥ 1: the table to 15, then its
    /// asymptotic series 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹) (error below 10⁻¹⁷ there).
    /// </summary>
    public static double StirlingError(double n)
    {
        if (n <= 15) return SmallStirlingErrors[(int)n];
        double inverse2 = 1 / (n * n);
        if (n > 500) return (1.0 / 12 - inverse2 / 360) / n;
        if (n > 80) return (1.0 / 12 - (1.0 / 360 - inverse2 / 1260) * inverse2) / n;
        if (n > 35) return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - inverse2 / 1680) * inverse2) * inverse2) / n;
        return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - inverse2 / 1188) * inverse2) * inverse2) * inverse2) / n;
    }

    /// <summary>
    /// The deviance term bd0(x, m) = x·ln(x/m) + m − x ≥ 0, with the difference d = x − m given by the caller, who can
    /// often form it without the cancellation of subtracting two large numbers (for the binomial's failures,
    /// (n − k) − n·q = n·p − k). Near x = m by the series in v = d/(x + m): bd0 = d·v + 2x·Σ_{j≥1} v^(2j+1)/(2j+1).
    /// </summary>
    public static double Deviance(double x, double m, double d)
    {
        if (Math.Abs(d) < 0.1 * (x + m))
        {
            double v = d / (x + m), s = d * v;
            if (Math.Abs(s) < double.Epsilon * 4) return s;
            double term = 2 * x * v;
            v *= v;
            for (int j = 1; j < 1000; j++)
            {
                term *= v;
                double next = s + term / (2 * j + 1);
                if (next == s) return next;
                s = next;
            }
            return s;
        }
        return x * Math.Log(x / m) + m - x;
    }

    /// <summary>
    /// ln of the binomial probability C(n, k)·pᵏ·(1 − p)ⁿ⁻ᵏ, accurate for every n up to 2⁶³ − 1 (Loader's form):
    /// δ(n) − δ(k) − δ(n − k) − bd0(k, np) − bd0(n − k, nq) − ½·ln(2πk(n − k)/n). −∞ outside 0…n.
    /// </summary>
    public static double LogBinomial(long k, long n, double p)
    {
        if (k < 0 || k > n) return double.NegativeInfinity;
        double q = 1 - p;
        if (p == 0) return k == 0 ? 0 : double.NegativeInfinity;
        if (p == 1) return k == n ? 0 : double.NegativeInfinity;
        double nd = n, np = nd * p, nq = nd * q;
        if (k == 0) return nd * Elementary.LogOnePlus(-p);
        if (k == n) return nd * Math.Log(p);
        double kd = k, rest = n - k;   // n − k exactly in long, then rounded once
        // k − np = nq − (n − k): each difference is formed from the pair of smaller numbers, so that it keeps its digits.
        double d = kd + np <= rest + nq ? kd - np : nq - rest;
        double lc = StirlingError(nd) - StirlingError(kd) - StirlingError(rest)
                    - Deviance(kd, np, d) - Deviance(rest, nq, -d);
        // ln((n − k)/n): by log1p while k is the smaller part, else from n − k itself (1 − k/n would lose its digits).
        double logRestShare = kd <= rest ? Elementary.LogOnePlus(-kd / nd) : Math.Log(rest / nd);
        double lf = LogTwoPi + Math.Log(kd) + logRestShare;
        return lc - 0.5 * lf;
    }

    /// <summary>ln of the Poisson probability λᵏe^(−λ)/k! for any λ ≥ 0 and k ≥ 0 (Loader's form): −δ(k) − bd0(k, λ) − ½·ln(2πk).</summary>
    public static double LogPoisson(long k, double lambda)
    {
        if (k < 0) return double.NegativeInfinity;
        if (lambda == 0) return k == 0 ? 0 : double.NegativeInfinity;
        if (k == 0) return -lambda;
        double kd = k;
        return -StirlingError(kd) - Deviance(kd, lambda, kd - lambda) - 0.5 * (LogTwoPi + Math.Log(kd));
    }
}
