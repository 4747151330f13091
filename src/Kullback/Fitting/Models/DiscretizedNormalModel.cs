using MathNet.Numerics;

namespace Kullback.Fitting;

/// <summary>
/// A normal(μ, σ) rounded to integers and restricted to low…high:
/// Q(k) = [Φ((k + ½ − μ)/σ) − Φ((k − ½ − μ)/σ)] / [Φ((high + ½ − μ)/σ) − Φ((low − ½ − μ)/σ)].
/// </summary>
/// <remarks>
/// The range is the observed one (it is not counted as a parameter; μ and σ are). Maximum likelihood by BFGS over
/// (μ, ln σ) with the analytic gradient (MathNet), polished by Newton steps. "Moments" plugs in the data's mean and
/// standard deviation, which the truncated, rounded model reproduces only approximately.
/// </remarks>
public sealed class DiscretizedNormalModel : DiscreteModel
{
    private readonly double _logNormaliser;

    /// <summary>The location.</summary>
    public double Mu { get; }

    /// <summary>The scale, &gt; 0.</summary>
    public double Sigma { get; }

    /// <summary>The smallest outcome.</summary>
    public long Low { get; }

    /// <summary>The largest outcome.</summary>
    public long High { get; }

    /// <exception cref="ArgumentException">σ ≤ 0, μ not finite, or high &lt; low.</exception>
    public DiscretizedNormalModel(double mu, double sigma, long low, long high)
    {
        if (!double.IsFinite(mu)) throw InvalidParameter(Parameter.Location, mu, "it must be finite");
        if (!(sigma > 0) || double.IsInfinity(sigma)) throw InvalidParameter(Parameter.Scale, sigma, "it must be finite and > 0");
        if (high < low) throw new InvalidArgumentException($"discretized_normal needs low ≤ high; got {low} and {high}.", nameof(high));
        Mu = mu;
        Sigma = sigma;
        Low = low;
        High = high;
        _logNormaliser = LogMass((low - 0.5 - mu) / sigma, (high + 0.5 - mu) / sigma);
    }

    /// <inheritdoc/>
    public override ModelFamily Family => ModelFamily.DiscretizedNormal;

    /// <inheritdoc/>
    public override IReadOnlyList<ParameterValue> Parameters => [ParameterValue.Of(Parameter.Location, Mu), ParameterValue.Of(Parameter.Scale, Sigma)];

    /// <inheritdoc/>
    public override (long Low, long High)? Support => (Low, High);

    /// <inheritdoc/>
    public override double LogProbability(long k) =>
        k < Low || k > High ? double.NegativeInfinity : LogMass((k - 0.5 - Mu) / Sigma, (k + 0.5 - Mu) / Sigma) - _logNormaliser;

    /// <inheritdoc/>
    protected override DiscreteModel WithVariable(Parameter parameter, double value) =>
        parameter == Parameter.Location ? new DiscretizedNormalModel(value, Sigma, Low, High) : new DiscretizedNormalModel(Mu, value, Low, High);

    private static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));
    private static double Density(double z) => Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);

    /// <summary>Φ(b) − Φ(a) for a &lt; b, without cancellation in either tail.</summary>
    private static double Mass(double a, double b) => a > 0 ? Cdf(-a) - Cdf(-b) : Cdf(b) - Cdf(a);

    private static double LogMass(double a, double b) => Math.Log(Mass(a, b));

    internal static (DiscreteModel, int) Fit(FitData data, FitMethod method, FitOptions options)
    {
        var family = ModelFamily.DiscretizedNormal;
        if (data.Values.Length < 2)
            throw new ModelNotApplicableException(family, $"every observation is {data.Min}: the discretised normal degenerates (σ → 0).");
        long low = data.Min, high = data.Max;
        double sd = Math.Sqrt(data.Variance);
        if (method == FitMethod.Moments) return (new DiscretizedNormalModel(data.Mean, sd, low, high), 2);

        double NegativeMeanLogLikelihood(double mu, double logSigma) =>
            -data.MeanLogLikelihood(new DiscretizedNormalModel(mu, Math.Exp(logSigma), low, high));
        (double, double) Gradient(double mu, double logSigma)
        {
            double sigma = Math.Exp(logSigma);
            // ∂/∂μ ln(Φ(b) − Φ(a)) = (φ(a) − φ(b))/(σ·mass); ∂/∂ln σ = (a·φ(a) − b·φ(b))/mass.
            (double Mu, double LogSigma) Derivatives(double lo, double hi)
            {
                double a = (lo - mu) / sigma, b = (hi - mu) / sigma, mass = Mass(a, b);
                double fa = Density(a), fb = Density(b);
                return ((fa - fb) / (sigma * mass), (a * fa - b * fb) / mass);
            }
            var z = Derivatives(low - 0.5, high + 0.5);
            double dMu = data.Expect(k => Derivatives(k - 0.5, k + 0.5).Mu) - z.Mu;
            double dLogSigma = data.Expect(k => Derivatives(k - 0.5, k + 0.5).LogSigma) - z.LogSigma;
            return (-dMu, -dLogSigma);
        }
        double muHat, logSigmaHat;
        try
        {
            (muHat, logSigmaHat) = Optimizer.Minimize2(NegativeMeanLogLikelihood, Gradient, data.Mean, Math.Log(Math.Max(sd, 0.1)));
        }
        catch (Optimizer.OptimizerFailedException)
        {
            throw new ModelNotApplicableException(family, "the likelihood has no maximum at finite parameters that the optimiser could find (too few or too irregular data).");
        }
        return (new DiscretizedNormalModel(muHat, Math.Exp(logSigmaHat), low, high), 2);
    }
}
