using Kullback.Numerics;
using MathNet.Numerics.Distributions;

namespace Kullback.Continuous;

/// <summary>
/// Entropy in nats: differential entropy h = −∫ p ln p for continuous families (may be negative), Shannon entropy
/// for the discrete ones, accurate to about 1e-14 relative over each parameter's whole range, checked against 50-digit
/// mpmath references (<c>tests/reference/make_continuous_cases.py</c>).
/// </summary>
/// <remarks>
/// ln Γ and ψ enter only through Stirling's series, split into a closed-form main part and small remainders, so
/// gamma(1e308) or beta(1e50, 1e50) never form ln Γ(1e308) (which overflows) nor subtract numbers of that size.
/// The binomial, Poisson and negative binomial have no closed form: their entropies are summed over the outcomes that
/// carry mass, with every ln P(k) in a form that keeps its digits, or, when the variance exceeds 10⁶ and the
/// distribution is nearly normal, given by the asymptotic expansion (whose first neglected term is below 1e-17).
/// Parameters outside a family's range throw <see cref="InvalidArgumentException"/>; an entropy that the summation
/// cannot reach within its budget throws <see cref="NotComputableException"/>.
/// </remarks>
public static class ClosedFormEntropy
{
    /// <summary>½ ln(2πe).</summary>
    private const double HalfLogTwoPiE = 1.4189385332046727418;

    /// <summary>Normal: ½ ln(2πe) + ln σ.</summary>
    /// <exception cref="InvalidArgumentException">μ is not finite or σ is not finite and positive.</exception>
    public static double Of(Normal d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var (_, sigma) = FamilyParameters.Of(d, "P");
        return HalfLogTwoPiE + Math.Log(sigma);
    }

    /// <summary>Log-normal: μ + ½ ln(2πe) + ln σ.</summary>
    /// <exception cref="InvalidArgumentException">μ is not finite or σ is not finite and positive.</exception>
    public static double Of(LogNormal d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var (mu, sigma) = FamilyParameters.Of(d, "P");
        return mu + HalfLogTwoPiE + Math.Log(sigma);
    }

    /// <summary>Exponential with rate λ: 1 − ln λ.</summary>
    /// <exception cref="InvalidArgumentException">λ is not finite and positive.</exception>
    public static double Of(Exponential d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return 1 - Math.Log(FamilyParameters.Of(d, "P"));
    }

    /// <summary>
    /// Gamma with shape k and rate θ: k − ln θ + ln Γ(k) + (1 − k)ψ(k), computed as ½ ln(2πe) + ½ ln k − ln θ + R(k) with
    /// R(k) = S(k) − 1/(2k) + (k − 1)T(k) from Stirling's remainders (R ≈ −1/(3k) for large k, so gamma(1e18) keeps its digits).
    /// </summary>
    /// <exception cref="InvalidArgumentException">k or θ is not finite and positive.</exception>
    public static double Of(Gamma d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var (k, rate) = FamilyParameters.Of(d, "P");
        return GammaEntropy(k) - Math.Log(rate);
    }

    /// <summary>The gamma entropy at rate 1, ½ ln(2πe k) + S(k) − 1/(2k) + (k − 1)T(k).</summary>
    internal static double GammaEntropy(double k)
    {
        var sum = new NeumaierSum();
        sum.Add(HalfLogTwoPiE);
        sum.Add(0.5 * Math.Log(k));
        sum.Add(StirlingSeries.S(k));
        sum.Add(-0.5 / k);
        sum.Add(StirlingSeries.ShiftedT(k, 1));
        return sum.Total;
    }

    /// <summary>
    /// Beta: ln B(a, b) − (a − 1)ψ(a) − (b − 1)ψ(b) + (a + b − 2)ψ(a + b), computed through Stirling's series as
    /// ½ ln(2πe) + ½ ln(ab/c³) + S(a) + S(b) − S(c) − 1/(2a) − 1/(2b) + 1/c + (a − 1)T(a) + (b − 1)T(b) − (c − 2)T(c)
    /// with c = a + b (the normal approximation ½ ln(2πe·ab/c³) and corrections that vanish as a, b grow).
    /// </summary>
    /// <exception cref="InvalidArgumentException">a or b is not finite and positive.</exception>
    public static double Of(Beta d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var (a, b) = FamilyParameters.Of(d, "P");
        if (a == 1 && b == 1) return 0;
        double half = 0.5 * a + 0.5 * b, c = 2 * half;   // c may overflow; its terms then vanish
        double logC = Math.Log(half) + Math.Log(2);
        var sum = new NeumaierSum();
        sum.Add(HalfLogTwoPiE);
        sum.Add(0.5 * Math.Log(a));
        sum.Add(0.5 * Math.Log(b));
        sum.Add(-1.5 * logC);
        sum.Add(StirlingSeries.S(a));
        sum.Add(StirlingSeries.S(b));
        sum.Add(double.IsInfinity(c) ? 0 : -StirlingSeries.S(c));
        sum.Add(-0.5 / a);
        sum.Add(-0.5 / b);
        sum.Add(0.5 / half);
        sum.Add(StirlingSeries.ShiftedT(a, 1));
        sum.Add(StirlingSeries.ShiftedT(b, 1));
        sum.Add(-StirlingSeries.ShiftedT(c, 2));
        return sum.Total;
    }

    /// <summary>Laplace with scale b: 1 + ln 2 + ln b.</summary>
    /// <exception cref="InvalidArgumentException">μ is not finite or b is not finite and positive.</exception>
    public static double Of(Laplace d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var (_, scale) = FamilyParameters.Of(d, "P");
        return 1.6931471805599453094 + Math.Log(scale);
    }

    /// <summary>Uniform on [a, b]: ln(b − a).</summary>
    /// <exception cref="InvalidArgumentException">A bound is not finite, or a ≥ b.</exception>
    public static double Of(ContinuousUniform d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var (a, b) = FamilyParameters.Of(d, "P");
        double w = b - a;
        return double.IsFinite(w) ? Math.Log(w) : Math.Log(0.5 * b - 0.5 * a) + Math.Log(2);
    }

    /// <summary>Pareto with scale xₘ and shape α: ln(xₘ/α) + 1/α + 1.</summary>
    /// <exception cref="InvalidArgumentException">xₘ or α is not finite and positive.</exception>
    public static double Of(Pareto d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var (scale, shape) = FamilyParameters.Of(d, "P");
        var sum = new NeumaierSum();
        sum.Add(DivergenceTerms.LogRatio(scale, shape));
        sum.Add(1 / shape);
        sum.Add(1);
        return sum.Total;
    }

    /// <summary>Geometric with success probability p: (−(1 − p) ln(1 − p) − p ln p)/p, the Bernoulli entropy per expected trial.</summary>
    /// <exception cref="InvalidArgumentException">p is outside (0, 1].</exception>
    public static double Of(Geometric d)
    {
        ArgumentNullException.ThrowIfNull(d);
        double p = FamilyParameters.Of(d, "P");
        return DivergenceTerms.BernoulliEntropy(p) / p;
    }

    /// <summary>
    /// Binomial: −Σ P(k) ln P(k) over the outcomes carrying mass (no closed form exists), each ln P(k) in Loader's
    /// saddle-point form; for n·p·(1 − p) ≥ 10⁶ the asymptotic expansion ½ ln(2πe·npq) − γ₁²/12 − γ₂²/48 − 7γ₁⁴/48 + γ₁²γ₂/8.
    /// </summary>
    /// <exception cref="InvalidArgumentException">n &lt; 0 or p outside [0, 1].</exception>
    public static double Of(Binomial d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var (n, p) = FamilyParameters.Of(d, "P");
        return LatticeEntropy.Binomial(n, p);
    }

    /// <summary>
    /// Poisson: −Σ P(k) ln P(k) over the outcomes carrying mass (no closed form exists); for λ ≥ 10⁶ the asymptotic
    /// expansion ½ ln(2πeλ) − 1/(12λ) − 1/(24λ²) (next term −19/(360λ³)).
    /// </summary>
    /// <exception cref="InvalidArgumentException">λ is not finite and positive.</exception>
    public static double Of(Poisson d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return LatticeEntropy.Poisson(FamilyParameters.Of(d, "P"));
    }

    /// <summary>
    /// Negative binomial: −Σ P(k) ln P(k) over the outcomes carrying mass (no closed form exists), or the asymptotic
    /// expansion when r(1 − p) ≥ 10⁶; with r = 1, the geometric of failures.
    /// </summary>
    /// <exception cref="InvalidArgumentException">r is not finite and positive or p is outside (0, 1].</exception>
    /// <exception cref="NotComputableException">The mass spreads over more outcomes than the summation budget and the distribution is too skewed for the expansion.</exception>
    public static double Of(NegativeBinomial d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var (r, p) = FamilyParameters.Of(d, "P");
        return r == 1 ? DivergenceTerms.BernoulliEntropy(p) / p : LatticeEntropy.NegativeBinomial(r, p);
    }

    /// <summary>The entropy of any of the families above, or null for another distribution.</summary>
    /// <exception cref="InvalidArgumentException">A parameter is outside its family's range.</exception>
    public static double? TryOf(IUnivariateDistribution d) => d switch
    {
        Normal x => Of(x),
        LogNormal x => Of(x),
        Exponential x => Of(x),
        Gamma x => Of(x),
        Beta x => Of(x),
        Laplace x => Of(x),
        ContinuousUniform x => Of(x),
        Pareto x => Of(x),
        Geometric x => Of(x),
        Binomial x => Of(x),
        Poisson x => Of(x),
        ZeroRatePoisson => 0,
        NegativeBinomial x => Of(x),
        _ => null,
    };
}
