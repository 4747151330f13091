using System.Diagnostics;
using Xunit.Abstractions;

namespace Kullback.Reports.Tests.Pages;

/// <summary>
/// Runs the Node tests of the page's mathematics (<c>js/*.test.js</c>, Node's built-in runner) from <c>dotnet test</c>, so
/// CI covers them: the library's values for their cases are written first (<see cref="LibraryValues"/>) and handed over
/// in KULLBACK_LIBRARY_VALUES; the 60-digit references are read from Data/measures.json.
/// </summary>
public sealed class NodeMathTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_page_math_matches_the_library_and_the_references_under_Node()
    {
        using var directory = new TemporaryDirectory("kullback-node-");
        string values = Path.Combine(directory.Path, "library-values.json");
        LibraryValues.Write(values);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.NodeTests,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--test");
        start.ArgumentList.Add("--test-reporter=tap");
        foreach (string file in Directory.GetFiles(RepositoryPaths.NodeTests, "*.test.js").Order(StringComparer.Ordinal)) start.ArgumentList.Add(file);
        start.Environment["KULLBACK_LIBRARY_VALUES"] = values;
        start.Environment["KULLBACK_REFERENCE_MEASURES"] = Path.Combine(AppContext.BaseDirectory, "Data", "measures.json");
        start.Environment["NO_COLOR"] = "1";
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start (is Node.js installed?)");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var stdoutTask = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderrTask = node.StandardError.ReadToEndAsync(timeout.Token);
        await node.WaitForExitAsync(timeout.Token);
        string stdout = await stdoutTask, stderr = await stderrTask;
        output.WriteLine(stdout);
        output.WriteLine(stderr);
        Assert.True(node.ExitCode == 0, $"node --test failed (exit {node.ExitCode}):\n{stdout}\n{stderr}");
        Assert.Contains("# fail 0", stdout, StringComparison.Ordinal);
        Assert.Contains("# skipped 0", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("# pass 0\n", stdout, StringComparison.Ordinal);
    }
}
