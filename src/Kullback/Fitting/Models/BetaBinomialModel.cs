using MathNet.Numerics;

namespace Kullback.Fitting;

/// <summary>
/// Beta-binomial(n, α, β): Q(k) = C(n, k)·B(k + α, n − k + β)/B(α, β) for k = 0…n; a binomial whose p varies
/// as Beta(α, β). Mean nα/(α + β).
/// </summary>
/// <remarks>
/// n as for <see cref="BinomialModel"/>. Maximum likelihood by BFGS over (ln α, ln β) with the analytic gradient
/// (MathNet), polished by Newton steps; it exists only when the data are more dispersed than a binomial (else
/// α, β → ∞, the binomial limit). Moments: with μ = mean/n and R = variance/(n·μ(1 − μ)), α + β = (n − R)/(R − 1).
/// </remarks>
public sealed class BetaBinomialModel : DiscreteModel
{
    /// <summary>The number of trials.</summary>
    public long N { get; }

    /// <summary>α &gt; 0.</summary>
    public double Alpha { get; }

    /// <summary>β &gt; 0.</summary>
    public double Beta { get; }

    /// <exception cref="ArgumentException">n &lt; 0, α ≤ 0 or β ≤ 0.</exception>
    public BetaBinomialModel(long n, double alpha, double beta)
    {
        if (n < 0) throw InvalidParameter(Parameter.Trials, n, "it must be a whole number ≥ 0");
        if (!(alpha > 0) || double.IsInfinity(alpha)) throw InvalidParameter(Parameter.Alpha, alpha, "it must be finite and > 0");
        if (!(beta > 0) || double.IsInfinity(beta)) throw InvalidParameter(Parameter.Beta, beta, "it must be finite and > 0");
        N = n;
        Alpha = alpha;
        Beta = beta;
    }

    /// <inheritdoc/>
    public override ModelFamily Family => ModelFamily.BetaBinomial;

    /// <inheritdoc/>
    public override IReadOnlyList<ParameterValue> Parameters => [ParameterValue.Of(Parameter.Trials, N), ParameterValue.Of(Parameter.Alpha, Alpha), ParameterValue.Of(Parameter.Beta, Beta)];

    /// <inheritdoc/>
    public override (long Low, long High)? Support => (0, N);

    /// <inheritdoc/>
    public override double LogProbability(long k) =>
        k < 0 || k > N ? double.NegativeInfinity : LogProbability(N, k, Alpha, Beta);

    private static double LogProbability(long n, long k, double a, double b) =>
        BinomialModel.LogChoose(n, k) + SpecialFunctions.BetaLn(k + a, n - k + b) - SpecialFunctions.BetaLn(a, b);

    /// <inheritdoc/>
    protected override DiscreteModel WithVariable(Parameter parameter, double value) =>
        parameter == Parameter.Alpha ? new BetaBinomialModel(N, value, Beta) : new BetaBinomialModel(N, Alpha, value);

    internal static (DiscreteModel, int) Fit(FitData data, FitMethod method, FitOptions options)
    {
        var family = ModelFamily.BetaBinomial;
        data.RequireNonNegative(family);
        long n = BinomialModel.TrialsFor(family, data, options);
        int k = options.Trials is null ? 3 : 2;
        double mu = data.Mean / n;
        if (mu <= 0 || mu >= 1)
            throw new ModelNotApplicableException(family, $"every observation is {(mu <= 0 ? 0 : n)}: the beta-binomial degenerates (α or β → 0).");
        double ratio = data.Variance / (n * mu * (1 - mu));
        if (!(ratio > 1) || n == 1)
            throw new ModelNotApplicableException(family,
                $"the data are not more dispersed than a binomial (variance ratio {ratio:G4} ≤ 1), so the best beta-binomial is the binomial limit α, β → ∞; see binomial.");
        double s = (n - ratio) / (ratio - 1);
        bool momentsValid = ratio < n && s > 0;
        if (method == FitMethod.Moments)
        {
            if (!momentsValid)
                throw new ModelNotApplicableException(family, $"the variance is too large for a beta-binomial with n = {n} (variance ratio {ratio:G4} ≥ n) by moments.");
            return (new BetaBinomialModel(n, mu * s, (1 - mu) * s), k);
        }

        double NegativeMeanLogLikelihood(double la, double lb)
        {
            double a = Math.Exp(la), b = Math.Exp(lb);
            return -data.Expect(x => LogProbability(n, x, a, b));
        }
        (double, double) Gradient(double la, double lb)
        {
            double a = Math.Exp(la), b = Math.Exp(lb);
            double psiAll = SpecialFunctions.DiGamma(n + a + b), psiAb = SpecialFunctions.DiGamma(a + b);
            double da = data.Expect(x => SpecialFunctions.DiGamma(x + a)) - psiAll - SpecialFunctions.DiGamma(a) + psiAb;
            double db = data.Expect(x => SpecialFunctions.DiGamma(n - x + b)) - psiAll - SpecialFunctions.DiGamma(b) + psiAb;
            return (-da * a, -db * b);
        }
        double a0 = momentsValid ? mu * s : 1, b0 = momentsValid ? (1 - mu) * s : 1;
        double laHat, lbHat;
        try
        {
            (laHat, lbHat) = Optimizer.Minimize2(NegativeMeanLogLikelihood, Gradient, Math.Log(a0), Math.Log(b0));
        }
        catch (Optimizer.OptimizerFailedException)
        {
            throw new ModelNotApplicableException(family, "the likelihood has no maximum at finite parameters that the optimiser could find (too few or too irregular data).");
        }
        if (laHat > 30 || lbHat > 30)
            throw new ModelNotApplicableException(family, "the likelihood keeps rising towards the binomial limit (α, β → ∞); see binomial.");
        return (new BetaBinomialModel(n, Math.Exp(laHat), Math.Exp(lbHat)), k);
    }
}
