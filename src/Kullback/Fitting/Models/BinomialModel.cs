using Kullback.Numerics;
using MathNet.Numerics;

namespace Kullback.Fitting;

/// <summary>Binomial(n, p): Q(k) = C(n, k)·pᵏ·(1 − p)ⁿ⁻ᵏ for k = 0…n.</summary>
/// <remarks>
/// n is the number of trials given (<see cref="FitOptions.Trials"/>) or, if none, the largest observed value (then it
/// counts as a fitted parameter). p = mean/n by both maximum likelihood and moments.
/// </remarks>
public sealed class BinomialModel : DiscreteModel
{
    /// <summary>The number of trials.</summary>
    public long N { get; }

    /// <summary>The success probability, in [0, 1].</summary>
    public double P { get; }

    /// <exception cref="ArgumentException">n &lt; 0 or p outside [0, 1].</exception>
    public BinomialModel(long n, double p)
    {
        if (n < 0) throw InvalidParameter(Parameter.Trials, n, "it must be a whole number ≥ 0");
        if (!(p >= 0 && p <= 1)) throw InvalidParameter(Parameter.SuccessProbability, p, "it must lie in [0, 1]");
        N = n;
        P = p;
    }

    /// <inheritdoc/>
    public override ModelFamily Family => ModelFamily.Binomial;

    /// <inheritdoc/>
    public override IReadOnlyList<ParameterValue> Parameters => [ParameterValue.Of(Parameter.Trials, N), ParameterValue.Of(Parameter.SuccessProbability, P)];

    /// <inheritdoc/>
    public override (long Low, long High)? Support => P == 0 ? (0, 0) : P == 1 ? (N, N) : (0, N);

    /// <inheritdoc/>
    public override double LogProbability(long k) => SaddlePoint.LogBinomial(k, N, P);

    /// <inheritdoc/>
    protected override DiscreteModel WithVariable(Parameter parameter, double value) => new BinomialModel(N, value);

    internal static double LogChoose(long n, long k) =>
        SpecialFunctions.GammaLn(n + 1.0) - SpecialFunctions.GammaLn(k + 1.0) - SpecialFunctions.GammaLn(n - k + 1.0);

    internal static (DiscreteModel, int) Fit(FitData data, FitMethod method, FitOptions options)
    {
        var family = ModelFamily.Binomial;
        data.RequireNonNegative(family);
        long n = TrialsFor(family, data, options);
        return (new BinomialModel(n, Math.Clamp(data.Mean / n, 0, 1)), options.Trials is null ? 2 : 1);
    }

    /// <summary>n for binomial-type families: the given trials, else the largest observed value.</summary>
    internal static long TrialsFor(ModelFamily family, FitData data, FitOptions options)
    {
        long n = options.Trials ?? data.Max;
        if (options.Trials is { } t && data.Max > t)
            throw new ModelNotApplicableException(family, $"the data have the value {data.Max}, more than the {t} trials given.");
        if (n < 1)
            throw new ModelNotApplicableException(family, "every observation is 0, so the number of trials cannot be taken from the data (give the number of trials).");
        return n;
    }
}
