using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kullback.Cli.Tests;

/// <summary><c>kullback fit</c> and <c>kullback sweep</c>: input shapes, inference, ranking, JSON, charts and errors.</summary>
public class FitCommandTests
{
    private const string Worms = "0.02 0.03 0.05 0.14 0.16 0.15 0.12 0.08 0.10 0.08 0.07\n";

    /// <summary>Seeded negative-binomial samples (Poisson with a gamma rate), one per row, in a CSV with other columns.</summary>
    private static string NegativeBinomialCsv(int n, int seed = 7)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder("id,teeth,colour\n");
        for (int i = 0; i < n; i++)
        {
            double rate = MathNet.Numerics.Distributions.Gamma.Sample(rng, 3.0, 3.0 / 7.0);
            sb.Append(i).Append(',').Append(MathNet.Numerics.Distributions.Poisson.Sample(rng, rate)).Append(",red\n");
        }
        return sb.ToString();
    }

    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    [Fact]
    public void Probabilities_rank_by_divergence_and_say_what_was_inferred()
    {
        using var dir = new TempDirectory();
        var root = Json(CliRun.Of("fit", dir.File("worms.txt", Worms), "--out", dir.Path, "--json"));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("n_observations").ValueKind);
        Assert.Equal("kl", root.GetProperty("ranked_by").GetString());
        Assert.Equal("probabilities", root.GetProperty("input_kind").GetString());
        Assert.Contains("inferred", root.GetProperty("input").GetString());
        var fits = root.GetProperty("fits").EnumerateArray().ToList();
        Assert.Equal(7, fits.Count);
        var uniform = fits.Single(f => f.GetProperty("family").GetString() == "uniform");
        Assert.Equal(0.136679710949669388759375344513, uniform.GetProperty("kl_pq").GetDouble(), 1e-14);
        Assert.Equal(JsonValueKind.Null, uniform.GetProperty("message_length").ValueKind);
        var binomial = fits.Single(f => f.GetProperty("family").GetString() == "binomial");
        Assert.Equal(10, binomial.GetProperty("parameters").GetProperty("n").GetDouble());
        Assert.Equal(0.544, binomial.GetProperty("parameters").GetProperty("p").GetDouble(), 1e-14);
        Assert.Equal("Infinity", fits.Single(f => f.GetProperty("family").GetString() == "poisson").GetProperty("kl_qp").GetString());
        var kls = fits.Select(f => f.GetProperty("kl_pq").GetDouble()).ToList();
        Assert.Equal(kls.Order(), kls);
        Assert.Equal(4, root.GetProperty("charts").GetArrayLength());
    }

    [Fact]
    public void Samples_in_a_csv_column_rank_by_message_length_and_the_true_family_wins()
    {
        using var dir = new TempDirectory();
        string file = dir.File("worms.csv", NegativeBinomialCsv(20_000));
        var root = Json(CliRun.Of("fit", file, "--column", "teeth", "--out", dir.Path, "--json"));
        Assert.Equal(20_000, root.GetProperty("n_observations").GetInt64());
        Assert.Equal("message", root.GetProperty("ranked_by").GetString());
        var best = root.GetProperty("fits")[0];
        Assert.Equal("negative_binomial", best.GetProperty("family").GetString());
        Assert.Equal(3.0, best.GetProperty("parameters").GetProperty("r").GetDouble(), 0);
        // The tool reports what the library computes for the same samples, in the unit asked for.
        var tally = new Kullback.Fitting.IntegerTally();
        foreach (string line in File.ReadLines(file).Skip(1)) tally.Add(long.Parse(line.Split(',')[1], CultureInfo.InvariantCulture));
        var library = Kullback.Fitting.ModelFitter.Fit(tally.ToDistribution()).Best!;
        Assert.Equal(library.MessageLength!.Value.Nats, best.GetProperty("message_length").GetDouble(), 1e-9 * library.MessageLength.Value.Nats);
        Assert.Equal(library.LogLikelihood!.Value, best.GetProperty("log_likelihood").GetDouble(), 1e-9 * Math.Abs(library.LogLikelihood.Value));
        // By column number too, and in bits.
        var byIndex = Json(CliRun.Of("fit", file, "--column", "2", "--out", dir.Path, "--json", "--base", "2"));
        Assert.Equal("bits", byIndex.GetProperty("unit").GetString());
        Assert.Equal(library.MessageLength.Value.Bits, byIndex.GetProperty("fits")[0].GetProperty("message_length").GetDouble(), 1e-9 * library.MessageLength.Value.Bits);
    }

    [Fact]
    public void Value_count_rows_bare_lists_and_samples_one_per_row_are_recognised()
    {
        using var dir = new TempDirectory();
        var pairs = Json(CliRun.Of("fit", dir.File("pairs.csv", "value,count\n0,5\n1,9\n2,4\n4,1\n"), "--out", dir.Path, "--json"));
        Assert.Equal("counts", pairs.GetProperty("input_kind").GetString());
        Assert.Equal(19, pairs.GetProperty("n_observations").GetInt64());

        var list = Json(CliRun.Of("fit", dir.File("list.txt", "5 9 4 0 1\n"), "--out", dir.Path, "--json"));
        Assert.Equal("counts", list.GetProperty("input_kind").GetString());
        Assert.Equal(19, list.GetProperty("n_observations").GetInt64());

        var samples = Json(CliRun.Of("fit", dir.File("samples.txt", "3\n1\n3\n2\n3\n0\n"), "--out", dir.Path, "--json"));
        Assert.Equal("samples", samples.GetProperty("input_kind").GetString());
        Assert.Equal(6, samples.GetProperty("n_observations").GetInt64());

        var told = Json(CliRun.Of("fit", dir.File("told.txt", "3\n1\n2\n"), "--as", "samples", "--out", dir.Path, "--json"));
        Assert.Equal(3, told.GetProperty("n_observations").GetInt64());
        Assert.Contains("--as", told.GetProperty("input").GetString());

        var stdin = CliRun.WithInput("value\tcount\n1\t3\n2\t5\n", "fit", "-", "--out", dir.Path, "--json");
        Assert.Equal(8, Json(stdin).GetProperty("n_observations").GetInt64());
    }

    [Fact]
    public void Labels_fit_only_the_uniform_and_say_why()
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("fit", dir.File("colours.txt", "red\nblue\nred\ngreen\n"), "--out", dir.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("uniform", run.Out);
        Assert.Contains("Not fitted: poisson: the outcomes are labels", run.Out);
    }

    [Fact]
    public void The_table_explains_infinities_and_the_ranking()
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("fit", dir.File("samples.txt", "3\n1\n3\n2\n3\n0\n5\n2\n"), "--out", dir.Path, "--families", "poisson,uniform,geometric");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Ranked by message length", run.Out);
        Assert.Contains("∞ in D(Q‖P)", run.Out);
        Assert.Contains("Message (nats)", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("binomial", run.Out);
    }

    [Fact]
    public void Method_of_moments_and_other_rankings_are_chosen_on_the_command_line()
    {
        using var dir = new TempDirectory();
        string file = dir.File("worms.csv", NegativeBinomialCsv(2_000, seed: 3));
        var root = Json(CliRun.Of("fit", file, "--column", "teeth", "--method", "moments", "--rank", "bic", "--out", dir.Path, "--json"));
        Assert.Equal("bic", root.GetProperty("ranked_by").GetString());
        Assert.All(root.GetProperty("fits").EnumerateArray(), f => Assert.Equal("moments", f.GetProperty("method").GetString()));
        var bics = root.GetProperty("fits").EnumerateArray().Select(f => f.GetProperty("bic").GetDouble()).ToList();
        Assert.Equal(bics.Order(), bics);
    }

    [Fact]
    public void Bad_input_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        CliRun.Of("fit", "missing.csv").AssertUsageError("missing.csv: there is no such file");
        CliRun.Of("fit", dir.File("three.csv", "a,b,c\n1,2,3\n"), "--out", dir.Path).AssertUsageError("there are 3 columns ('a', 'b', 'c')", "--column");
        CliRun.Of("fit", dir.File("three2.csv", "a,b,c\n1,2,3\n"), "--column", "d", "--out", dir.Path).AssertUsageError("no column 'd'", "'a', 'b', 'c'");
        CliRun.Of("fit", dir.File("pairs.csv", "0,5\n1,x\n"), "--out", dir.Path).AssertUsageError("pairs.csv:2:3: 'x' is not a number");
        CliRun.Of("fit", dir.File("neg.csv", "0,5\n1,-2\n"), "--out", dir.Path).AssertUsageError("'-2' is not a valid count");
        CliRun.Of("fit", dir.File("dup.csv", "0,5\n0,2\n"), "--out", dir.Path).AssertUsageError("the value '0' appears again");
        CliRun.Of("fit", dir.File("probs.txt", "0.5 0.4\n"), "--as", "probabilities", "--out", dir.Path).AssertUsageError("0.1 short of 1", "--as counts");
        CliRun.Of("fit", dir.File("empty.txt", "# nothing\n\n"), "--out", dir.Path).AssertUsageError("holds no data");
        CliRun.Of("fit", dir.File("w.txt", Worms), "--families", "poisson,zipf", "--out", dir.Path).AssertUsageError("--families: 'zipf' is not a model family");
        CliRun.Of("fit", dir.File("w2.txt", Worms), "--rank", "aic", "--out", dir.Path).AssertUsageError("--rank aic needs the number of observations");
        CliRun.Of("fit", dir.File("w3.txt", Worms), "--method", "bayes").AssertUsageError("bayes");
        CliRun.Of("fit", dir.File("w4.txt", Worms), "--trials", "0", "--out", dir.Path).AssertUsageError("--trials");
    }

    [Fact]
    public void Sweep_finds_the_minimum_of_the_binomial_curve_at_the_mean_estimate()
    {
        using var dir = new TempDirectory();
        var root = Json(CliRun.Of("sweep", dir.File("worms.txt", Worms), "--family", "binomial", "--param", "p",
            "--from", "0.5", "--to", "0.6", "--steps", "101", "--out", dir.Path, "--json"));
        Assert.Equal(0.544, root.GetProperty("minimum").GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal(0.427349724856193135051200217388, root.GetProperty("minimum").GetProperty("kl").GetDouble(), 1e-12);
        Assert.Equal(101, root.GetProperty("values").GetArrayLength());
        Assert.All(root.GetProperty("charts").EnumerateArray(), c => Assert.True(File.Exists(c.GetString())));

        var table = CliRun.Of("sweep", dir.File("worms2.txt", Worms), "--family", "poisson", "--param", "lambda", "--out", dir.Path);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("maximum-likelihood fit poisson(lambda = 5.44)", System.Text.RegularExpressions.Regex.Replace(table.Out, @"\s+", " "));
    }

    [Fact]
    public void Sweep_refuses_parameters_it_cannot_vary()
    {
        using var dir = new TempDirectory();
        string file = dir.File("worms.txt", Worms);
        CliRun.Of("sweep", file, "--family", "binomial", "--param", "n", "--out", dir.Path).AssertUsageError("binomial parameter n cannot be varied", "can are: p");
        CliRun.Of("sweep", file, "--family", "poisson", "--param", "lambda", "--from", "-1", "--to", "2", "--out", dir.Path).AssertUsageError("sweep's start is outside", "lambda = -1 is invalid");
        CliRun.Of("sweep", file, "--family", "poisson", "--param", "lambda", "--from", "3", "--to", "2", "--out", dir.Path).AssertUsageError("from a finite start to a larger finite end; got 3 to 2");
        CliRun.Of("sweep", file, "--param", "p").AssertUsageError("--family");
    }
}
