using System.Text.Json;

namespace Kullback.Cli.Tests;

/// <summary><c>kullback measure --all</c> (the peers' further measures) and <c>kullback measure --joint</c> (multivariate measures of columns).</summary>
public class MeasureAllAndJointTests
{
    [Fact]
    public void All_adds_every_further_measure_under_its_key_with_the_library_values()
    {
        using var dir = new TempDirectory();
        double[] p = [0.2, 0.3, 0.5], q = [0.5, 0.25, 0.25];
        var run = CliRun.Of("measure", dir.File("p.txt", "0.2 0.3 0.5"), dir.File("q.txt", "0.5 0.25 0.25"), "--all", "--json", "--base", "2");
        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Out).RootElement;
        var more = root.GetProperty("more_measures");
        Assert.Equal(MeasureSummary.MoreDefinitions.Select(d => d.Key), more.EnumerateObject().Select(m => m.Name));
        Assert.Equal(Measures.Taneja(p, q, InformationUnit.Bits), more.GetProperty("taneja").GetDouble(), 1e-15);
        Assert.Equal(Measures.Clark(p, q), more.GetProperty("clark").GetDouble(), 1e-15);
        Assert.Equal(Measures.RenyiEntropy(q, 2, InformationUnit.Bits), more.GetProperty("renyi_entropy_2_q").GetDouble(), 1e-15);
        Assert.Equal(Measures.TsallisEntropy(p, 2), more.GetProperty("tsallis_entropy_2_p").GetDouble(), 1e-15);
        Assert.Equal(1.0, more.GetProperty("renyi_0").GetDouble() + 1.0);   // Q covers P's support: exactly 0
        var plain = JsonDocument.Parse(CliRun.Of("measure", dir.File("p2.txt", "0.2 0.3 0.5"), dir.File("q2.txt", "0.5 0.25 0.25"), "--json").Out).RootElement;
        Assert.False(plain.TryGetProperty("more_measures", out _));
    }

    [Fact]
    public void All_shows_a_second_table_and_infinity_where_supports_differ()
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("measure", dir.File("p.txt", "0.5 0.5 0"), dir.File("q.txt", "1 0 0"), "--all");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("More measures", run.Out, StringComparison.Ordinal);
        Assert.Contains("additive_symmetric_chi2", run.Out, StringComparison.Ordinal);
        Assert.Contains("∞", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Joint_gives_the_multivariate_measures_of_the_chosen_columns()
    {
        using var dir = new TempDirectory();
        string file = dir.File("j.csv", "x,y,z\n0,0,1\n0,1,1\n1,1,0\n1,1,1\n0,0,0\n2,1,0\n");
        var root = JsonDocument.Parse(CliRun.Of("measure", "--joint", file, "--columns", "x,y", "--json").Out).RootElement;
        var m = root.GetProperty("measures");
        var joint = JointDistribution.FromCounts(["x", "y"], [3, 2], [2, 1, 0, 2, 0, 1]);
        Assert.Equal(Measures.MutualInformation(joint, "x", "y"), m.GetProperty("mutual_information").GetDouble(), 1e-15);
        Assert.Equal(Measures.ConditionalEntropy(joint, "x", "y"), m.GetProperty("conditional_entropy_x_given_y").GetDouble(), 1e-15);
        Assert.Equal(3, root.GetProperty("levels").GetProperty("x").GetInt32());
        var given = JsonDocument.Parse(CliRun.Of("measure", "--joint", file, "--columns", "x,y", "--given", "z", "--json").Out).RootElement;
        var full = JointDistribution.FromSamples(["x", "y", "z"], [["0", "0", "1"], ["0", "1", "1"], ["1", "1", "0"], ["1", "1", "1"], ["0", "0", "0"], ["2", "1", "0"]]);
        Assert.Equal(Measures.MutualInformation(full, ["x"], ["y"], ["z"]),
                     given.GetProperty("measures").GetProperty("conditional_mutual_information_x_y_given_z").GetDouble(), 1e-15);
    }

    [Fact]
    public void Joint_and_its_options_refuse_what_does_not_fit()
    {
        using var dir = new TempDirectory();
        string file = dir.File("j.csv", "x,y\n0,0\n1,1\n");
        CliRun.Of("measure", "--joint", file, file).AssertUsageError("--joint");
        CliRun.Of("measure", "--columns", "x,y").AssertUsageError("--joint");
        CliRun.Of("measure", "--joint", file, "--given", "y").AssertUsageError("--columns");
        CliRun.Of("measure").AssertUsageError("P and Q are missing");
    }
}
