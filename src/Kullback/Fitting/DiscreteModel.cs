using System.Globalization;

namespace Kullback.Fitting;

/// <summary>A fitted model of integer outcomes: a family with its parameter values. Immutable.</summary>
public abstract class DiscreteModel
{
    /// <summary>The model's family.</summary>
    public abstract ModelFamily Family { get; }

    /// <summary>The parameters with their values, in the family's order (<see cref="ModelFamily.Parameters"/>).</summary>
    public abstract IReadOnlyList<ParameterValue> Parameters { get; }

    /// <summary>The smallest and largest outcome with positive probability, or null when the support is unbounded above.</summary>
    public abstract (long Low, long High)? Support { get; }

    /// <summary>ln Q(k); −∞ outside the support.</summary>
    public abstract double LogProbability(long k);

    /// <summary>Q(k).</summary>
    public double Probability(long k) => Math.Exp(LogProbability(k));

    /// <summary>The value of <paramref name="parameter"/>.</summary>
    /// <exception cref="InvalidArgumentException">The family has no such parameter.</exception>
    public double this[Parameter parameter] =>
        Parameters.FirstOrDefault(p => p.Parameter == parameter) is { Parameter: not null } found
            ? found.Value
            : throw new InvalidArgumentException(
                $"{Family.Key} has no parameter {parameter?.Key}; its parameters are {string.Join(", ", Family.Parameters.Select(p => p.Key))}.",
                nameof(parameter));

    /// <summary>The same family with one of its <see cref="ModelFamily.VariableParameters"/> changed (for sweeps).</summary>
    /// <exception cref="InvalidArgumentException">The parameter cannot be varied, or the value is outside its range.</exception>
    public DiscreteModel With(Parameter parameter, double value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (!Family.VariableParameters.Contains(parameter))
            throw new InvalidArgumentException(
                Family.VariableParameters.Count == 0
                    ? $"{Family.Key} has no parameter that can be varied: its parameters are fixed by the data."
                    : $"{Family.Key} parameter {parameter.Key} cannot be varied; the parameters that can are: {string.Join(", ", Family.VariableParameters.Select(p => p.Key))}.",
                nameof(parameter));
        return WithVariable(parameter, value);
    }

    /// <summary>The model with a variable parameter changed; <paramref name="parameter"/> is one of the family's variable ones.</summary>
    protected abstract DiscreteModel WithVariable(Parameter parameter, double value);

    /// <summary>Like <c>poisson(lambda = 3.2)</c>.</summary>
    public override string ToString() => $"{Family.Key}({string.Join(", ", Parameters)})";

    /// <summary>A parameter error in the shape every family uses.</summary>
    protected InvalidArgumentException InvalidParameter(Parameter parameter, double value, string requirement) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Family.Key} parameter {parameter.Key} = {value:R} is invalid: {requirement}."), parameter.Key);
}
