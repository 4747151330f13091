using System.Globalization;
using System.Text.Json;
using Kullback.Numerics;

namespace Kullback.Tests.Numerics;

/// <summary>Binomial and Poisson log-probabilities against mpmath at the extremes of n, k, p and λ (Data/pmf-cases.json).</summary>
public class SaddlePointTests
{
    private static readonly JsonElement Cases =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "pmf-cases.json"))).RootElement;

    private static double D(JsonElement e, string name) => double.Parse(e.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
    private static long L(JsonElement e, string name) => long.Parse(e.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    private static void AssertClose(double expected, double actual, string what)
    {
        double tolerance = 1e-12 * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void Binomial_log_probabilities_match_mpmath_for_every_n_up_to_the_largest_long()
    {
        int checkedCases = 0;
        foreach (var c in Cases.GetProperty("binomial").EnumerateArray())
        {
            long n = L(c, "n"), k = L(c, "k");
            double p = D(c, "p"), expected = D(c, "log_probability");
            AssertClose(expected, SaddlePoint.LogBinomial(k, n, p), $"binomial(n = {n}, p = {p:R}) at k = {k}");
            checkedCases++;
        }
        Assert.True(checkedCases > 300);
    }

    [Fact]
    public void Poisson_log_probabilities_match_mpmath_for_every_rate()
    {
        foreach (var c in Cases.GetProperty("poisson").EnumerateArray())
        {
            long k = L(c, "k");
            double lambda = D(c, "lambda"), expected = D(c, "log_probability");
            AssertClose(expected, SaddlePoint.LogPoisson(k, lambda), $"poisson(λ = {lambda:R}) at k = {k}");
        }
    }

    [Fact]
    public void The_edges_are_exact()
    {
        Assert.Equal(double.NegativeInfinity, SaddlePoint.LogBinomial(-1, 10, 0.3));
        Assert.Equal(double.NegativeInfinity, SaddlePoint.LogBinomial(11, 10, 0.3));
        Assert.Equal(0.0, SaddlePoint.LogBinomial(0, 10, 0));
        Assert.Equal(0.0, SaddlePoint.LogBinomial(10, 10, 1));
        Assert.Equal(double.NegativeInfinity, SaddlePoint.LogBinomial(3, 10, 0));
        Assert.Equal(0.0, SaddlePoint.LogPoisson(0, 0));
        Assert.Equal(double.NegativeInfinity, SaddlePoint.LogPoisson(1, 0));
        Assert.Equal(-2.5, SaddlePoint.LogPoisson(0, 2.5));
    }
}
