using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kullback.Cli.Tests;

/// <summary><c>kullback continuous</c> and <c>kullback estimate</c>.</summary>
public class ContinuousCommandTests
{
    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    [Fact]
    public void Normal_against_normal_gives_the_closed_form_and_the_integral()
    {
        var root = Json(CliRun.Of("continuous", "--p", "normal(0,1)", "--q", "normal(1,2)", "--json"));
        const double expected = 0.44314718055994530942;   // ln 2 + 2/8 − ½, from the textbook form
        Assert.Equal(expected, root.GetProperty("closed_form_pq").GetDouble(), 1e-14);
        Assert.Equal(expected, root.GetProperty("numerical_pq").GetDouble(), 1e-12);
        Assert.Equal(expected, root.GetProperty("kl_pq").GetDouble(), 1e-14);
        Assert.True(root.GetProperty("error_estimate_pq").GetDouble() < 1e-10);
        Assert.Equal(1.4189385332046727418, root.GetProperty("entropy_p").GetDouble(), 1e-14);   // ½ ln(2πe)
    }

    [Fact]
    public void Different_families_have_no_closed_form_and_bits_are_available()
    {
        var root = Json(CliRun.Of("continuous", "--p", "normal(0,1)", "--q", "laplace(0,1)", "--json", "--base", "2"));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("closed_form_pq").ValueKind);
        Assert.Equal("bits", root.GetProperty("unit").GetString());
        var nats = Json(CliRun.Of("continuous", "--p", "normal(0,1)", "--q", "laplace(0,1)", "--json"));
        Assert.Equal(nats.GetProperty("kl_pq").GetDouble() / Math.Log(2), root.GetProperty("kl_pq").GetDouble(), 1e-14);
    }

    [Fact]
    public void Missing_support_is_infinite_and_shown_as_such()
    {
        var root = Json(CliRun.Of("continuous", "--p", "uniform(0,2)", "--q", "uniform(0,1)", "--json"));
        Assert.Equal("Infinity", root.GetProperty("closed_form_pq").GetString());
        Assert.Equal("Infinity", root.GetProperty("numerical_pq").GetString());
        var table = CliRun.Of("continuous", "--p", "uniform(0,2)", "--q", "uniform(0,1)");
        Assert.Contains("∞", table.Out);
    }

    [Fact]
    public void Infinite_divergences_say_why_and_an_unresolvable_reverse_does_not_hide_the_answer()
    {
        var pareto = CliRun.Of("continuous", "--p", "pareto(1,2)", "--q", "normal(0,1)");
        Assert.Equal(0, pareto.ExitCode);
        Assert.Contains("no moment of order 2", pareto.Out, StringComparison.Ordinal);
        var narrow = Json(CliRun.Of("continuous", "--p", "normal(0,1e-300)", "--q", "normal(0,1)", "--json"));
        Assert.Equal(690.2755278982137, narrow.GetProperty("kl_pq").GetDouble(), 1e-12 * 690);   // ln(1e300) − ½
        Assert.Equal(JsonValueKind.Null, narrow.GetProperty("kl_qp").ValueKind);
        Assert.Contains("exceeds the largest double", narrow.GetProperty("numerical_unresolved_qp").GetString(), StringComparison.Ordinal);
        CliRun.Of("continuous", "--p", "normal(0,1e300)", "--q", "normal(0,1e-300)").AssertUsageError("exceeds the largest double");
    }

    [Fact]
    public void Discrete_families_are_summed_and_geometric_counts_failures_as_fit_does()
    {
        var root = Json(CliRun.Of("continuous", "--p", "poisson(3)", "--q", "geometric(0.3)", "--json"));
        Assert.True(double.IsFinite(root.GetProperty("numerical_pq").GetDouble()));
        var same = Json(CliRun.Of("continuous", "--p", "binomial(20,0.3)", "--q", "binomial(20,0.45)", "--json"));
        Assert.Equal(same.GetProperty("closed_form_pq").GetDouble(), same.GetProperty("numerical_pq").GetDouble(), 1e-12);
    }

    [Theory]
    [InlineData("normal(0)", "normal takes 2 parameter(s)")]
    [InlineData("zipf(2)", "unknown family 'zipf'")]
    [InlineData("normal(0,-1)", "sigma = -1 must be greater than 0")]
    [InlineData("uniform(2,1)", "must be less than b")]
    [InlineData("binomial(2.5,0.3)", "n = 2.5 must be a whole number")]
    [InlineData("geometric(0)", "must lie in (0, 1]")]
    [InlineData("normal 0 1", "not of the form family(parameters)")]
    [InlineData("gamma(1,inf)", "is not a finite number")]
    public void Bad_specifications_are_usage_errors(string spec, string message) =>
        CliRun.Of("continuous", "--p", spec, "--q", "normal(0,1)").AssertUsageError("--p", message);

    [Fact]
    public void A_discrete_and_a_continuous_distribution_cannot_be_compared() =>
        CliRun.Of("continuous", "--p", "poisson(2)", "--q", "normal(2,1)").AssertUsageError("discrete and the other continuous");

    private static string NormalSamples(int n, double mean, double sd, int seed, int dimensions)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder(string.Join(",", Enumerable.Range(1, dimensions).Select(d => $"x{d}")) + ",label\n");
        for (int i = 0; i < n; i++)
        {
            for (int d = 0; d < dimensions; d++)
                sb.Append((mean + sd * MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1)).ToString("R", CultureInfo.InvariantCulture)).Append(',');
            sb.Append("point\n");
        }
        return sb.ToString();
    }

    [Fact]
    public void Estimate_from_two_csv_samples_approaches_the_closed_form()
    {
        using var dir = new TempDirectory();
        string p = dir.File("p.csv", NormalSamples(5000, 0, 1, 1, 2)), q = dir.File("q.csv", NormalSamples(5000, 0.5, 1.5, 2, 2));
        var root = Json(CliRun.Of("estimate", p, q, "--column", "x1,x2", "--k", "5", "--json"));
        Assert.Equal(2, root.GetProperty("dimensions").GetInt32());
        Assert.Equal(5000, root.GetProperty("n_p").GetInt32());
        // Two independent coordinates: 2·[ln(1.5) + (1 + 0.25)/(2·2.25) − ½].
        double exact = 2 * (Math.Log(1.5) + 1.25 / 4.5 - 0.5);
        Assert.Equal(exact, root.GetProperty("kl").GetDouble(), 1);
        double entropyP = 1 + Math.Log(2 * Math.PI);   // 2-D standard normal
        Assert.Equal(entropyP, root.GetProperty("entropy_p").GetDouble(), 1);
        var oneColumn = Json(CliRun.Of("estimate", p, q, "--column", "2", "--json"));
        Assert.Equal(1, oneColumn.GetProperty("dimensions").GetInt32());
    }

    [Fact]
    public void Estimate_explains_bad_input()
    {
        using var dir = new TempDirectory();
        string p = dir.File("p.csv", NormalSamples(50, 0, 1, 1, 2));
        CliRun.Of("estimate", p, "missing.csv", "--column", "x1,x2").AssertUsageError("missing.csv: there is no such file");
        CliRun.Of("estimate", p, p).AssertUsageError("'point' in column 'label' is not a number");
        CliRun.Of("estimate", p, p, "--column", "x9").AssertUsageError("no column 'x9'", "'x1', 'x2', 'label'");
        CliRun.Of("estimate", p, dir.File("one.csv", "x1\n1\n2\n3\n4\n5\n6\n7\n"), "--column", "x1,x2").AssertUsageError("no column 'x2'");
        CliRun.Of("estimate", p, p, "--column", "x1", "--k", "0").AssertUsageError("--k '0' is not a whole number from 1");
        CliRun.Of("estimate", p, dir.File("few.csv", "x1,x2\n1,2\n3,4\n"), "--column", "x1,x2").AssertUsageError("few.csv: there are 2 samples; k = 5 needs at least 6");
        CliRun.Of("estimate", p, dir.File("same.csv", string.Concat(Enumerable.Repeat("1,2\n", 20))), "--column", "1,2").AssertUsageError("coincides");
    }
}
