using System.Diagnostics;
using System.Globalization;

namespace Kullback.Data.Tests.Servers;

/// <summary>The safety net kills what a dead test host left running, and leaves a live host's servers alone.</summary>
public sealed class ServerSafetyNetTests
{
    [Fact]
    public async Task A_server_left_by_a_dead_test_host_is_killed_and_its_directory_deleted()
    {
        int deadOwner = await DeadProcessIdAsync();
        using var orphan = Sleeper();
        string directory = Directory.CreateTempSubdirectory("kullback-stale-").FullName;
        string pidFile = WritePidFile(orphan, deadOwner, ownerStart: 1, directory);

        ServerSafetyNet.SweepStale();

        Assert.True(orphan.WaitForExit(10_000), "the orphaned server still runs");
        Assert.False(Directory.Exists(directory));
        Assert.False(File.Exists(pidFile));
    }

    [Fact]
    public void A_server_of_a_live_test_host_is_left_alone()
    {
        using var server = Sleeper();
        string directory = Directory.CreateTempSubdirectory("kullback-live-").FullName;
        string pidFile = WritePidFile(server, Environment.ProcessId, ProcStat.StartTime(Environment.ProcessId)!.Value, directory);
        try
        {
            ServerSafetyNet.SweepStale();
            Assert.False(server.HasExited);
            Assert.True(Directory.Exists(directory));
            Assert.True(File.Exists(pidFile));
        }
        finally
        {
            server.Kill();
            File.Delete(pidFile);
            Directory.Delete(directory);
        }
    }

    [Fact]
    public async Task A_reused_process_id_is_not_killed()
    {
        int deadOwner = await DeadProcessIdAsync();
        using var bystander = Sleeper();
        string directory = Directory.CreateTempSubdirectory("kullback-reused-").FullName;
        // The recorded start time is not the bystander's: its pid was "reused".
        string pidFile = WritePidFile(bystander, deadOwner, ownerStart: 1, directory, serverStart: 1);
        try
        {
            ServerSafetyNet.SweepStale();
            Assert.False(bystander.HasExited);
            Assert.False(File.Exists(pidFile));
        }
        finally
        {
            bystander.Kill();
        }
    }

    private static Process Sleeper() =>
        Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false }) ?? throw new InvalidOperationException("sleep did not start");

    private static async Task<int> DeadProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    private static string WritePidFile(Process server, int ownerId, long ownerStart, string directory, long? serverStart = null)
    {
        Directory.CreateDirectory(ServerSafetyNet.PidDirectory);
        string file = Path.Combine(ServerSafetyNet.PidDirectory, server.Id.ToString(CultureInfo.InvariantCulture) + ".pid");
        File.WriteAllLines(file,
        [
            server.Id.ToString(CultureInfo.InvariantCulture),
            (serverStart ?? ProcStat.StartTime(server.Id)!.Value).ToString(CultureInfo.InvariantCulture),
            ownerId.ToString(CultureInfo.InvariantCulture),
            ownerStart.ToString(CultureInfo.InvariantCulture),
            directory,
        ]);
        return file;
    }
}
