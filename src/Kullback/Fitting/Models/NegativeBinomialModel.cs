using Kullback.Numerics;
using MathNet.Numerics;
using MathNet.Numerics.RootFinding;

namespace Kullback.Fitting;

/// <summary>
/// Negative binomial(r, p), failures before the r-th success with real r &gt; 0:
/// Q(k) = Γ(k + r) / (Γ(r)·k!)·pʳ·(1 − p)ᵏ, mean r(1 − p)/p, variance r(1 − p)/p².
/// </summary>
/// <remarks>
/// Maximum likelihood: p = r/(r + mean), and r solves the score equation E[ψ(k + r) − ψ(r)] = ln(1 + mean/r)
/// (Brent's method, MathNet). It exists only when the data are over-dispersed (variance &gt; mean); otherwise the
/// likelihood keeps rising towards the Poisson limit r → ∞. Moments: r = mean²/(variance − mean), p = mean/variance.
/// </remarks>
public sealed class NegativeBinomialModel : DiscreteModel
{
    /// <summary>The number of successes, a real number &gt; 0.</summary>
    public double R { get; }

    /// <summary>The success probability, in (0, 1].</summary>
    public double P { get; }

    /// <exception cref="ArgumentException">r ≤ 0 or p outside (0, 1].</exception>
    public NegativeBinomialModel(double r, double p)
    {
        if (!(r > 0) || double.IsInfinity(r)) throw InvalidParameter(Parameter.Successes, r, "it must be finite and > 0");
        if (!(p > 0 && p <= 1)) throw InvalidParameter(Parameter.SuccessProbability, p, "it must lie in (0, 1]");
        R = r;
        P = p;
    }

    /// <inheritdoc/>
    public override ModelFamily Family => ModelFamily.NegativeBinomial;

    /// <inheritdoc/>
    public override IReadOnlyList<ParameterValue> Parameters => [ParameterValue.Of(Parameter.Successes, R), ParameterValue.Of(Parameter.SuccessProbability, P)];

    /// <inheritdoc/>
    public override (long Low, long High)? Support => P == 1 ? (0, 0) : null;

    /// <inheritdoc/>
    public override double LogProbability(long k)
    {
        if (k < 0) return double.NegativeInfinity;
        if (P == 1) return k == 0 ? 0 : double.NegativeInfinity;
        return LogRising(R, k) - SpecialFunctions.GammaLn(k + 1.0) + R * Math.Log(P) + k * Elementary.LogOnePlus(-P);
    }

    /// <inheritdoc/>
    protected override DiscreteModel WithVariable(Parameter parameter, double value) =>
        parameter == Parameter.Successes ? new NegativeBinomialModel(value, P) : new NegativeBinomialModel(R, value);

    /// <summary>ln Γ(r + k) − ln Γ(r), summed exactly for small k.</summary>
    private static double LogRising(double r, long k)
    {
        if (k > 64) return SpecialFunctions.GammaLn(r + k) - SpecialFunctions.GammaLn(r);
        double sum = 0;
        for (long j = 0; j < k; j++) sum += Math.Log(r + j);
        return sum;
    }

    /// <summary>ψ(r + k) − ψ(r) = Σ_{j&lt;k} 1/(r + j), summed exactly for small k.</summary>
    private static double DigammaDifference(double r, long k)
    {
        if (k > 256) return SpecialFunctions.DiGamma(r + k) - SpecialFunctions.DiGamma(r);
        double sum = 0;
        for (long j = 0; j < k; j++) sum += 1.0 / (r + j);
        return sum;
    }

    internal static (DiscreteModel, int) Fit(FitData data, FitMethod method, FitOptions options)
    {
        var family = ModelFamily.NegativeBinomial;
        data.RequireNonNegative(family);
        double m = data.Mean, v = data.Variance;
        if (!(v > m) || m == 0)
            throw new ModelNotApplicableException(family,
                $"the data are not over-dispersed (variance {v:G4} ≤ mean {m:G4}), so the best negative binomial is the Poisson limit r → ∞; see poisson.");
        if (method == FitMethod.Moments)
            return (new NegativeBinomialModel(m * m / (v - m), m / v), 2);

        // Score in t = ln r: positive for small r, negative past the maximum.
        double Score(double t)
        {
            double r = Math.Exp(t);
            return data.Expect(k => DigammaDifference(r, k)) - Elementary.LogOnePlus(m / r);
        }
        double start = Math.Log(m * m / (v - m));
        double lo = start, hi = start;
        while (Score(lo) <= 0 && lo > -40) lo -= 2;
        while (Score(hi) >= 0 && hi < 40) hi += 2;
        if (Score(lo) <= 0 || Score(hi) >= 0)
            throw new ModelNotApplicableException(family, "the likelihood has no maximum at a finite r (the Poisson limit fits as well).");
        double tHat = Brent.FindRoot(Score, lo, hi, 1e-13, 500);
        double rHat = Math.Exp(tHat);
        return (new NegativeBinomialModel(rHat, rHat / (rHat + m)), 2);
    }
}
