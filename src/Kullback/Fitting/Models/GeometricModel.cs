using Kullback.Numerics;

namespace Kullback.Fitting;

/// <summary>Geometric(p), counting failures before the first success: Q(k) = p·(1 − p)ᵏ for k = 0, 1, 2, …</summary>
/// <remarks>p = 1/(1 + mean) by both maximum likelihood and moments; the mean is (1 − p)/p.</remarks>
public sealed class GeometricModel : DiscreteModel
{
    /// <summary>The success probability, in (0, 1].</summary>
    public double P { get; }

    /// <exception cref="ArgumentException">p outside (0, 1].</exception>
    public GeometricModel(double p)
    {
        if (!(p > 0 && p <= 1)) throw InvalidParameter(Parameter.SuccessProbability, p, "it must lie in (0, 1]");
        P = p;
    }

    /// <inheritdoc/>
    public override ModelFamily Family => ModelFamily.Geometric;

    /// <inheritdoc/>
    public override IReadOnlyList<ParameterValue> Parameters => [ParameterValue.Of(Parameter.SuccessProbability, P)];

    /// <inheritdoc/>
    public override (long Low, long High)? Support => P == 1 ? (0, 0) : null;

    /// <inheritdoc/>
    public override double LogProbability(long k)
    {
        if (k < 0) return double.NegativeInfinity;
        if (P == 1) return k == 0 ? 0 : double.NegativeInfinity;
        return Math.Log(P) + k * Elementary.LogOnePlus(-P);
    }

    /// <inheritdoc/>
    protected override DiscreteModel WithVariable(Parameter parameter, double value) => new GeometricModel(value);

    internal static (DiscreteModel, int) Fit(FitData data, FitMethod method, FitOptions options)
    {
        data.RequireNonNegative(ModelFamily.Geometric);
        return (new GeometricModel(1.0 / (1.0 + data.Mean)), 1);
    }
}
