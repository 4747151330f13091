using System.Collections.Concurrent;
using System.Diagnostics;

namespace Kullback.Data.Tests.Servers;

/// <summary>
/// One server process started by a test fixture: its output kept (the last lines, for failure messages), its pid
/// registered with <see cref="ServerSafetyNet"/>, and ways to signal, wait for and kill it.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private const int KeptLines = 60;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    /// <summary>What the process is, for messages: "PostgreSQL", "ClickHouse shard 2".</summary>
    public string Name { get; }

    /// <summary>The process id (of the server itself: setpriv replaces itself with the server).</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts the program with its output captured; its working directory is <paramref name="directory"/>, deleted with it by the safety net.</summary>
    public static ServerProcess Start(string name, string fileName, IEnumerable<string> arguments, string directory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["LC_ALL"] = "C";
        var process = new Process { StartInfo = info };
        var server = new ServerProcess(process, name);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ServerSafetyNet.Register(process, directory);
        return server;
    }

    /// <summary>Runs a short program to its end (initdb, chown) and returns its output; throws with the output when it fails.</summary>
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["LC_ALL"] = "C";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', info.ArgumentList)} did not finish within {timeout.TotalSeconds} s.");
        }
        string output = await stdout + await stderr;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} {string.Join(' ', info.ArgumentList)} failed with exit code {process.ExitCode}:\n{output}");
        return output;
    }

    /// <summary>The last lines the process wrote (standard output and error together).</summary>
    public string OutputTail() => string.Join('\n', _output);

    /// <summary>Sends a signal (see <see cref="UnixSignal"/>).</summary>
    public void Signal(int signal)
    {
        if (!_process.HasExited) UnixSignal.Send(_process.Id, signal);
    }

    /// <summary>Waits for the process to end; false if it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Signals the process and waits; kills it and its children if it has not ended within <paramref name="grace"/>.</summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        Signal(signal);
        if (!await WaitForExitAsync(grace))
        {
            KillTree();
            await WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
        ServerSafetyNet.Unregister(_process.Id);
    }

    /// <summary>Kills the process and every process it started, at once.</summary>
    public void KillTree()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillTree();
            _process.WaitForExit(10_000);
        }
        ServerSafetyNet.Unregister(_process.Id);
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > KeptLines) _output.TryDequeue(out _);
    }
}
