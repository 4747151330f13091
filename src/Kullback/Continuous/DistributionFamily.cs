using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Kullback.Continuous;

/// <summary>
/// A named family of univariate distributions that <see cref="DistributionSpec"/> can build, as a type:
/// <see cref="Normal"/>, <see cref="Gamma"/>, … with its parameter names in order.
/// </summary>
public sealed class DistributionFamily
{
    private readonly Func<double[], IUnivariateDistribution> _create;

    private DistributionFamily(string key, string[] parameters, bool isDiscrete, Func<double[], IUnivariateDistribution> create)
    {
        Key = key;
        Parameters = parameters;
        IsDiscrete = isDiscrete;
        _create = create;
    }

    /// <summary>normal(mu, sigma), σ &gt; 0.</summary>
    public static DistributionFamily Normal { get; } = new("normal", ["mu", "sigma"], false,
        a => new MathNet.Numerics.Distributions.Normal(a[0], Positive(a[1], "sigma")));

    /// <summary>lognormal(mu, sigma): ln X is normal(μ, σ), σ &gt; 0.</summary>
    public static DistributionFamily LogNormal { get; } = new("lognormal", ["mu", "sigma"], false,
        a => new MathNet.Numerics.Distributions.LogNormal(a[0], Positive(a[1], "sigma")));

    /// <summary>exponential(rate), rate &gt; 0.</summary>
    public static DistributionFamily Exponential { get; } = new("exponential", ["rate"], false,
        a => new MathNet.Numerics.Distributions.Exponential(Positive(a[0], "rate")));

    /// <summary>gamma(shape, rate), both &gt; 0.</summary>
    public static DistributionFamily Gamma { get; } = new("gamma", ["shape", "rate"], false,
        a => new MathNet.Numerics.Distributions.Gamma(Positive(a[0], "shape"), Positive(a[1], "rate")));

    /// <summary>beta(a, b), both &gt; 0.</summary>
    public static DistributionFamily Beta { get; } = new("beta", ["a", "b"], false,
        a => new MathNet.Numerics.Distributions.Beta(Positive(a[0], "a"), Positive(a[1], "b")));

    /// <summary>laplace(mu, b), b &gt; 0.</summary>
    public static DistributionFamily Laplace { get; } = new("laplace", ["mu", "b"], false,
        a => new MathNet.Numerics.Distributions.Laplace(a[0], Positive(a[1], "b")));

    /// <summary>uniform(a, b) on [a, b], a &lt; b.</summary>
    public static DistributionFamily Uniform { get; } = new("uniform", ["a", "b"], false,
        a => a[0] < a[1]
            ? new ContinuousUniform(a[0], a[1])
            : throw Invalid(string.Create(CultureInfo.InvariantCulture, $"a = {a[0]:R} must be less than b = {a[1]:R}"), "a"));

    /// <summary>pareto(scale, shape): density α·xₘ^α / x^(α+1) for x ≥ xₘ; both &gt; 0.</summary>
    public static DistributionFamily Pareto { get; } = new("pareto", ["scale", "shape"], false,
        a => new MathNet.Numerics.Distributions.Pareto(Positive(a[0], "scale"), Positive(a[1], "shape")));

    /// <summary>poisson(lambda), λ ≥ 0 (λ = 0: <see cref="ZeroRatePoisson"/>, all mass at 0).</summary>
    public static DistributionFamily Poisson { get; } = new("poisson", ["lambda"], true,
        a => a[0] == 0 ? new ZeroRatePoisson() : new MathNet.Numerics.Distributions.Poisson(NonNegative(a[0], "lambda")));

    /// <summary>binomial(n, p), n a whole number ≥ 0 (at most 2³¹ − 1), p in [0, 1].</summary>
    public static DistributionFamily Binomial { get; } = new("binomial", ["n", "p"], true,
        a => new MathNet.Numerics.Distributions.Binomial(Probability(a[1], "p", allowZero: true), WholeNumber(a[0], "n")));

    /// <summary>geometric(p): failures before the first success (k = 0, 1, …), as <c>kullback fit</c> counts them; p in (0, 1].</summary>
    public static DistributionFamily Geometric { get; } = new("geometric", ["p"], true,
        a => new NegativeBinomial(1, Probability(a[0], "p", allowZero: false)));

    /// <summary>Every family, in the order the syntax lists them.</summary>
    public static IReadOnlyList<DistributionFamily> All { get; } =
        [Normal, LogNormal, Exponential, Gamma, Beta, Laplace, Uniform, Pareto, Poisson, Binomial, Geometric];

    /// <summary>The name in the syntax: "normal", "gamma", …</summary>
    public string Key { get; }

    /// <summary>The parameter names, in order.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>True for distributions over the integers (a probability mass function), false for densities.</summary>
    public bool IsDiscrete { get; }

    /// <summary>Like <c>gamma(shape,rate)</c>.</summary>
    public string Syntax => $"{Key}({string.Join(",", Parameters)})";

    /// <summary>The MathNet.Numerics distribution with these parameter values.</summary>
    /// <exception cref="InvalidArgumentException">The wrong number of values, or a value outside its range.</exception>
    public IUnivariateDistribution Create(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Parameters.Count)
            throw new InvalidArgumentException($"{Key} takes {Parameters.Count} parameter(s), {Syntax}; got {values.Count}.", nameof(values));
        for (int i = 0; i < values.Count; i++)
            if (!double.IsFinite(values[i]))
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{Parameters[i]} = {values[i]} is not a finite number."), Parameters[i]);
        return _create([.. values]);
    }

    /// <inheritdoc/>
    public override string ToString() => Syntax;

    private static InvalidArgumentException Invalid(string reason, string parameter) => new(reason, parameter);

    private static double Positive(double v, string name) =>
        v > 0 ? v : throw Invalid(string.Create(CultureInfo.InvariantCulture, $"{name} = {v:R} must be greater than 0"), name);

    private static double NonNegative(double v, string name) =>
        v >= 0 && double.IsFinite(v) ? v : throw Invalid(string.Create(CultureInfo.InvariantCulture, $"{name} = {v:R} must be finite and ≥ 0"), name);

    private static double Probability(double v, string name, bool allowZero) =>
        (allowZero ? v >= 0 : v > 0) && v <= 1
            ? v
            : throw Invalid(string.Create(CultureInfo.InvariantCulture, $"{name} = {v:R} must lie in {(allowZero ? "[0, 1]" : "(0, 1]")}"), name);

    private static int WholeNumber(double v, string name) =>
        v >= 0 && v == Math.Floor(v) && v <= int.MaxValue
            ? (int)v
            : throw Invalid(string.Create(CultureInfo.InvariantCulture, $"{name} = {v:R} must be a whole number from 0 to {int.MaxValue}"), name);
}
