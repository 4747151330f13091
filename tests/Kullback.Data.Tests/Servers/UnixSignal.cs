using System.Runtime.InteropServices;

namespace Kullback.Data.Tests.Servers;

/// <summary>Sends POSIX signals: how PostgreSQL and ClickHouse are told to shut down (smart, fast, immediate).</summary>
internal static class UnixSignal
{
    /// <summary>SIGINT: PostgreSQL's fast shutdown (sessions are ended, then a clean stop).</summary>
    public const int Interrupt = 2;

    /// <summary>SIGQUIT: PostgreSQL's immediate shutdown (no checkpoint; crash recovery at the next start).</summary>
    public const int Quit = 3;

    /// <summary>SIGKILL: the process ends at once, as in a crash.</summary>
    public const int Kill = 9;

    /// <summary>SIGTERM: ClickHouse's orderly stop (PostgreSQL's smart shutdown).</summary>
    public const int Terminate = 15;

    /// <summary>Sends the signal; false when the process no longer exists.</summary>
    public static bool Send(int processId, int signal) => NativeMethods.kill(processId, signal) == 0;

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054, CA5392 // A plain P/Invoke keeps the test project free of unsafe code; libc is the system library.
        internal static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054, CA5392
    }
}
