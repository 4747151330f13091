using System.Text.Json;
using Kullback.Estimation;

namespace Kullback.Cli.Tests;

/// <summary><c>kullback fit</c>: the data's entropy estimated from the counts, with its interval, when N is known.</summary>
public class FitEntropyEstimateTests
{
    private const string Counts = "value,count\n0,5\n1,9\n2,4\n3,0\n4,1\n";
    private static readonly long[] CountVector = [5, 9, 4, 0, 1];

    private static JsonElement Json(TempDirectory dir, string contents, params string[] extra)
    {
        var run = CliRun.Of(["fit", dir.File("data.csv", contents), "--json", "--out", Path.Combine(dir.Path, "charts"), .. extra]);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    [Fact]
    public void Counts_give_the_library_estimate_and_its_interval()
    {
        using var dir = new TempDirectory();
        var root = Json(dir, Counts);
        var expected = EntropyEstimators.Estimate(CountVector, EntropyEstimator.Grassberger, BootstrapOptions.Default);
        var e = root.GetProperty("entropy_estimate");
        Assert.Equal("grassberger", root.GetProperty("entropy_estimator").GetString());
        Assert.Equal(expected.Value.Nats, e.GetProperty("value").GetDouble());
        Assert.Equal(expected.Interval!.Lower.Nats, e.GetProperty("lower").GetDouble());
        Assert.Equal(expected.Interval.Upper.Nats, e.GetProperty("upper").GetDouble());
        Assert.Equal(19, e.GetProperty("n").GetInt64());
        Assert.Equal(root.GetProperty("entropy").GetDouble(), e.GetProperty("plug_in").GetDouble(), 1e-15);
        Assert.True(e.GetProperty("value").GetDouble() > root.GetProperty("entropy").GetDouble(), "the corrected estimate lies above the plug-in");
    }

    [Fact]
    public void Samples_give_the_same_estimate_as_their_counts()
    {
        using var dir = new TempDirectory();
        string samples = "x\n" + string.Join('\n', CountVector.SelectMany((c, value) => Enumerable.Repeat(value, (int)c))) + "\n";
        var fromSamples = Json(dir, samples, "--as", "samples", "--estimator", "miller-madow", "--seed", "5");
        var expected = EntropyEstimators.Estimate([5, 9, 4, 1], EntropyEstimator.MillerMadow, new BootstrapOptions { Seed = 5 });
        Assert.Equal(expected.Value.Nats, fromSamples.GetProperty("entropy_estimate").GetProperty("value").GetDouble(), 1e-15);
        Assert.Equal("miller-madow", fromSamples.GetProperty("entropy_estimator").GetString());
    }

    [Fact]
    public void Nsb_takes_its_posterior_interval()
    {
        using var dir = new TempDirectory();
        var e = Json(dir, Counts, "--estimator", "nsb", "--confidence", "0.9").GetProperty("entropy_estimate");
        Assert.Equal("posterior", e.GetProperty("method").GetString());
        var expected = EntropyEstimators.Estimate(CountVector, EntropyEstimator.Nsb, new BootstrapOptions { Method = IntervalMethod.Posterior, Level = 0.9 });
        Assert.Equal(expected.Interval!.Upper.Nats, e.GetProperty("upper").GetDouble());
    }

    [Fact]
    public void Probabilities_have_no_estimate_and_say_why()
    {
        using var dir = new TempDirectory();
        var root = Json(dir, "0.1 0.2 0.7\n", "--as", "probabilities");
        Assert.Equal(JsonValueKind.Null, root.GetProperty("entropy_estimate").ValueKind);
        Assert.Contains("number of observations is unknown", root.GetProperty("entropy_estimate_note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_states_the_estimate_and_interval()
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("fit", dir.File("data.csv", Counts), "--out", Path.Combine(dir.Path, "charts"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("The source's entropy, estimated from the N = 19 observations: H = ", run.Out, StringComparison.Ordinal);
        Assert.Contains("(grassberger), 95% interval [", run.Out, StringComparison.Ordinal);
        Assert.Contains("BCa bootstrap (2,000 resamples, seed 0)", run.Out, StringComparison.Ordinal);
    }
}
