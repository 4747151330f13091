namespace Kullback.Fitting;

/// <summary>The uniform distribution over m labelled outcomes, numbered 0…m − 1 in the data's order.</summary>
public sealed class CategoricalUniformModel : DiscreteModel
{
    /// <summary>The number of outcomes.</summary>
    public int Outcomes { get; }

    /// <exception cref="ArgumentException">m &lt; 1.</exception>
    public CategoricalUniformModel(int outcomes)
    {
        if (outcomes < 1) throw InvalidParameter("outcomes", outcomes, "at least one outcome is needed");
        Outcomes = outcomes;
    }

    /// <inheritdoc/>
    public override string Family => "uniform";

    /// <inheritdoc/>
    public override IReadOnlyList<ModelParameter> Parameters => [new("outcomes", Outcomes)];

    /// <inheritdoc/>
    public override (long Low, long High)? Support => (0, Outcomes - 1);

    /// <inheritdoc/>
    public override double LogProbability(long k) => k < 0 || k >= Outcomes ? double.NegativeInfinity : -Math.Log(Outcomes);

    /// <inheritdoc/>
    public override DiscreteModel WithParameter(string name, double value) => throw UnknownOrFixedParameter(name);
}
