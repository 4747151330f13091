using MathNet.Numerics;

namespace Kullback.Comparison;

/// <summary>The upper tail of the χ² distribution, P(χ²_df ≥ x) = Q(df/2, x/2), accurate down to the smallest double.</summary>
internal static class ChiSquaredTail
{
    /// <summary>
    /// Q(df/2, x/2) by MathNet's regularized upper incomplete gamma function; where that nears the bottom of the double
    /// range (below 1e-280, when it would round to 0 too early), Legendre's continued fraction for Γ(a, x) evaluated in
    /// log space (modified Lentz), so that subnormal p-values are still the right number.
    /// </summary>
    public static double Survival(double degreesOfFreedom, double x)
    {
        if (!(x > 0)) return 1.0;
        double a = degreesOfFreedom / 2, half = x / 2;
        double q = SpecialFunctions.GammaUpperRegularized(a, half);
        if (q >= 1e-280 || half <= a + 1) return Math.Clamp(q, 0.0, 1.0);
        return Math.Exp(LogUpperRegularizedByContinuedFraction(a, half));
    }

    /// <summary>ln Q(a, x) = −x + a·ln x − ln Γ(a) + ln(1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − …))), for x &gt; a + 1.</summary>
    private static double LogUpperRegularizedByContinuedFraction(double a, double x)
    {
        const double tiny = 1e-300;
        double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
        for (int i = 1; i < 10_000; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < tiny) d = tiny;
            c = b + an / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return -x + a * Math.Log(x) - SpecialFunctions.GammaLn(a) + Math.Log(h);
    }
}
