namespace Kullback.Fitting;

/// <summary>
/// A family of models of integer outcomes that can be fitted to data, as a type: <see cref="Binomial"/>,
/// <see cref="Poisson"/>, … Each names its parameters and the ones a sweep may vary.
/// </summary>
public sealed class ModelFamily
{
    private readonly Func<FitData, FitMethod, FitOptions, (DiscreteModel Model, int FreeParameters)> _fit;

    private ModelFamily(string key, string displayName, Parameter[] parameters, Parameter[] variable,
                        Func<FitData, FitMethod, FitOptions, (DiscreteModel, int)> fit)
    {
        Key = key;
        DisplayName = displayName;
        Parameters = parameters;
        VariableParameters = variable;
        _fit = fit;
    }

    /// <summary>The discrete uniform on the observed range low…high.</summary>
    public static ModelFamily Uniform { get; } = new("uniform", "uniform", [Parameter.Low, Parameter.High], [], UniformModel.Fit);

    /// <summary>Binomial(n, p).</summary>
    public static ModelFamily Binomial { get; } = new("binomial", "binomial", [Parameter.Trials, Parameter.SuccessProbability],
        [Parameter.SuccessProbability], BinomialModel.Fit);

    /// <summary>Poisson(λ).</summary>
    public static ModelFamily Poisson { get; } = new("poisson", "Poisson", [Parameter.Rate], [Parameter.Rate], PoissonModel.Fit);

    /// <summary>Geometric(p), counting failures before the first success.</summary>
    public static ModelFamily Geometric { get; } = new("geometric", "geometric", [Parameter.SuccessProbability],
        [Parameter.SuccessProbability], GeometricModel.Fit);

    /// <summary>Negative binomial(r, p) with real r.</summary>
    public static ModelFamily NegativeBinomial { get; } = new("negative_binomial", "negative binomial",
        [Parameter.Successes, Parameter.SuccessProbability], [Parameter.Successes, Parameter.SuccessProbability], NegativeBinomialModel.Fit);

    /// <summary>Beta-binomial(n, α, β).</summary>
    public static ModelFamily BetaBinomial { get; } = new("beta_binomial", "beta-binomial",
        [Parameter.Trials, Parameter.Alpha, Parameter.Beta], [Parameter.Alpha, Parameter.Beta], BetaBinomialModel.Fit);

    /// <summary>A normal(μ, σ) rounded to integers on the observed range.</summary>
    public static ModelFamily DiscretizedNormal { get; } = new("discretized_normal", "discretised normal",
        [Parameter.Location, Parameter.Scale], [Parameter.Location, Parameter.Scale], DiscretizedNormalModel.Fit);

    /// <summary>Every family, in the order they are tried.</summary>
    public static IReadOnlyList<ModelFamily> All { get; } =
        [Uniform, Binomial, Poisson, Geometric, NegativeBinomial, BetaBinomial, DiscretizedNormal];

    /// <summary>The key used on the command line and in JSON: "uniform", "negative_binomial", …</summary>
    public string Key { get; }

    /// <summary>The name in prose: "negative binomial".</summary>
    public string DisplayName { get; }

    /// <summary>The parameters of a fitted model of this family, in order.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The parameters a sweep may vary (the others, such as n or the range, are fixed by the data).</summary>
    public IReadOnlyList<Parameter> VariableParameters { get; }

    /// <summary>The family whose key is <paramref name="key"/> ("binomial", "negative_binomial", …).</summary>
    /// <exception cref="InvalidArgumentException">No family has that key; the reason lists the families.</exception>
    public static ModelFamily Parse(string key) =>
        All.FirstOrDefault(f => string.Equals(f.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidArgumentException(
            $"{InputText.Quote(key ?? "")} is not a model family; the families are {string.Join(", ", All.Select(f => f.Key))}.", nameof(key));

    /// <summary>This family's parameter whose key is <paramref name="key"/> ("p", "lambda", …).</summary>
    /// <exception cref="InvalidArgumentException">The family has no such parameter; the reason lists its parameters.</exception>
    public Parameter ParameterNamed(string key) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidArgumentException(
            $"{Key} has no parameter {InputText.Quote(key ?? "")}; its parameters are {string.Join(", ", Parameters.Select(p => p.Key))}.", nameof(key));

    /// <summary>Fits the family, or throws <see cref="ModelNotApplicableException"/> saying why it cannot describe the data.</summary>
    internal (DiscreteModel Model, int FreeParameters) Fit(FitData data, FitMethod method, FitOptions options) => _fit(data, method, options);

    /// <summary>Like <c>binomial(n, p)</c>.</summary>
    public override string ToString() => $"{Key}({string.Join(", ", Parameters.Select(p => p.Key))})";
}
