using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Kullback.Cli;

/// <summary>
/// Parses distributions written as <c>family(parameters)</c>: normal(mu,sigma), lognormal(mu,sigma), exponential(rate),
/// gamma(shape,rate), beta(a,b), laplace(mu,b), uniform(a,b), poisson(lambda), binomial(n,p), geometric(p).
/// </summary>
internal static class DistributionSpec
{
    private sealed record Family(string Name, string[] Parameters, Func<double[], IUnivariateDistribution> Create);

    private static readonly Family[] Families =
    [
        new("normal", ["mu", "sigma"], a => new Normal(a[0], Positive(a[1], "sigma"))),
        new("lognormal", ["mu", "sigma"], a => new LogNormal(a[0], Positive(a[1], "sigma"))),
        new("exponential", ["rate"], a => new Exponential(Positive(a[0], "rate"))),
        new("gamma", ["shape", "rate"], a => new Gamma(Positive(a[0], "shape"), Positive(a[1], "rate"))),
        new("beta", ["a", "b"], a => new Beta(Positive(a[0], "a"), Positive(a[1], "b"))),
        new("laplace", ["mu", "b"], a => new Laplace(a[0], Positive(a[1], "b"))),
        new("uniform", ["a", "b"], a => a[0] < a[1] ? new ContinuousUniform(a[0], a[1]) : throw Invalid($"a = {a[0]} must be less than b = {a[1]}")),
        new("poisson", ["lambda"], a => new Poisson(Positive(a[0], "lambda"))),
        new("binomial", ["n", "p"], a => new Binomial(Probability(a[1], "p", allowZero: true), WholeNumber(a[0], "n"))),
        // Failures before the first success (k = 0, 1, …), as `kullback fit` counts them: the negative binomial with r = 1.
        new("geometric", ["p"], a => new NegativeBinomial(1, Probability(a[0], "p", allowZero: false))),
    ];

    /// <summary>The syntax, for help texts.</summary>
    public static string Syntax => string.Join(", ", Families.Select(f => $"{f.Name}({string.Join(",", f.Parameters)})"));

    /// <summary>Parses <paramref name="text"/>, given with <paramref name="option"/>, or explains what is wrong.</summary>
    public static IUnivariateDistribution Parse(string text, string option)
    {
        string where = $"{option} \"{text}\"";
        string trimmed = text.Trim();
        int open = trimmed.IndexOf('('), close = trimmed.LastIndexOf(')');
        if (open <= 0 || close != trimmed.Length - 1)
            throw new UsageException($"{where} is not of the form family(parameters), such as normal(0,1); the families are {Syntax}.");
        string name = trimmed[..open].Trim().ToLowerInvariant();
        var family = Families.FirstOrDefault(f => f.Name == name)
            ?? throw new UsageException($"{where}: unknown family '{name}'; the families are {Syntax}.");
        string[] fields = trimmed[(open + 1)..close].Split(',', StringSplitOptions.TrimEntries);
        if (fields.Length != family.Parameters.Length || fields.Any(f => f.Length == 0))
            throw new UsageException($"{where}: {family.Name} takes {family.Parameters.Length} parameter(s), {family.Name}({string.Join(",", family.Parameters)}).");
        var values = new double[fields.Length];
        for (int i = 0; i < fields.Length; i++)
            if (!double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                throw new UsageException($"{where}: {family.Parameters[i]} = '{fields[i]}' is not a finite number.");
        try
        {
            return family.Create(values);
        }
        catch (InvalidParameter e)
        {
            throw new UsageException($"{where}: {e.Message}.");
        }
    }

    private sealed class InvalidParameter(string message) : Exception(message);

    private static InvalidParameter Invalid(string message) => new(message);

    private static double Positive(double v, string name) => v > 0 ? v : throw Invalid($"{name} = {v.ToString(CultureInfo.InvariantCulture)} must be greater than 0");

    private static double Probability(double v, string name, bool allowZero) =>
        (allowZero ? v >= 0 : v > 0) && v <= 1 ? v : throw Invalid($"{name} = {v.ToString(CultureInfo.InvariantCulture)} must lie in {(allowZero ? "[0, 1]" : "(0, 1]")}");

    private static int WholeNumber(double v, string name) =>
        v >= 0 && v == Math.Floor(v) && v <= int.MaxValue ? (int)v : throw Invalid($"{name} = {v.ToString(CultureInfo.InvariantCulture)} must be a whole number ≥ 0");
}
