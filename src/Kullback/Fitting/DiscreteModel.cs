using System.Globalization;

namespace Kullback.Fitting;

/// <summary>A fitted model of integer outcomes: a family with its parameter values. Immutable.</summary>
public abstract class DiscreteModel
{
    /// <summary>The family's name: uniform, binomial, poisson, geometric, negative_binomial, beta_binomial, discretized_normal.</summary>
    public abstract string Family { get; }

    /// <summary>The parameters, in the family's documented order.</summary>
    public abstract IReadOnlyList<ModelParameter> Parameters { get; }

    /// <summary>The smallest and largest outcome with positive probability, or null when the support is unbounded above.</summary>
    public abstract (long Low, long High)? Support { get; }

    /// <summary>ln Q(k); −∞ outside the support.</summary>
    public abstract double LogProbability(long k);

    /// <summary>Q(k).</summary>
    public double Probability(long k) => Math.Exp(LogProbability(k));

    /// <summary>The same family with one parameter changed (for sweeps).</summary>
    /// <exception cref="ArgumentException">The family has no such parameter, or it cannot be changed, or the value is invalid.</exception>
    public abstract DiscreteModel WithParameter(string name, double value);

    /// <summary>The value of the parameter called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The family has no such parameter.</exception>
    public double Parameter(string name) =>
        Parameters.FirstOrDefault(p => p.Name == name) is { Name: not null } found
            ? found.Value
            : throw new InvalidArgumentException($"{Family} has no parameter '{name}'; it has {string.Join(", ", Parameters.Select(p => p.Name))}.", nameof(name));

    /// <summary>Like <c>poisson(lambda = 3.2)</c>.</summary>
    public override string ToString() =>
        $"{Family}({string.Join(", ", Parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} = {p.Value:G6}")))})";

    /// <summary>A parameter error in the shape every family uses.</summary>
    protected InvalidArgumentException InvalidParameter(string name, double value, string requirement) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Family} parameter {name} = {value:R} is invalid: {requirement}."), nameof(value));

    /// <summary>The error for a parameter that a sweep cannot change.</summary>
    protected InvalidArgumentException UnknownOrFixedParameter(string name) =>
        new($"{Family} parameter '{name}' cannot be varied; the parameters that can are: {string.Join(", ", Parameters.Select(p => p.Name).Where(n => n != "n" && n != "low" && n != "high"))}.", nameof(name));
}
