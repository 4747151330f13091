namespace Kullback.Fitting;

/// <summary>The uniform distribution over m labelled outcomes, numbered 0…m − 1 in the data's order.</summary>
public sealed class CategoricalUniformModel : DiscreteModel
{
    /// <summary>The number of outcomes.</summary>
    public int Outcomes { get; }

    /// <exception cref="ArgumentException">m &lt; 1.</exception>
    public CategoricalUniformModel(int outcomes)
    {
        if (outcomes < 1) throw InvalidParameter(Parameter.Outcomes, outcomes, "at least one outcome is needed");
        Outcomes = outcomes;
    }

    /// <inheritdoc/>
    public override ModelFamily Family => ModelFamily.Uniform;

    /// <inheritdoc/>
    public override IReadOnlyList<ParameterValue> Parameters => [ParameterValue.Of(Parameter.Outcomes, (long)Outcomes)];

    /// <inheritdoc/>
    public override (long Low, long High)? Support => (0, Outcomes - 1);

    /// <inheritdoc/>
    public override double LogProbability(long k) => k < 0 || k >= Outcomes ? double.NegativeInfinity : -Math.Log(Outcomes);

    /// <inheritdoc/>
    protected override DiscreteModel WithVariable(Parameter parameter, double value) => throw new System.Diagnostics.UnreachableException();
}
