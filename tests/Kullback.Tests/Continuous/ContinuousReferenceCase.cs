using System.Globalization;
using System.Text.Json;
using Kullback.Continuous;
using MathNet.Numerics.Distributions;

namespace Kullback.Tests;

/// <summary>
/// One case of <c>Data/continuous-cases.json</c> (made by <c>tests/reference/make_continuous_cases.py</c> with mpmath at
/// 50+ digits): a divergence or an entropy of named distributions, its expected value as text ("Infinity", "overflow").
/// </summary>
public sealed record ContinuousReferenceCase(string Name, string Kind, string Family, JsonElement P, JsonElement? Q, string Expected)
{
    public static readonly IReadOnlyList<ContinuousReferenceCase> All = Load();

    private static List<ContinuousReferenceCase> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "continuous-cases.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new ContinuousReferenceCase(
            c.GetProperty("name").GetString()!,
            c.GetProperty("kind").GetString()!,
            c.GetProperty("family").GetString()!,
            c.GetProperty("p").Clone(),
            c.TryGetProperty("q", out var q) ? q.Clone() : null,
            c.GetProperty("expected").GetString()!)).ToList();
    }

    /// <summary>The cases of one kind, as xunit theory data (by name, so the test explorer lists them).</summary>
    public static TheoryData<string> Names(string kind, Func<ContinuousReferenceCase, bool>? where = null)
    {
        var data = new TheoryData<string>();
        foreach (var c in All.Where(c => c.Kind == kind && (where?.Invoke(c) ?? true)).Select(c => c.Name).Distinct()) data.Add(c);
        return data;
    }

    public static ContinuousReferenceCase Named(string name, string kind) => All.First(c => c.Name == name && c.Kind == kind);

    /// <summary>The expected value: +∞ for "Infinity"; NaN for "overflow" (the caller checks <see cref="Overflows"/>).</summary>
    public double ExpectedValue => Expected switch
    {
        "Infinity" => double.PositiveInfinity,
        "overflow" => double.NaN,
        _ => double.Parse(Expected, CultureInfo.InvariantCulture),
    };

    public bool Overflows => Expected == "overflow";

    public bool IsMultivariate => Family == "mvnormal";

    public IUnivariateDistribution DistributionP => Build(Family, P);

    public IUnivariateDistribution DistributionQ => Build(Family, Q!.Value);

    public MultivariateNormal MultivariateP => BuildMultivariate(P);

    public MultivariateNormal MultivariateQ => BuildMultivariate(Q!.Value);

    private static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    /// <summary>The MathNet distribution with the script's parameter conventions.</summary>
    public static IUnivariateDistribution Build(string family, JsonElement parameters)
    {
        double[] a = Numbers(parameters);
        return family switch
        {
            "normal" => new Normal(a[0], a[1]),
            "lognormal" => new LogNormal(a[0], a[1]),
            "exponential" => new Exponential(a[0]),
            "gamma" => new Gamma(a[0], a[1]),
            "beta" => new Beta(a[0], a[1]),
            "laplace" => new Laplace(a[0], a[1]),
            "uniform" => new ContinuousUniform(a[0], a[1]),
            "pareto" => new Pareto(a[0], a[1]),
            "poisson" => new Poisson(a[0]),
            "binomial" => new Binomial(a[1], checked((int)a[0])),
            "geometric" => new Geometric(a[0]),
            "negative_binomial" => new NegativeBinomial(a[0], a[1]),
            _ => throw new InvalidOperationException($"unknown family {family}"),
        };
    }

    private static MultivariateNormal BuildMultivariate(JsonElement e)
    {
        double[] mean = Numbers(e[0]);
        var rows = e[1].EnumerateArray().Select(Numbers).ToArray();
        var covariance = new double[mean.Length, mean.Length];
        for (int i = 0; i < mean.Length; i++)
            for (int j = 0; j < mean.Length; j++)
                covariance[i, j] = rows[i][j];
        return MultivariateNormal.Of(mean, covariance);
    }

    public override string ToString() => Name;
}
