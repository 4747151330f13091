using Kullback.Numerics;
using MathNet.Numerics;

namespace Kullback.Fitting;

/// <summary>Poisson(λ): Q(k) = λᵏ e^(−λ) / k! for k = 0, 1, 2, …</summary>
/// <remarks>λ = mean by both maximum likelihood and moments. λ = 0 is the point mass at 0.</remarks>
public sealed class PoissonModel : DiscreteModel
{
    /// <summary>The rate (the mean), ≥ 0.</summary>
    public double Lambda { get; }

    /// <exception cref="ArgumentException">λ is negative, infinite or NaN.</exception>
    public PoissonModel(double lambda)
    {
        if (!(lambda >= 0) || double.IsInfinity(lambda)) throw InvalidParameter(Parameter.Rate, lambda, "it must be finite and ≥ 0");
        Lambda = lambda;
    }

    /// <inheritdoc/>
    public override ModelFamily Family => ModelFamily.Poisson;

    /// <inheritdoc/>
    public override IReadOnlyList<ParameterValue> Parameters => [ParameterValue.Of(Parameter.Rate, Lambda)];

    /// <inheritdoc/>
    public override (long Low, long High)? Support => Lambda == 0 ? (0, 0) : null;

    /// <inheritdoc/>
    public override double LogProbability(long k) => SaddlePoint.LogPoisson(k, Lambda);

    /// <inheritdoc/>
    protected override DiscreteModel WithVariable(Parameter parameter, double value) => new PoissonModel(value);

    internal static (DiscreteModel, int) Fit(FitData data, FitMethod method, FitOptions options)
    {
        data.RequireNonNegative(ModelFamily.Poisson);
        return (new PoissonModel(data.Mean), 1);
    }
}
