using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kullback.Cli.Tests;

/// <summary>
/// <c>kullback compare</c> end to end: exit codes for pipelines, the versioned JSON, and every measure and p-value
/// recomputed independently from the bins the JSON reports.
/// </summary>
public class CompareCommandTests
{
    private static string Csv(TempDirectory dir, string name, int n, int seed, double shift, double blue)
    {
        var random = new Random(seed);
        var sb = new StringBuilder("amount,colour,when\n");
        for (int i = 0; i < n; i++)
        {
            double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
            double amount = Math.Round(10 + shift + 3 * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2), 2);
            string colour = random.NextDouble() < blue ? "blue" : "red";
            sb.Append(i % 50 == 0 ? "" : amount.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(colour)
              .Append(",2026-0").Append(1 + i % 9).Append("-1").Append(i % 10).Append('\n');
        }
        return dir.File(name, sb.ToString());
    }

    [Fact]
    public void Exit_codes_tell_a_pipeline_what_happened()
    {
        using var dir = new TempDirectory();
        string reference = Csv(dir, "ref.csv", 4000, 1, 0, 0.3), same = Csv(dir, "same.csv", 4000, 1, 0, 0.3), moved = Csv(dir, "moved.csv", 3000, 2, 2, 0.5);
        Assert.Equal(0, CliRun.Of("compare", reference, same).ExitCode);
        var drift = CliRun.Of("compare", reference, moved);
        Assert.Equal(1, drift.ExitCode);
        Assert.Contains("drift", drift.Out, StringComparison.Ordinal);
        CliRun.Of("compare", reference, moved, "--columns", "amount,nope").AssertUsageError("nope");
        CliRun.Of("compare", reference, Path.Combine(dir.Path, "missing.csv")).AssertUsageError("missing.csv");
        CliRun.Of("compare", reference, moved, "--threshold", "psy=0.1").AssertUsageError("'psy' is not a measure");
    }

    [Fact]
    public void An_infinite_number_is_bad_input_that_names_the_column_and_the_way_out()
    {
        using var dir = new TempDirectory();
        string finite = Csv(dir, "ref.csv", 2000, 1, 0, 0.3);
        string infinite = dir.File("inf.csv", "amount,colour\n1.5,red\ninf,blue\n2.5,red\n-inf,red\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i},blue\n")));
        var run = CliRun.Of("compare", finite, infinite, "--columns", "amount,colour");
        run.AssertUsageError("inf.csv", "column 'amount' holds −∞ and +∞", "--categorical 'amount'");
        Assert.Equal(0, CliRun.Of("compare", infinite, infinite, "--columns", "amount", "--categorical", "amount").ExitCode);
        CliRun.Of("profile", infinite, "-o", Path.Combine(dir.Path, "p.json")).AssertUsageError("column 'amount' holds −∞ and +∞");
        Assert.False(File.Exists(Path.Combine(dir.Path, "p.json")));
    }

    [Fact]
    public void The_memory_limit_is_an_option_and_an_environment_variable_checked_before_any_scan()
    {
        using var dir = new TempDirectory();
        string reference = Csv(dir, "ref.csv", 2000, 1, 0, 0.3), current = Csv(dir, "cur.csv", 2000, 1, 0, 0.3);
        Assert.Equal(0, CliRun.Of("compare", reference, current, "--memory-limit", "512MB").ExitCode);
        CliRun.Of("compare", reference, current, "--memory-limit", "lots").AssertUsageError("The memory limit 'lots' is not a size", "like 512MB, 4GB or 1.5GiB");
        CliRun.Of("profile", reference, "-o", Path.Combine(dir.Path, "p.json"), "--memory-limit", "8MB").AssertUsageError("The memory limit '8MB' is below 64MB");
        Assert.False(File.Exists(Path.Combine(dir.Path, "p.json")));
        // The environment variable, in a real process (the variable is read where the engine opens).
        var run = RealProcess.Bash("KULLBACK_DUCKDB_MEMORY_LIMIT=lots \"$K\" compare ref.csv cur.csv; echo \"exit $?\"", dir.Path);
        Assert.Equal("exit 2\n", run.Out);
        Assert.Equal("kullback compare: The memory limit 'lots' (KULLBACK_DUCKDB_MEMORY_LIMIT) is not a size; write a number and a unit, like 512MB, 4GB or 1.5GiB.\n", run.Error);
        var given = RealProcess.Bash("KULLBACK_DUCKDB_MEMORY_LIMIT=lots \"$K\" compare ref.csv cur.csv --memory-limit 1GB >/dev/null; echo \"exit $?\"", dir.Path);
        Assert.Equal("exit 0\n", given.Out);   // the option wins over the variable
    }

    [Fact]
    public void The_json_is_the_documented_contract_and_its_numbers_follow_from_its_bins()
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("compare", Csv(dir, "ref.csv", 5000, 3, 0, 0.3), Csv(dir, "cur.csv", 4000, 4, 1, 0.45), "--json");
        Assert.Equal(1, run.ExitCode);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("kullback.compare/1", root.GetProperty("schema").GetString());
        Assert.Equal("nats", root.GetProperty("unit").GetString());
        Assert.Equal(5000, root.GetProperty("reference").GetProperty("rows").GetInt64());
        Assert.Equal(0.05, root.GetProperty("alpha").GetDouble());
        var columns = root.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(["amount", "colour", "when"], columns.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(["numeric", "categorical", "numeric"], columns.Select(c => c.GetProperty("kind").GetString()));
        double[] pValues = [.. columns.Select(c => c.GetProperty("test").GetProperty("p_value").GetDouble())];
        foreach (var column in columns)
        {
            var bins = column.GetProperty("bins").EnumerateArray().ToList();
            long[] r = [.. bins.Select(b => b.GetProperty("reference").GetInt64())], c = [.. bins.Select(b => b.GetProperty("current").GetInt64())];
            Assert.Equal(5000, r.Sum());
            Assert.Equal(4000, c.Sum());
            Assert.Equal("missing", bins[^1].GetProperty("kind").GetString());
            double a = column.GetProperty("smoothing").GetProperty("pseudocount").GetDouble();
            Assert.Equal(0.5, a);
            // Smoothed proportions, then the textbook formulas, from the reported bins alone.
            double[] p = [.. r.Select(x => (x + a) / (5000 + a * r.Length))], q = [.. c.Select(x => (x + a) / (4000 + a * c.Length))];
            var m = column.GetProperty("measures");
            double kl = p.Zip(q).Sum(t => t.First * Math.Log(t.First / t.Second));
            double psi = p.Zip(q).Sum(t => (t.Second - t.First) * Math.Log(t.Second / t.First));
            double tv = 0.5 * p.Zip(q).Sum(t => Math.Abs(t.First - t.Second));
            double hellinger = Math.Sqrt(Math.Max(0, 1 - p.Zip(q).Sum(t => Math.Sqrt(t.First * t.Second))));
            Assert.Equal(kl, m.GetProperty("kl_reference_current").GetDouble(), 1e-12);
            Assert.Equal(psi, m.GetProperty("psi").GetDouble(), 1e-12);
            Assert.Equal(tv, m.GetProperty("total_variation").GetDouble(), 1e-12);
            Assert.Equal(hellinger, m.GetProperty("hellinger").GetDouble(), 1e-9);
            Assert.Equal(Math.Sqrt(m.GetProperty("js_divergence").GetDouble()), m.GetProperty("js_distance").GetDouble(), 1e-15);
            // The G-test on the raw counts: bins empty in both dropped; p from MathNet's χ² distribution.
            var kept = Enumerable.Range(0, r.Length).Where(i => r[i] + c[i] > 0).ToList();
            double n = 9000, g = 0;
            foreach (int i in kept)
            {
                double total = r[i] + c[i];
                if (r[i] > 0) g += r[i] * Math.Log(r[i] / (total * 5000 / n));
                if (c[i] > 0) g += c[i] * Math.Log(c[i] / (total * 4000 / n));
            }
            g *= 2;
            var test = column.GetProperty("test");
            Assert.Equal(kept.Count - 1, test.GetProperty("df").GetInt32());
            Assert.Equal(g, test.GetProperty("statistic").GetDouble(), 1e-9 * Math.Max(1, g));
            double expectedP = 1 - MathNet.Numerics.Distributions.ChiSquared.CDF(kept.Count - 1, g);
            if (expectedP > 1e-10) Assert.Equal(expectedP, test.GetProperty("p_value").GetDouble(), 1e-9);
            Assert.Equal(column.GetProperty("drift").GetBoolean(),
                test.GetProperty("p_adjusted").GetDouble() < 0.05 && m.GetProperty("psi").GetDouble() >= 0.1);
        }
        // Holm across the three columns.
        var order = pValues.Select((p, i) => (p, i)).OrderBy(t => t.p).ToList();
        double running = 0;
        var adjusted = new double[3];
        for (int k = 0; k < 3; k++) adjusted[order[k].i] = running = Math.Max(running, Math.Min(1, (3 - k) * order[k].p));
        for (int i = 0; i < 3; i++) Assert.Equal(adjusted[i], columns[i].GetProperty("test").GetProperty("p_adjusted").GetDouble(), 1e-12);
        Assert.Equal("raw_values", columns[0].GetProperty("distribution").GetProperty("source").GetString());
        Assert.False(columns[1].TryGetProperty("distribution", out _));
    }

    [Fact]
    public void Without_smoothing_an_empty_bin_is_infinite_and_named()
    {
        using var dir = new TempDirectory();
        string reference = dir.File("r.csv", "colour\nred\nred\nblue\n"), current = dir.File("c.csv", "colour\nred\nblue\ngreen\n");
        var root = JsonDocument.Parse(CliRun.Of("compare", reference, current, "--smoothing", "none", "--json").Out).RootElement;
        var column = root.GetProperty("columns")[0];
        Assert.Equal("Infinity", column.GetProperty("measures").GetProperty("kl_current_reference").GetString());
        Assert.Equal(["green"], column.GetProperty("new_categories").EnumerateArray().Select(e => e.GetString()));
        var table = CliRun.Of("compare", reference, current, "--smoothing", "none");
        Assert.Contains("∞ because bin 'green' is empty on one side", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Permutations_replace_the_chi_squared_p_value_and_say_so()
    {
        using var dir = new TempDirectory();
        // The library's golden case: the exact permutation p-value is 5218/92378 = 0.0565, the χ² one 0.0218.
        string reference = dir.File("r.csv", "tooth\n" + string.Concat(Enumerable.Repeat("a\n", 5)) + "b\nb\nb\nc\n");
        string current = dir.File("c.csv", "tooth\na\nb\nb\nc\nc\nc\nd\nd\nd\nd\n");
        string[] args = ["compare", reference, current, "--threshold", "psi=0", "--permutations", "20000", "--seed", "3", "--json"];
        var run = CliRun.Of(args);
        Assert.Equal(0, run.ExitCode);                                  // p ≈ 0.056: not significant at 0.05
        var test = JsonDocument.Parse(run.Out).RootElement.GetProperty("columns")[0].GetProperty("test");
        Assert.Equal("permutation", test.GetProperty("p_value_from").GetString());
        var permutation = test.GetProperty("permutation");
        Assert.Equal(20000, permutation.GetProperty("permutations").GetInt32());
        Assert.Equal(3, permutation.GetProperty("seed").GetInt32());
        double p = permutation.GetProperty("p_value").GetDouble();
        Assert.Equal((1 + permutation.GetProperty("at_least_as_extreme").GetInt32()) / 20001.0, p, 1e-15);
        Assert.InRange(p, 0.0565 - 0.0066, 0.0565 + 0.0066);
        Assert.Equal(p, test.GetProperty("p_adjusted").GetDouble());
        Assert.Equal(run.Out, CliRun.Of(args).Out);                     // seeded: the same answer every time
        Assert.Equal(1, CliRun.Of("compare", reference, current, "--threshold", "psi=0").ExitCode);   // χ²: p = 0.022, drift
        Assert.Contains("from 20,000 permutations, seed 3", CliRun.Of(args[..^1]).Out, StringComparison.Ordinal);
        CliRun.Of("compare", reference, current, "--permutations", "-1").AssertUsageError("--permutations");
    }
}
