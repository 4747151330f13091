using System.Globalization;
using System.Text.Json;

namespace Kullback.Cli.Tests;

/// <summary><c>kullback measure</c>: values, units, JSON, standard input, and every kind of bad input.</summary>
public class MeasureCommandTests
{
    private const string Worms = "# space worms\n0.02 0.03 0.05 0.14 0.16\n0.15,0.12,0.08\n\n0.10 0.08 0.07\n";
    private static readonly string Uniform = string.Join(" ", Enumerable.Repeat("0.09090909090909091", 11));

    [Fact]
    public void Json_has_exactly_the_reference_keys_and_the_library_values()
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("measure", dir.File("p.txt", Worms), dir.File("q.txt", Uniform), "--json");
        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("nats", root.GetProperty("unit").GetString());
        Assert.Equal(11, root.GetProperty("n").GetInt32());
        var measures = root.GetProperty("measures");
        Assert.Equal(MeasureSummary.Definitions.Select(d => d.Key), measures.EnumerateObject().Select(m => m.Name));
        Assert.Equal(0.136679710949669388759375344513, measures.GetProperty("kl_pq").GetDouble(), 1e-15);
        Assert.Equal(2.26121556184870115530256823345, measures.GetProperty("entropy_p").GetDouble(), 1e-14);
        Assert.Equal(0.2496, measures.GetProperty("chi2_pearson").GetDouble(), 1e-14);
    }

    [Fact]
    public void Numbers_are_in_shortest_round_trip_form_and_infinity_is_a_string()
    {
        using var dir = new TempDirectory();
        var run = CliRun.WithInput("0.5 0.5 0", "measure", dir.File("h.txt", "0.5 0.25 0.25"), "-", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"kl_pq\": \"Infinity\"", run.Out);
        Assert.Contains("\"entropy_q\": 0.6931471805599453,", run.Out);
        Assert.Contains("\"total_variation\": 0.25,", run.Out);
    }

    [Theory]
    [InlineData("2", "bits")]
    [InlineData("10", "hartleys")]
    [InlineData("e", "nats")]
    public void The_base_sets_the_unit(string b, string unit)
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("measure", dir.File("p.txt", Worms), dir.File("q.txt", Uniform), "--json", "--base", b);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(unit, root.GetProperty("unit").GetString());
        double scale = b == "e" ? 1 : Math.Log(double.Parse(b, CultureInfo.InvariantCulture));
        Assert.Equal(0.136679710949669388759375344513 / scale, root.GetProperty("measures").GetProperty("kl_pq").GetDouble(), 1e-14);
        // Unitless measures do not change.
        Assert.Equal(0.2496, root.GetProperty("measures").GetProperty("chi2_pearson").GetDouble(), 1e-14);
    }

    [Fact]
    public void The_table_names_every_measure_its_value_and_its_unit()
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("measure", dir.File("p.txt", Worms), dir.File("q.txt", Uniform), "--base", "2");
        Assert.Equal(0, run.ExitCode);
        foreach (var d in MeasureSummary.Definitions) Assert.Contains(d.Key, run.Out, StringComparison.Ordinal);
        Assert.Contains("0.1971871412", run.Out);   // D(P‖U) in bits
        Assert.Contains("bits", run.Out);
    }

    [Fact]
    public void Infinite_values_are_shown_and_explained()
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("measure", dir.File("p.txt", "0.5 0.5"), dir.File("q.txt", "1 0"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("∞", run.Out);
        Assert.Contains("Q gives probability 0 to outcome 1", run.Out, StringComparison.Ordinal);
        var json = JsonDocument.Parse(CliRun.Of("measure", dir.File("p2.txt", "0.5 0.5"), dir.File("q2.txt", "1 0"), "--json").Out).RootElement;
        Assert.Equal([1], json.GetProperty("infinite_at").GetProperty("kl_pq").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Empty(json.GetProperty("infinite_at").GetProperty("kl_qp").EnumerateArray());
    }

    [Fact]
    public void Counts_are_normalised_only_when_asked()
    {
        using var dir = new TempDirectory();
        string p = dir.File("p.txt", "2 3 5"), q = dir.File("q.txt", "1 1 1");
        CliRun.Of("measure", p, q).AssertUsageError($"{p}: the probabilities sum to 10 (9 over 1", "--counts");
        var run = CliRun.Of("measure", p, q, "--counts", "--json");
        Assert.Equal(0, run.ExitCode);
        double expected = Measures.KullbackLeibler([0.2, 0.3, 0.5], [1.0 / 3, 1.0 / 3, 1.0 / 3]);
        Assert.Equal(expected, JsonDocument.Parse(run.Out).RootElement.GetProperty("measures").GetProperty("kl_pq").GetDouble(), 1e-15);
    }

    [Fact]
    public void A_missing_file_is_named() =>
        CliRun.Of("measure", "no-such-file.txt", "other.txt").AssertUsageError("no-such-file.txt: there is no such file");

    [Fact]
    public void An_unparsable_token_is_reported_with_file_line_and_column()
    {
        using var dir = new TempDirectory();
        string p = dir.File("p.txt", "0.2 0.3\n0.1 x5 0.4\n");
        CliRun.Of("measure", p, p).AssertUsageError($"{p}:2:5: 'x5' is not a number", "separated by commas");
    }

    [Theory]
    [InlineData("0.5 -0.5", "1:5: '-0.5' is negative")]
    [InlineData("0.5 NaN", "1:5: 'NaN' is not finite")]
    [InlineData("Infinity 0", "1:1: 'Infinity' is not finite")]
    [InlineData("0.5 0.4", "sum to 0.9 (0.1 short of 1")]
    [InlineData("0 0", "every value is 0")]
    [InlineData("# nothing here\n\n", "holds no numbers")]
    public void Bad_values_are_refused_with_their_position(string contents, string message)
    {
        using var dir = new TempDirectory();
        string p = dir.File("p.txt", contents);
        CliRun.Of("measure", p, dir.File("q.txt", "0.5 0.5")).AssertUsageError(message);
    }

    [Fact]
    public void Vectors_of_different_lengths_are_refused()
    {
        using var dir = new TempDirectory();
        CliRun.Of("measure", dir.File("p.txt", "0.5 0.5"), dir.File("q.txt", "0.2 0.3 0.5"))
            .AssertUsageError("has 2 values but Q", "has 3");
    }

    [Fact]
    public void Standard_input_can_supply_only_one_vector() =>
        CliRun.Of("measure", "-", "-").AssertUsageError("cannot both be '-'");

    [Theory]
    [InlineData("1")]
    [InlineData("0.5")]
    [InlineData("ten")]
    [InlineData("-2")]
    public void A_bad_base_is_refused(string b)
    {
        using var dir = new TempDirectory();
        string p = dir.File("p.txt", "0.5 0.5");
        CliRun.Of("measure", p, p, "--base", b).AssertUsageError($"--base '{b}' is not a logarithm base");
    }

    [Fact]
    public void Command_line_mistakes_are_usage_errors()
    {
        CliRun.Of("frobnicate").AssertUsageError("frobnicate");
        CliRun.Of("measure", "only-one").AssertUsageError("Q");
        CliRun.Of().AssertUsageError("command");
    }

    [Fact]
    public void Help_lists_the_commands()
    {
        var run = CliRun.Of("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("demo", run.Out);
        Assert.Contains("measure", run.Out);
        var measureHelp = CliRun.Of("measure", "--help");
        Assert.Contains("--base", measureHelp.Out);
        Assert.Contains("--counts", measureHelp.Out);
    }
}
