using System.Diagnostics;

namespace Kullback.Packaging.Tests;

/// <summary>One finished process: its exit code and what it printed.</summary>
internal sealed record ProcessRun(string Command, int ExitCode, string Out, string Error)
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> to its end (killed past the timeout).</summary>
    public static ProcessRun Start(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, int timeoutSeconds = 600)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // The test host's own MSBuild settings must not leak into the builds these tests start.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        string command = fileName + " " + string.Join(' ', start.ArgumentList);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{command}' ran past {timeoutSeconds} s");
        }
        return new ProcessRun(command, process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs the .NET SDK's <c>dotnet</c> with these arguments.</summary>
    public static ProcessRun Dotnet(string workingDirectory, params string[] arguments) =>
        Start("dotnet", arguments, workingDirectory);

    /// <summary>Fails the test with everything the process printed unless it exited 0.</summary>
    public ProcessRun AssertSucceeded()
    {
        Assert.True(ExitCode == 0, $"'{Command}' exited {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}");
        return this;
    }
}
