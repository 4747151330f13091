using System.Text;
using System.Text.Json;

namespace Kullback.Cli.Tests.Hostile;

/// <summary>
/// Hostile inputs through the tool, by category: numbers at their extremes get the right answer; streams are read once;
/// messages are one line, escaped and short; binary input is refused at once. (Options: HostileOptionTests; outputs:
/// OutputDirectoryTests; closed streams and signals: HostileStreamTests.)
/// </summary>
public class HostileInputTests
{
    private static double Kl(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement.GetProperty("measures").GetProperty("kl_pq").GetDouble();
    }

    [Theory]
    [InlineData("1e19 1e19 1", "1 1 1", 0.405465108108164381978013115464)]              // ln 1.5: weights across 19 decades
    [InlineData("5e-324 1e-323", "1 1", 0.0566330122651324)]                                 // subnormal weights: (1/3)ln(2/3) + (2/3)ln(4/3)
    [InlineData("1e308 1e308 1e308", "1 1 2", 0.0566330122651324)]                           // the sum passes the largest double: (2/3)ln(4/3) + (1/3)ln(2/3)
    [InlineData("9223372036854775807 1", "1 1", 0.693147180559945309417232121458)]           // a count of 2⁶³ − 1
    public void Counts_at_the_extremes_give_the_exact_divergence(string p, string q, double expected)
    {
        using var dir = new TempDirectory();
        double kl = Kl(CliRun.Of("measure", dir.File("p.txt", p), dir.File("q.txt", q), "--counts", "--json"));
        Assert.True(Math.Abs(kl - expected) <= 1e-9 * expected, $"D(P‖Q) = {kl:R}, expected {expected:R}");
    }

    [Theory]
    [InlineData("0,5 0,5", "decimal comma")]
    [InlineData("0.5 1e999", "1e999")]
    [InlineData("0.5 NaN", "NaN")]
    [InlineData("0x1p3 1", "0x1p3")]
    [InlineData("1_000 2", "1_000")]
    [InlineData("١٢ 3", "١٢")]
    public void Numbers_that_are_not_plain_decimals_are_refused_with_their_reason(string contents, string shown)
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("measure", dir.File("p.txt", contents), dir.File("q.txt", "1 1"), "--counts");
        run.AssertUsageError(shown);
    }

    [Fact]
    public void Terminal_escapes_and_invisible_characters_are_shown_escaped_and_a_huge_token_is_cut()
    {
        using var dir = new TempDirectory();
        var escape = CliRun.Of("measure", dir.File("p.txt", "0.5 \u001b[31mred\u200b\n"), dir.File("q.txt", "1 1"), "--counts");
        escape.AssertUsageError("\\x1B[31mred\\u200B");
        Assert.DoesNotContain("\u001b", escape.Error, StringComparison.Ordinal);
        var huge = CliRun.Of("measure", dir.File("big.txt", new string('7', 10_000_000) + "x\n"), dir.File("q2.txt", "1 1"), "--counts");
        Assert.Equal(2, huge.ExitCode);
        Assert.True(huge.Error.Length < 400, $"{huge.Error.Length} characters");
    }

    [Fact]
    public void Binary_input_is_refused_within_a_few_kilobytes()
    {
        using var dir = new TempDirectory();
        var run = RealProcess.Bash("\"$K\" fit /dev/zero --out charts", dir.Path, timeoutSeconds: 60);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("binary", run.Error, StringComparison.OrdinalIgnoreCase);
        var nul = CliRun.Of("measure", dir.File("nul.txt", "0.5\0 0.5"), dir.File("q.txt", "1 1"), "--counts");
        Assert.Equal(2, nul.ExitCode);
    }

    [Fact]
    public void A_directory_given_as_input_is_called_a_directory()
    {
        using var dir = new TempDirectory();
        CliRun.Of("measure", dir.Path, dir.File("q.txt", "1 1")).AssertUsageError("directory");
    }

    [Fact]
    public void Streams_are_read_once_whole_from_a_pipe_and_a_fifo()
    {
        using var dir = new TempDirectory();
        var rows = new StringBuilder("x,y\n");
        for (int i = 0; i < 200; i++) rows.Append(i % 17).Append(',').Append(i % 13 * 0.5).Append('\n');
        File.WriteAllText(Path.Combine(dir.Path, "points.csv"), rows.ToString());
        var fifo = RealProcess.Bash("mkfifo f && (cat points.csv > f &) && \"$K\" estimate f points.csv --json --k 3", dir.Path);
        Assert.True(fifo.ExitCode == 0, fifo.Error);
        Assert.Equal(200, JsonDocument.Parse(fifo.Out).RootElement.GetProperty("n_p").GetInt32());
        var pipe = RealProcess.Bash("cat points.csv | \"$K\" estimate - points.csv --json --k 3", dir.Path);
        Assert.True(pipe.ExitCode == 0, pipe.Error);
        Assert.Equal(200, JsonDocument.Parse(pipe.Out).RootElement.GetProperty("n_p").GetInt32());
        var substitution = RealProcess.Bash("\"$K\" measure <(echo 1 2 3) <(echo 3 2 1) --counts --json", dir.Path);
        Assert.True(substitution.ExitCode == 0, substitution.Error);
    }

    [Fact]
    public void Many_distinct_floats_are_refused_with_the_number_seen_not_held_in_memory()
    {
        using var dir = new TempDirectory();
        var text = new StringBuilder();
        for (int i = 0; i < 30_000; i++) text.Append(i * 0.001 + 0.0005).Append('\n');
        var run = CliRun.Of("fit", dir.File("floats.txt", text.ToString()), "--as", "samples", "--max-distinct", "20000", "--out", Path.Combine(dir.Path, "o"));
        run.AssertUsageError("20,000", "--max-distinct");
    }
}
