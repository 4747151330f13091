namespace Kullback.Fitting;

/// <summary>A family of models that can be fitted to integer data.</summary>
public sealed class ModelFamily
{
    private readonly Func<FitData, FitMethod, FitOptions, (DiscreteModel Model, int FreeParameters)> _fit;

    private ModelFamily(string name, string parameters, Func<FitData, FitMethod, FitOptions, (DiscreteModel, int)> fit)
    {
        Name = name;
        ParameterNames = parameters;
        _fit = fit;
    }

    /// <summary>The name used on the command line and in JSON.</summary>
    public string Name { get; }

    /// <summary>Its parameters, as "n, p".</summary>
    public string ParameterNames { get; }

    /// <summary>Every family, in the order they are tried.</summary>
    public static IReadOnlyList<ModelFamily> All { get; } =
    [
        new("uniform", "low, high", UniformModel.Fit),
        new("binomial", "n, p", BinomialModel.Fit),
        new("poisson", "lambda", PoissonModel.Fit),
        new("geometric", "p", GeometricModel.Fit),
        new("negative_binomial", "r, p", NegativeBinomialModel.Fit),
        new("beta_binomial", "n, alpha, beta", BetaBinomialModel.Fit),
        new("discretized_normal", "mu, sigma", DiscretizedNormalModel.Fit),
    ];

    /// <summary>The family called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No family has that name.</exception>
    public static ModelFamily Named(string name) =>
        All.FirstOrDefault(f => f.Name == name)
        ?? throw new InvalidArgumentException($"There is no model family '{name}'; the families are {string.Join(", ", All.Select(f => f.Name))}.", nameof(name));

    /// <summary>Fits the family, or throws <see cref="ModelNotApplicableException"/> saying why it cannot describe the data.</summary>
    internal (DiscreteModel Model, int FreeParameters) Fit(FitData data, FitMethod method, FitOptions options) => _fit(data, method, options);

    /// <inheritdoc/>
    public override string ToString() => $"{Name}({ParameterNames})";
}
