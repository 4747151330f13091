using System.Text.Json;
using SkiaSharp;

namespace Kullback.Cli.Tests;

/// <summary><c>kullback demo</c>: the space-worm walkthrough, its numbers, its languages and its charts.</summary>
public class DemoCommandTests
{
    private static readonly string[] ChartNames =
        ["1-data", "2-data-vs-uniform", "3-data-vs-binomial", "4-all", "5-contributions", "6-kl-vs-p"];

    [Fact]
    public void The_report_gives_the_entropy_the_divergences_and_the_verdict()
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("demo", "--out", dir.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Contains("Mean number of teeth: 5.44", run.Out);
        Assert.Contains("p = 5.44/10 = 0.544", run.Out);
        Assert.Contains("H(P) = 3.262 bits", run.Out);
        Assert.Contains("lower bound on bits per observation", run.Out);
        Assert.Contains("D(P‖U) = 0.1367 nats but D(U‖P) = 0.1697 nats", run.Out);
        Assert.Contains("not symmetric", run.Out);
        Assert.Contains("Verdict: the uniform approximation loses less information (0.1367 vs 0.4273 nats)", run.Out);
        Assert.Contains("smallest at p = 0.5440", run.Out);
        Assert.Contains("5.644", run.Out);   // −log₂ 0.02, the information content of 0 teeth
        foreach (string name in ChartNames) Assert.Contains(name + ".png", run.Out);
    }

    [Fact]
    public void Json_has_the_documented_keys_and_values()
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("demo", "--out", dir.Path, "--json");
        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(3.262, root.GetProperty("entropy_bits").GetDouble(), 3);
        Assert.Equal(5.44, root.GetProperty("mean").GetDouble(), 1e-12);
        Assert.Equal(0.544, root.GetProperty("binomial_p").GetDouble(), 1e-12);
        Assert.Equal("nats", root.GetProperty("unit").GetString());
        var kl = root.GetProperty("kl");
        Assert.Equal(0.136679710949669388759375344513, kl.GetProperty("true_uniform").GetDouble(), 1e-14);
        Assert.Equal(0.427349724856193135051200217388, kl.GetProperty("true_binomial").GetDouble(), 1e-14);
        Assert.Equal(0.169713221388226600710361181925, kl.GetProperty("uniform_true").GetDouble(), 1e-14);
        Assert.Equal(0.251954847198783271671567256675, kl.GetProperty("binomial_true").GetDouble(), 1e-14);
        Assert.Equal("uniform", root.GetProperty("best").GetString());
        Assert.Equal(0.544, root.GetProperty("best_binomial_p").GetDouble(), 1e-6);
        var charts = root.GetProperty("charts").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(12, charts.Count);   // the images; explore.html is written beside them
        Assert.All(charts, c => Assert.True(File.Exists(c), c));
    }

    [Fact]
    public void Chinese_report_has_the_same_numbers()
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("demo", "--out", dir.Path, "--lang", "zh");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("H(P) = 3.262 比特", run.Out);
        Assert.Contains("结论：均匀分布近似损失的信息更少（0.1367 对 0.4273 奈特）", run.Out);
        Assert.Contains("KL 散度不对称", run.Out);
        Assert.DoesNotContain("Verdict", run.Out);
    }

    [Fact]
    public void An_unknown_language_is_a_usage_error() =>
        CliRun.Of("demo", "--lang", "fr").AssertUsageError("'fr'");

    [Fact]
    public void Every_chart_is_written_as_a_readable_800_by_500_png_and_an_svg()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, CliRun.Of("demo", "--out", dir.Path, "--json").ExitCode);
        foreach (string name in ChartNames)
        {
            string png = Path.Combine(dir.Path, name + ".png");
            using var bitmap = SKBitmap.Decode(png);
            Assert.NotNull(bitmap);
            Assert.Equal((800, 500), (bitmap.Width, bitmap.Height));
            // Not blank: a good share of the pixels are neither white nor the background, and there are several colours.
            var colours = new HashSet<uint>();
            int inked = 0;
            for (int y = 0; y < bitmap.Height; y += 2)
                for (int x = 0; x < bitmap.Width; x += 2)
                {
                    var c = bitmap.GetPixel(x, y);
                    colours.Add((uint)c);
                    if (c.Red < 200 || c.Green < 200 || c.Blue < 200) inked++;
                }
            Assert.True(colours.Count >= 5, $"{name}: only {colours.Count} colours");
            Assert.True(inked > 2000, $"{name}: only {inked} inked pixels");

            string svg = File.ReadAllText(Path.Combine(dir.Path, name + ".svg"));
            Assert.Contains("<svg", svg);
        }
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp*"));
        Assert.Equal(13, Directory.GetFiles(dir.Path).Count(f => !Path.GetFileName(f).StartsWith('.')));
        Assert.True(File.Exists(Path.Combine(dir.Path, ".kullback-outputs")));
    }

    [Fact]
    public void An_out_path_that_is_a_file_is_refused_and_left_alone()
    {
        using var dir = new TempDirectory();
        string file = dir.File("notes.txt", "my notes");
        CliRun.Of("demo", "--out", file).AssertUsageError("is a file, not a directory");
        Assert.Equal("my notes", File.ReadAllText(file));
    }

    [Fact]
    public void An_unwritable_out_directory_is_a_usage_error_with_no_partial_files()
    {
        using var dir = new TempDirectory();
        string file = dir.File("blocker", "x");
        CliRun.Of("demo", "--out", Path.Combine(file, "charts")).AssertUsageError("cannot write in");
        Assert.Single(Directory.GetFileSystemEntries(dir.Path));
    }
}
