namespace Kullback.Fitting;

/// <summary>The discrete uniform distribution on low, low + 1, …, high: Q(k) = 1/(high − low + 1).</summary>
/// <remarks>Fitted (by either method) to the observed range: the maximum-likelihood one; low and high count as 2 parameters.</remarks>
public sealed class UniformModel : DiscreteModel
{
    /// <summary>The smallest outcome.</summary>
    public long Low { get; }

    /// <summary>The largest outcome.</summary>
    public long High { get; }

    /// <exception cref="ArgumentException">high &lt; low.</exception>
    public UniformModel(long low, long high)
    {
        if (high < low) throw new InvalidArgumentException($"uniform needs low ≤ high; got low = {low}, high = {high}.", nameof(high));
        Low = low;
        High = high;
    }

    /// <inheritdoc/>
    public override ModelFamily Family => ModelFamily.Uniform;

    /// <inheritdoc/>
    public override IReadOnlyList<ParameterValue> Parameters => [ParameterValue.Of(Parameter.Low, Low), ParameterValue.Of(Parameter.High, High)];

    /// <inheritdoc/>
    public override (long Low, long High)? Support => (Low, High);

    /// <inheritdoc/>
    public override double LogProbability(long k) => k < Low || k > High ? double.NegativeInfinity : -Math.Log((double)High - Low + 1.0);   // in double: High − Low can exceed long

    /// <inheritdoc/>
    protected override DiscreteModel WithVariable(Parameter parameter, double value) => throw new System.Diagnostics.UnreachableException();

    internal static (DiscreteModel, int) Fit(FitData data, FitMethod method, FitOptions options) => (new UniformModel(data.Min, data.Max), 2);
}
