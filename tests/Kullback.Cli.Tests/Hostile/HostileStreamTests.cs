using System.Diagnostics;

namespace Kullback.Cli.Tests.Hostile;

/// <summary>Streams and signals, through the real executable: a closed or full standard output, an interrupt.</summary>
public class HostileStreamTests
{
    private const string Worms = "0.02 0.03 0.05 0.14 0.16 0.15 0.12 0.08 0.10 0.08 0.07\n";

    [Theory]
    [InlineData(">&-", "cannot write to standard output")]
    [InlineData("> /dev/full", "cannot write to standard output")]
    public void A_closed_or_full_standard_output_is_an_environment_error(string redirect, string message)
    {
        using var dir = new TempDirectory();
        dir.File("p.txt", Worms);
        var run = RealProcess.Bash($"\"$K\" measure p.txt p.txt {redirect}", dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Charts_that_cannot_be_written_name_the_path_and_leave_nothing()
    {
        using var dir = new TempDirectory();
        dir.File("plain", "x");   // a path under a file cannot be made, even by root
        var run = RealProcess.Bash("\"$K\" demo --out plain/charts", dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("plain", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
        Assert.Equal(["plain"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void An_interrupt_stops_the_command_and_leaves_no_output_behind()
    {
        using var dir = new TempDirectory();
        // Ten million samples take seconds to read: long enough to interrupt.
        using (var writer = new StreamWriter(Path.Combine(dir.Path, "big.txt")))
            for (int i = 0; i < 10_000_000; i++) writer.Write((i * 7919 % 13).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
        var run = RealProcess.Bash("exec \"$K\" fit big.txt --as samples --out charts", dir.Path, whileRunning: process =>
        {
            Thread.Sleep(700);
            Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        });
        Assert.Equal(130, run.ExitCode);
        Assert.Contains("interrupted", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "charts")));
        Assert.Empty(Directory.GetDirectories(dir.Path, ".kullback-staging-*"));
    }
}
