using System.Diagnostics;

namespace Kullback.Reports.Tests;

/// <summary>Runs the built <c>kullback</c> tool as a real process (for what only a process shows: its environment, its fonts).</summary>
internal sealed record KullbackProcess(int ExitCode, string Out, string Error)
{
    public static KullbackProcess Run(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        string tool = Path.Combine(AppContext.BaseDirectory, "kullback.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(tool);
        foreach (string a in args) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kullback did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("kullback ran for more than 3 minutes");
        }
        return new KullbackProcess(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
