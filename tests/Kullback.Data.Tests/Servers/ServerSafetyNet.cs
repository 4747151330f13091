using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Kullback.Data.Tests.Servers;

/// <summary>
/// Makes sure no test server outlives its test run. Every server started is recorded in a pid file
/// (<c>$TMPDIR/kullback-test-servers/PID.pid</c>: the server's pid and start time, the test host's pid and start time,
/// and the server's directory). When the test host exits, its servers are killed and their directories deleted
/// (<see cref="AppDomain.ProcessExit"/>); and when a test host died without that (killed, crashed), the next one
/// finds its pid files, sees that their owner is gone, and kills and deletes what they name. Start times guard
/// against reused process ids: nothing is killed that is not the very process recorded.
/// </summary>
internal static class ServerSafetyNet
{
    /// <summary>Where the pid files are.</summary>
    internal static readonly string PidDirectory = Path.Combine(Path.GetTempPath(), "kullback-test-servers");
    private static readonly ConcurrentDictionary<int, (Process Process, string Directory)> Live = new();
    private static readonly int OwnerId = Environment.ProcessId;
    private static readonly long OwnerStart = ProcStat.StartTime(Environment.ProcessId) ?? 0;
    private static readonly object Gate = new();
    private static bool _initialised;

    /// <summary>Records a server just started; <paramref name="directory"/> is deleted with it.</summary>
    public static void Register(Process process, string directory)
    {
        EnsureInitialised();
        Live[process.Id] = (process, directory);
        long start = ProcStat.StartTime(process.Id) ?? 0;
        string[] lines =
        [
            process.Id.ToString(CultureInfo.InvariantCulture),
            start.ToString(CultureInfo.InvariantCulture),
            OwnerId.ToString(CultureInfo.InvariantCulture),
            OwnerStart.ToString(CultureInfo.InvariantCulture),
            directory,
        ];
        File.WriteAllLines(PidFile(process.Id), lines);
    }

    /// <summary>Forgets a server that has stopped (its directory is the owner's to delete).</summary>
    public static void Unregister(int processId)
    {
        Live.TryRemove(processId, out _);
        TryDelete(PidFile(processId));
    }

    /// <summary>
    /// Creates a test server's directory (mode 0700), named after its kind, in the temporary directory or in
    /// <paramref name="parent"/>.
    /// </summary>
    public static string CreateDirectory(string prefix, string? parent = null)
    {
        EnsureInitialised();
        if (parent is null) return Directory.CreateTempSubdirectory(prefix).FullName;
        string path = Path.Combine(parent, prefix + Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal));
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>Deletes a server's directory, retrying briefly while a dying process still writes into it.</summary>
    public static void DeleteDirectory(string directory)
    {
        for (int attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 4)
            {
                Thread.Sleep(100);
            }
            catch (UnauthorizedAccessException) when (attempt < 4)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static string PidFile(int processId) => Path.Combine(PidDirectory, processId.ToString(CultureInfo.InvariantCulture) + ".pid");

    private static void EnsureInitialised()
    {
        lock (Gate)
        {
            if (_initialised) return;
            Directory.CreateDirectory(PidDirectory);
            SweepStaleLocked();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
            _initialised = true;
        }
    }

    /// <summary>Kills the servers of test hosts that are gone, and deletes their directories and pid files.</summary>
    internal static void SweepStale()
    {
        lock (Gate) SweepStaleLocked();
    }

    private static void SweepStaleLocked()
    {
        foreach (string file in Directory.EnumerateFiles(PidDirectory, "*.pid"))
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(file);
            }
            catch (IOException)
            {
                continue;
            }
            if (lines.Length < 5
                || !int.TryParse(lines[0], CultureInfo.InvariantCulture, out int serverId)
                || !long.TryParse(lines[1], CultureInfo.InvariantCulture, out long serverStart)
                || !int.TryParse(lines[2], CultureInfo.InvariantCulture, out int ownerId)
                || !long.TryParse(lines[3], CultureInfo.InvariantCulture, out long ownerStart))
            {
                TryDelete(file);
                continue;
            }
            if (ProcStat.IsSameProcessAlive(ownerId, ownerStart)) continue;
            if (ProcStat.IsSameProcessAlive(serverId, serverStart)) KillTree(serverId);
            string directory = lines[4];
            if (Path.GetFileName(directory).StartsWith("kullback-", StringComparison.Ordinal)) DeleteDirectory(directory);
            TryDelete(file);
        }
    }

    private static void KillAll()
    {
        foreach (var (id, (process, directory)) in Live)
        {
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            DeleteDirectory(directory);
            TryDelete(PidFile(id));
        }
        Live.Clear();
    }

    private static void KillTree(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (ArgumentException)
        {
            // No such process any more.
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Another test host is sweeping the same file.
        }
    }
}
