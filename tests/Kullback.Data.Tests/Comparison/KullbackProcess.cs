using System.Diagnostics;

namespace Kullback.Data.Tests.Comparison;

/// <summary>
/// The real <c>kullback</c> executable, as a pipeline runs it: the apphost that the build of <c>src/Kullback.Cli</c> (in
/// the same configuration as these tests) leaves in its bin folder, run with captured streams and no standard input.
/// </summary>
internal sealed record KullbackProcess(int ExitCode, string Out, string Error)
{
    /// <summary>The apphost; the tests that need it fail with this path when it has not been built.</summary>
    public static string Executable { get; } = Locate();

    /// <summary>Runs kullback with <paramref name="arguments"/>; <paramref name="whileRunning"/> may act on the servers meanwhile.</summary>
    public static async Task<KullbackProcess> RunAsync(IEnumerable<string> arguments, Func<Task>? whileRunning = null, int timeoutSeconds = 120)
    {
        Assert.True(File.Exists(Executable), $"{Executable} does not exist: build src/Kullback.Cli (dotnet build, or dotnet test at the repository root)");
        var start = new ProcessStartInfo(Executable, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("PGPASSWORD");
        start.Environment.Remove("CLICKHOUSE_PASSWORD");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (whileRunning is not null) await whileRunning();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kullback {string.Join(' ', arguments)} ran past {timeoutSeconds} s");
        }
        return new KullbackProcess(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// The contract for a fault: exit 2, nothing on standard output, one line on standard error that starts with
    /// <c>kullback compare: SOURCE:</c> and contains every fragment, no stack trace, and none of the secrets.
    /// </summary>
    public void AssertFault(string source, IEnumerable<string> fragments, params string[] secrets)
    {
        Assert.True(ExitCode == 2, $"exit code {ExitCode}; stderr: {Error}; stdout: {Out}");
        Assert.Equal("", Out);
        Assert.Single(Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"kullback compare: {source}: ", Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
        foreach (string fragment in fragments) Assert.Contains(fragment, Error, StringComparison.Ordinal);
        foreach (string secret in secrets) Assert.DoesNotContain(secret, Error, StringComparison.Ordinal);
    }

    private static string Locate()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = testBin.Name, configuration = testBin.Parent?.Name ?? "Debug";
        for (var directory = testBin; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Kullback.slnx")))
                return Path.Combine(directory.FullName, "src", "Kullback.Cli", "bin", configuration, framework, OperatingSystem.IsWindows() ? "kullback.exe" : "kullback");
        }
        return Path.Combine(AppContext.BaseDirectory, "kullback");
    }
}
