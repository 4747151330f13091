using Kullback.Continuous;
using Kullback.Numerics;

namespace Kullback.Estimation;

/// <summary>
/// The gamma-function quantities the estimators need, in forms that keep their digits: ln Γ(x + n) − ln Γ(x) without
/// forming either, the trigamma function, and Grassberger's ln n − G(n).
/// </summary>
internal static class GammaFunctions
{
    /// <summary>Where the trigamma series takes over.</summary>
    private const double TrigammaAsymptoticFrom = 20;

    /// <summary>
    /// ln Γ(x + n) − ln Γ(x) for x &gt; 0, n ≥ 0, from Stirling's form: (x − ½)·ln(1 + n/x) + n·ln(x + n) − n + S(x + n) − S(x),
    /// with S Stirling's remainder. No ln Γ of a large argument is formed, so the difference keeps its digits for every x.
    /// </summary>
    public static double LogRising(double x, double n)
    {
        if (n == 0) return 0;
        double y = x + n;
        return (x - 0.5) * Elementary.LogOnePlus(n / x) + n * Math.Log(y) - n + (StirlingSeries.S(y) - StirlingSeries.S(x));
    }

    /// <summary>
    /// The trigamma function ψ₁(x) = d²/dx² ln Γ(x) for x &gt; 0: the recurrence ψ₁(x) = ψ₁(x + 1) + 1/x² up to 20, then
    /// the asymptotic series 1/x + 1/(2x²) + Σ B₂ₖ/x^(2k+1) (truncation below 1e-18 relative).
    /// </summary>
    public static double Trigamma(double x)
    {
        double carried = 0;
        while (x < TrigammaAsymptoticFrom)
        {
            carried += 1 / (x * x);
            x += 1;
        }
        if (double.IsPositiveInfinity(x)) return carried;
        double inverse = 1 / x, inverseSquared = inverse * inverse;
        // B₂/x³ + B₄/x⁵ + … with B₂ = 1/6, B₄ = −1/30, B₆ = 1/42, B₈ = −1/30, B₁₀ = 5/66, B₁₂ = −691/2730, B₁₄ = 7/6.
        double series = inverse * inverseSquared * (1.0 / 6 + inverseSquared * (-1.0 / 30 + inverseSquared * (1.0 / 42
                        + inverseSquared * (-1.0 / 30 + inverseSquared * (5.0 / 66 + inverseSquared * (-691.0 / 2730
                        + inverseSquared * (7.0 / 6)))))));
        return carried + (inverse + 0.5 * inverseSquared + series);
    }

    /// <summary>
    /// ln n − G(n) for a whole n ≥ 1, where G(n) = ψ(n) + ½(−1)ⁿ[ψ((n + 1)/2) − ψ(n/2)] is Grassberger's (2003) function:
    /// 1/(2n) + T(n) − ½(−1)ⁿ[ln(1 + 1/n) + 1/(n(n + 1)) + T(n/2) − T((n + 1)/2)], with T(x) = ln x − 1/(2x) − ψ(x) ≥ 0
    /// decreasing, so the bracket is a sum of positive terms and nothing cancels. D(1) = γ + ln 2.
    /// </summary>
    public static double GrassbergerComplement(double n)
    {
        double half = n / 2;
        double alternating = Elementary.LogOnePlus(1 / n) + 1 / (n * (n + 1)) + (StirlingSeries.T(half) - StirlingSeries.T(half + 0.5));
        double sign = Math.IEEERemainder(n, 2) == 0 ? 1 : -1;
        return 0.5 / n + StirlingSeries.T(n) - 0.5 * sign * alternating;
    }
}
