using Kullback.Numerics;

namespace Kullback.Continuous;

/// <summary>
/// ln Γ and ψ through Stirling's series, split into a closed-form main part and small remainders that are accurate
/// for every x &gt; 0 (1e-300 to 1e308), so that differences such as ln Γ(y) − ln Γ(x) − (y − x)ψ(x) are computed
/// without forming ln Γ(1e300) (which overflows) or subtracting nearly equal numbers.
/// </summary>
/// <remarks>
/// ln Γ(x) = M(x) + S(x) with M(x) = (x − ½) ln x − x + ½ ln 2π, and ψ(x) = ln x − 1/(2x) − T(x), where T = −S′.
/// For x ≥ 10 the remainders are summed from their asymptotic series (ten Bernoulli terms: truncation below 1e-20
/// relative); below 10 they are carried up by S(x) = S(x + 1) + d(x), T(x) = T(x + 1) + e(x), whose increments d and e
/// are positive, so no digit is lost. Reference: Abramowitz and Stegun 6.1.40 and 6.3.18.
/// </remarks>
internal static class StirlingSeries
{
    /// <summary>Where the asymptotic series take over.</summary>
    private const double AsymptoticFrom = 10;

    /// <summary>B₂ⱼ/(2j(2j − 1)), j = 1…10: S(x) ≈ Σ cⱼ x^(1−2j).</summary>
    private static readonly double[] RemainderCoefficients =
    [
        1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188, -691.0 / 360360, 1.0 / 156, -3617.0 / 122400,
        43867.0 / 244188, -174611.0 / 125400,
    ];

    /// <summary>B₂ⱼ/(2j), j = 1…10: T(x) ≈ Σ dⱼ x^(−2j).</summary>
    private static readonly double[] DigammaCoefficients =
    [
        1.0 / 12, -1.0 / 120, 1.0 / 252, -1.0 / 240, 1.0 / 132, -691.0 / 32760, 1.0 / 12, -3617.0 / 8160,
        43867.0 / 14364, -174611.0 / 6600,
    ];

    /// <summary>½ ln 2π.</summary>
    public const double HalfLogTwoPi = 0.91893853320467274178;

    /// <summary>S(x) = ln Γ(x) − (x − ½) ln x + x − ½ ln 2π ≥ 0 (≈ 1/(12x) for large x, ≈ −½ ln x for small x).</summary>
    public static double S(double x)
    {
        double carried = 0;
        while (x < AsymptoticFrom)
        {
            carried += StepOfS(x);
            x += 1;
        }
        if (double.IsInfinity(x)) return carried;
        double inverse = 1 / x, inverseSquared = inverse * inverse, power = inverse, sum = 0;
        foreach (double c in RemainderCoefficients)
        {
            sum += c * power;
            power *= inverseSquared;
            if (power == 0) break;
        }
        return carried + sum;
    }

    /// <summary>T(x) = ln x − 1/(2x) − ψ(x) ≥ 0 (≈ 1/(12x²) for large x, ≈ 1/(2x) for small x).</summary>
    public static double T(double x)
    {
        double carried = 0;
        while (x < AsymptoticFrom)
        {
            carried += StepOfT(x);
            x += 1;
        }
        if (double.IsInfinity(x)) return carried;
        double inverseSquared = 1 / (x * x), power = inverseSquared, sum = 0;
        foreach (double d in DigammaCoefficients)
        {
            sum += d * power;
            power *= inverseSquared;
            if (power == 0) break;
        }
        return carried + sum;
    }

    /// <summary>(x − k)·T(x), finite also where x overflows to +∞ (then 0, the limit).</summary>
    public static double ShiftedT(double x, double k) => double.IsInfinity(x) ? 0 : (x - k) * T(x);

    /// <summary>d(x) = S(x) − S(x + 1) = (x + ½) ln(1 + 1/x) − 1 = Σⱼ w^(2j)/(2j + 1) with w = 1/(2x + 1).</summary>
    private static double StepOfS(double x)
    {
        if (x < 0.25) return (x + 0.5) * Elementary.LogOnePlus(1 / x) - 1;
        double w = 1 / (2 * x + 1), w2 = w * w, power = w2, sum = 0;
        for (int j = 1; j < 200 && power > 1e-18 * sum; j++)
        {
            sum += power / (2 * j + 1);
            power *= w2;
        }
        return sum;
    }

    /// <summary>e(x) = T(x) − T(x + 1) = 1/(2x) + 1/(2(x + 1)) − ln(1 + 1/x) = 2 Σⱼ (2j/(2j + 1)) w^(2j+1).</summary>
    private static double StepOfT(double x)
    {
        if (x < 0.25) return 0.5 / x + 0.5 / (x + 1) - Elementary.LogOnePlus(1 / x);
        double w = 1 / (2 * x + 1), w2 = w * w, power = w * w2, sum = 0;
        for (int j = 1; j < 200 && power > 1e-18 * sum; j++)
        {
            sum += 2.0 * j / (2 * j + 1) * power;
            power *= w2;
        }
        return 2 * sum;
    }

    /// <summary>
    /// The Bregman divergence of ln Γ: ln Γ(x + δ) − ln Γ(x) − δ·ψ(x) ≥ 0, as a sum of non-negative terms:
    /// Σ_{k&lt;N} f(δ/(x + k)) with f(v) = v − ln(1 + v), then Stirling's form at x + N ≥ 10.
    /// </summary>
    /// <param name="x">The first argument, &gt; 0.</param>
    /// <param name="y">The second argument x + δ, &gt; 0, as given (not recomputed from δ, which may have absorbed x).</param>
    /// <param name="delta">y − x, as accurately as the caller knows it.</param>
    public static double BregmanLogGamma(double x, double y, double delta)
    {
        var sum = new NeumaierSum();
        while (x < AsymptoticFrom || y < AsymptoticFrom)
        {
            sum.Add(DivergenceTerms.G(-DivergenceTerms.LogOnePlusRatio(delta, x)));
            x += 1;
            y += 1;
        }
        sum.Add(BregmanMain(x, y, delta));
        sum.Add(BregmanRemainder(x, y, delta));
        return sum.Total;
    }

    /// <summary>
    /// The Bregman divergence of the main part M: M(x + δ) − M(x) − δ·M′(x) = (x + δ)·g(ln(1 + δ/x)) + ½·g(−ln(1 + δ/x)) ≥ 0,
    /// where M′(x) = ln x − 1/(2x) and g(L) = L − 1 + e^(−L).
    /// </summary>
    public static double BregmanMain(double x, double y, double delta)
    {
        double L = Math.Abs(delta) < 0.5 * x ? Elementary.LogOnePlus(delta / x) : DivergenceTerms.LogRatio(y, x);
        return DivergenceTerms.RelativeEntropyTerm(y, x, L) + 0.5 * DivergenceTerms.G(-L);
    }

    /// <summary>
    /// The Bregman divergence of the remainder S: S(x + δ) − S(x) + δ·T(x) ≥ 0 (S is convex). Near-equal arguments go
    /// through the series (x ≥ 10) or through the exact sum of <see cref="BregmanLogGamma"/>; distant ones directly.
    /// </summary>
    /// <param name="x">The first argument, &gt; 0.</param>
    /// <param name="y">The second argument, &gt; 0.</param>
    /// <param name="delta">y − x, as accurately as the caller knows it.</param>
    public static double BregmanRemainder(double x, double y, double delta)
    {
        if (delta == 0 || x == y) return 0;
        if (x >= AsymptoticFrom && y >= AsymptoticFrom) return SeriesBregmanRemainder(x, y, delta);
        if (Math.Abs(delta) <= 0.5 * x)
        {
            // B_S = B_Γ − B_M, with B_Γ summed up to x + N ≥ 10 (positive terms) and B_S(x + N) from the series.
            var sum = new NeumaierSum();
            double shifted = x, shiftedY = y;
            while (shifted < AsymptoticFrom || shiftedY < AsymptoticFrom)
            {
                sum.Add(DivergenceTerms.G(-DivergenceTerms.LogOnePlusRatio(delta, shifted)));
                shifted += 1;
                shiftedY += 1;
            }
            sum.Add(BregmanMain(shifted, shiftedY, delta));
            sum.Add(SeriesBregmanRemainder(shifted, shiftedY, delta));
            sum.Add(-BregmanMain(x, y, delta));
            return Math.Max(0, sum.Total);
        }
        return Math.Max(0, S(y) - S(x) + delta * T(x));
    }

    /// <summary>Σⱼ cⱼ·[y^(−m) − x^(−m) + m·x^(−m−1)·δ] with m = 2j − 1, for x, y ≥ 10.</summary>
    private static double SeriesBregmanRemainder(double x, double y, double delta)
    {
        if (double.IsInfinity(x)) return 0;
        double u = delta / x;
        double inverse = 1 / x, inverseSquared = inverse * inverse, power = inverse, sum = 0;
        bool near = Math.Abs(u) < 0.1;
        for (int j = 0; j < RemainderCoefficients.Length && power != 0; j++)
        {
            int m = 2 * j + 1;
            // x^(−m)·W_m(u) near x; far from it, y^(−m) − x^(−m) + m·x^(−m)·u term by term (no overflow of m·u).
            double bregman = near ? power * PowerBregman(m, u) : Math.Pow(y, -m) - power + power * u * m;
            sum += RemainderCoefficients[j] * bregman;
            power *= inverseSquared;
        }
        return Math.Max(0, sum);
    }

    /// <summary>W_m(u) = (1 + u)^(−m) − 1 + m·u ≥ 0 for |u| &lt; 0.1, by its binomial series Σ_{n≥2} C(m + n − 1, n)(−u)^n.</summary>
    private static double PowerBregman(int m, double u)
    {
        if (m == 1) return u * u / (1 + u);
        // C(m+n−1, n)(−u)^n, from n = 2: C(m+1, 2) u².
        double term = (m + 1.0) * m / 2 * u * u, sum = 0;
        for (int n = 2; n < 80 && Math.Abs(term) > 1e-18 * Math.Abs(sum); n++)
        {
            sum += term;
            term *= -u * (m + n) / (n + 1);
        }
        return sum;
    }
}
