using System.Globalization;
using System.Text.Json;

namespace Kullback.Packaging.Tests;

/// <summary><c>dotnet tool install</c> from the packed folder gives a <c>kullback</c> that runs the walkthrough and measures files.</summary>
[Collection(PackagingGroup.Name)]
public class ToolInstallTests(PackedArtifacts packed)
{
    // D(P‖U) and the other directions for the space-worm data, 30 digits from mpmath (as in the tool's own tests).
    private const double WormsToUniform = 0.136679710949669388759375344513;
    private const double UniformToWorms = 0.169713221388226600710361181925;

    private string InstallTool()
    {
        string tools = Path.Combine(packed.WorkDirectory, "tools");
        if (File.Exists(Path.Combine(tools, "kullback"))) return tools;
        string config = Path.Combine(packed.WorkDirectory, "tool.NuGet.config");
        NuGetSources.WriteConfig(config, packed.PackageDirectory, upstream: [],
            packagesFolder: Path.Combine(packed.WorkDirectory, "tool-packages"), fallback: null);
        ProcessRun.Dotnet(packed.WorkDirectory, "tool", "install", "Kullback.Cli", "--tool-path", tools,
            "--version", Repository.Version, "--configfile", config).AssertSucceeded();
        return tools;
    }

    private ProcessRun Kullback(params string[] arguments) =>
        ProcessRun.Start(Path.Combine(InstallTool(), "kullback"), arguments, packed.WorkDirectory, timeoutSeconds: 120);

    [Fact]
    public void The_installed_tool_runs_the_walkthrough_with_its_numbers_and_charts()
    {
        string charts = Path.Combine(packed.WorkDirectory, "demo");
        var run = Kullback("demo", "--out", charts).AssertSucceeded();
        Assert.Contains("H(P) = 3.262 bits", run.Out, StringComparison.Ordinal);
        Assert.Contains("D(P‖U) = 0.1367 nats but D(U‖P) = 0.1697 nats", run.Out, StringComparison.Ordinal);
        Assert.Contains("Verdict: the uniform approximation loses less information (0.1367 vs 0.4273 nats)", run.Out, StringComparison.Ordinal);
        var pngs = Directory.GetFiles(charts, "*.png");
        Assert.Equal(6, pngs.Length);
        // A PNG starts with its eight-byte signature; SkiaSharp's native library loaded from the tool package drew it.
        Assert.All(pngs, png => Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], File.ReadAllBytes(png)[..8]));
    }

    [Fact]
    public void The_installed_tool_measures_two_files()
    {
        string p = Path.Combine(packed.WorkDirectory, "worms.txt");
        string q = Path.Combine(packed.WorkDirectory, "uniform.txt");
        File.WriteAllText(p, "0.02 0.03 0.05 0.14 0.16 0.15 0.12 0.08 0.10 0.08 0.07\n");
        File.WriteAllText(q, string.Join(' ', Enumerable.Repeat((1.0 / 11).ToString("R", CultureInfo.InvariantCulture), 11)) + "\n");
        var run = Kullback("measure", p, q, "--json").AssertSucceeded();
        var measures = JsonDocument.Parse(run.Out).RootElement.GetProperty("measures");
        Assert.Equal(WormsToUniform, measures.GetProperty("kl_pq").GetDouble(), 1e-14);
        Assert.Equal(UniformToWorms, measures.GetProperty("kl_qp").GetDouble(), 1e-14);
    }

    [Fact]
    public void The_installed_tool_says_its_version()
    {
        var run = Kullback("--version").AssertSucceeded();
        Assert.StartsWith(Repository.Version, run.Out.Trim(), StringComparison.Ordinal);
    }
}
