using System.Diagnostics;

namespace Kullback.Cli.Tests;

/// <summary>Runs the real <c>kullback</c> executable (the apphost beside the tests) through bash, for what only a process shows: closed streams, full disks, signals.</summary>
internal sealed record RealProcess(int ExitCode, string Out, string Error)
{
    /// <summary>The kullback executable built with the tests.</summary>
    public static string Executable { get; } = Path.Combine(AppContext.BaseDirectory, "kullback");

    /// <summary>Runs a bash command line in which <c>$K</c> is the executable; returns when it ends (or after the timeout).</summary>
    public static RealProcess Bash(string script, string workingDirectory, int timeoutSeconds = 120, Action<Process>? whileRunning = null)
    {
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.Environment["K"] = Executable;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        whileRunning?.Invoke(process);
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{script}' ran past {timeoutSeconds} s");
        }
        return new RealProcess(process.ExitCode, output.Result, error.Result);
    }
}
