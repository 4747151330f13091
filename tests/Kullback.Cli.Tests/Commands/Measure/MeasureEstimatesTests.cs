using System.Text.Json;
using Kullback.Estimation;

namespace Kullback.Cli.Tests;

/// <summary><c>kullback measure --counts</c>: the estimates from counts with their intervals, in the table and the JSON.</summary>
public class MeasureEstimatesTests
{
    private static readonly long[] Teeth = [2, 3, 5, 14, 16, 15, 12, 8, 10, 8, 7];
    private static readonly long[] Flat = [9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 10];

    private static string Text(long[] counts) => string.Join(' ', counts);

    private static JsonElement Estimates(params string[] extra)
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of(["measure", dir.File("p.txt", Text(Teeth)), dir.File("q.txt", Text(Flat)), "--counts", "--json", .. extra]);
        Assert.Equal(0, run.ExitCode);
        return JsonDocument.Parse(run.Out).RootElement.GetProperty("estimates").Clone();
    }

    [Fact]
    public void The_json_gives_the_library_estimates_and_intervals_with_the_defaults()
    {
        var e = Estimates();
        Assert.Equal("grassberger", e.GetProperty("estimator").GetString());
        Assert.Equal("miller-madow", e.GetProperty("divergence_estimator").GetString());
        Assert.Equal(0.95, e.GetProperty("confidence").GetDouble());
        Assert.Equal(2000, e.GetProperty("resamples").GetInt32());
        Assert.Equal(0, e.GetProperty("seed").GetInt32());

        var h = EntropyEstimators.Estimate(Teeth, EntropyEstimator.Grassberger, BootstrapOptions.Default);
        var entropy = e.GetProperty("entropy_p");
        Assert.Equal(h.Value.Nats, entropy.GetProperty("value").GetDouble());
        Assert.Equal(h.PlugIn.Nats, entropy.GetProperty("plug_in").GetDouble());
        Assert.Equal(h.Interval!.Lower.Nats, entropy.GetProperty("lower").GetDouble());
        Assert.Equal(h.Interval.Upper.Nats, entropy.GetProperty("upper").GetDouble());
        Assert.Equal("bca", entropy.GetProperty("method").GetString());
        Assert.Equal(100, entropy.GetProperty("n").GetInt64());
        Assert.Equal(11, entropy.GetProperty("observed").GetInt32());
        Assert.Equal(JsonValueKind.Null, entropy.GetProperty("posterior_sd").ValueKind);
        Assert.True(entropy.GetProperty("lower").GetDouble() < h.Value.Nats && h.Value.Nats < entropy.GetProperty("upper").GetDouble());

        var d = KullbackLeiblerEstimators.Estimate(Teeth, Flat, DivergenceEstimator.MillerMadow, BootstrapOptions.Default);
        var kl = e.GetProperty("kl_pq");
        Assert.Equal(d.Value.Nats, kl.GetProperty("value").GetDouble());
        Assert.Equal(d.BiasCorrection.Nats, kl.GetProperty("bias_correction").GetDouble());
        Assert.Equal(d.Interval!.Upper.Nats, kl.GetProperty("upper").GetDouble());
        Assert.Equal(JsonValueKind.Null, kl.GetProperty("p_value").ValueKind);
    }

    [Fact]
    public void Estimator_level_resamples_and_seed_are_honoured()
    {
        var e = Estimates("--estimator", "nsb", "--confidence", "0.9", "--bootstrap", "500", "--seed", "7", "--permutations", "199");
        var nsb = EntropyEstimators.Estimate(Teeth, EntropyEstimator.Nsb, new BootstrapOptions { Method = IntervalMethod.Posterior, Level = 0.9 });
        var entropy = e.GetProperty("entropy_p");
        Assert.Equal("posterior", entropy.GetProperty("method").GetString());
        Assert.Equal(nsb.Value.Nats, entropy.GetProperty("value").GetDouble());
        Assert.Equal(nsb.Interval!.Lower.Nats, entropy.GetProperty("lower").GetDouble());
        Assert.Equal(nsb.PosteriorStandardDeviation!.Value.Nats, entropy.GetProperty("posterior_sd").GetDouble());
        var d = KullbackLeiblerEstimators.Estimate(Teeth, Flat, DivergenceEstimator.MillerMadow,
            new BootstrapOptions { Level = 0.9, Resamples = 500, Seed = 7 }, permutations: 199, permutationSeed: 7);
        Assert.Equal(d.Interval!.Lower.Nats, e.GetProperty("kl_pq").GetProperty("lower").GetDouble());
        Assert.Equal(d.Permutation!.PValue, e.GetProperty("kl_pq").GetProperty("p_value").GetDouble());
        Assert.Equal(199, e.GetProperty("permutations").GetInt32());

        var plugIn = Estimates("--estimator", "plugin", "--bootstrap", "0");
        Assert.Equal("plugin", plugIn.GetProperty("divergence_estimator").GetString());
        Assert.Equal(plugIn.GetProperty("kl_pq").GetProperty("plug_in").GetDouble(), plugIn.GetProperty("kl_pq").GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Null, plugIn.GetProperty("entropy_p").GetProperty("lower").ValueKind);
        Assert.Equal(0, plugIn.GetProperty("resamples").GetInt32());
    }

    [Fact]
    public void The_same_seed_gives_the_same_intervals_and_another_seed_others()
    {
        double Upper(JsonElement e) => e.GetProperty("entropy_p").GetProperty("upper").GetDouble();
        Assert.Equal(Upper(Estimates("--seed", "3")), Upper(Estimates("--seed", "3")));
        Assert.NotEqual(Upper(Estimates("--seed", "3")), Upper(Estimates("--seed", "4")));
    }

    [Fact]
    public void The_table_names_the_estimators_and_how_the_intervals_were_made()
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("measure", dir.File("p.txt", Text(Teeth)), dir.File("q.txt", Text(Flat)), "--counts", "--base", "2");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("N = 100 observations of P, M = 100 of Q", run.Out, StringComparison.Ordinal);
        Assert.Contains("grassberger", run.Out, StringComparison.Ordinal);
        Assert.Contains("miller-madow", run.Out, StringComparison.Ordinal);
        Assert.Contains("95% interval", run.Out, StringComparison.Ordinal);
        Assert.Contains("2,000 resamples, seed 0", run.Out, StringComparison.Ordinal);
        double bits = EntropyEstimators.Estimate(Teeth, EntropyEstimator.Grassberger).Value.In(InformationUnit.Bits);
        Assert.Contains(bits.ToString("F6", System.Globalization.CultureInfo.InvariantCulture), run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Probabilities_have_no_estimates_and_weights_say_why_not()
    {
        using var dir = new TempDirectory();
        string p = dir.File("p.txt", "0.5 0.5"), q = dir.File("q.txt", "0.25 0.75");
        var plain = JsonDocument.Parse(CliRun.Of("measure", p, q, "--json").Out).RootElement;
        Assert.False(plain.TryGetProperty("estimates", out _));
        var weights = CliRun.Of("measure", p, q, "--counts", "--json");
        Assert.Equal(0, weights.ExitCode);
        var root = JsonDocument.Parse(weights.Out).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("estimates").ValueKind);
        Assert.Contains("not all whole counts", root.GetProperty("estimates_unavailable").GetString(), StringComparison.Ordinal);
        Assert.Contains("not all whole counts", CliRun.Of("measure", p, q, "--counts").Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1 0", "0 1", "a sample of 1 observation cannot be resampled")]
    [InlineData("1000000000000000 3", "2000000000000000 5", "would take too long")]
    public void Counts_that_cannot_be_resampled_get_estimates_without_intervals(string p, string q, string why)
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("measure", dir.File("p.txt", p), dir.File("q.txt", q), "--counts", "--json");
        Assert.Equal(0, run.ExitCode);
        var e = JsonDocument.Parse(run.Out).RootElement.GetProperty("estimates");
        Assert.Contains(why, e.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, e.GetProperty("entropy_p").GetProperty("lower").ValueKind);
        Assert.Equal(JsonValueKind.Number, e.GetProperty("entropy_p").GetProperty("value").ValueKind);
    }

    [Fact]
    public void An_infinite_upper_bound_is_explained()
    {
        var e = Estimates();
        var kl = e.GetProperty("kl_qp");   // P's sample has 2 in its first category: resamples often have none
        Assert.Equal("Infinity", kl.GetProperty("upper").GetString());
        Assert.Contains("upper bound is infinite", kl.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Estimator_options_without_counts_are_refused()
    {
        using var dir = new TempDirectory();
        CliRun.Of("measure", dir.File("p.txt", "0.5 0.5"), dir.File("q.txt", "0.5 0.5"), "--estimator", "nsb").AssertUsageError("--estimator applies to estimates from counts: add --counts");
        CliRun.Of("measure", dir.File("p2.txt", "0.5 0.5"), dir.File("q2.txt", "0.5 0.5"), "--seed", "3").AssertUsageError("--seed applies");
    }

    [Theory]
    [InlineData("--confidence", "1.5", "--confidence 1.5 must lie strictly between 0 and 1")]
    [InlineData("--bootstrap", "5", "--bootstrap needs at least 10")]
    [InlineData("--estimator", "jackknife", "--estimator 'jackknife' is not one of")]
    [InlineData("--permutations", "-1", "--permutations '-1' is not a whole number")]
    public void Bad_options_are_refused(string option, string value, string message)
    {
        using var dir = new TempDirectory();
        CliRun.Of("measure", dir.File("p.txt", "1 2"), dir.File("q.txt", "2 1"), "--counts", option, value).AssertUsageError(message);
    }
}
