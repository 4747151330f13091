namespace Kullback.Fitting;

/// <summary>
/// A parameter of a model family, as a type: <see cref="Trials"/> rather than the string "n". Instances are the
/// static properties; two parameters are equal when they are the same instance.
/// </summary>
public sealed class Parameter
{
    private Parameter(string key, string symbol, string description, bool isInteger)
    {
        Key = key;
        Symbol = symbol;
        Description = description;
        IsInteger = isInteger;
    }

    /// <summary>The smallest outcome of a uniform or discretised normal (an integer).</summary>
    public static Parameter Low { get; } = new("low", "low", "the smallest outcome", isInteger: true);

    /// <summary>The largest outcome of a uniform or discretised normal (an integer).</summary>
    public static Parameter High { get; } = new("high", "high", "the largest outcome", isInteger: true);

    /// <summary>The number of labelled outcomes of a categorical uniform (an integer ≥ 1).</summary>
    public static Parameter Outcomes { get; } = new("outcomes", "m", "the number of outcomes", isInteger: true);

    /// <summary>The number of trials n of a binomial or beta-binomial (an integer ≥ 0).</summary>
    public static Parameter Trials { get; } = new("n", "n", "the number of trials", isInteger: true);

    /// <summary>The success probability p, in [0, 1].</summary>
    public static Parameter SuccessProbability { get; } = new("p", "p", "the success probability", isInteger: false);

    /// <summary>The rate λ of a Poisson (its mean), ≥ 0.</summary>
    public static Parameter Rate { get; } = new("lambda", "λ", "the rate (the mean)", isInteger: false);

    /// <summary>The number of successes r of a negative binomial, a real number &gt; 0.</summary>
    public static Parameter Successes { get; } = new("r", "r", "the number of successes", isInteger: false);

    /// <summary>The first shape α &gt; 0 of a beta-binomial.</summary>
    public static Parameter Alpha { get; } = new("alpha", "α", "the first shape", isInteger: false);

    /// <summary>The second shape β &gt; 0 of a beta-binomial.</summary>
    public static Parameter Beta { get; } = new("beta", "β", "the second shape", isInteger: false);

    /// <summary>The location μ of a discretised normal.</summary>
    public static Parameter Location { get; } = new("mu", "μ", "the location", isInteger: false);

    /// <summary>The scale σ &gt; 0 of a discretised normal.</summary>
    public static Parameter Scale { get; } = new("sigma", "σ", "the scale", isInteger: false);

    /// <summary>The key used on the command line and in JSON: "n", "p", "lambda", …</summary>
    public string Key { get; }

    /// <summary>The mathematical symbol: n, p, λ, r, α, β, μ, σ.</summary>
    public string Symbol { get; }

    /// <summary>What the parameter is, in a few words.</summary>
    public string Description { get; }

    /// <summary>True when the parameter takes whole numbers only.</summary>
    public bool IsInteger { get; }

    /// <summary>The key, as "lambda".</summary>
    public override string ToString() => Key;
}
