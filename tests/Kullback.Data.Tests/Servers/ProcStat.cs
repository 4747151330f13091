using System.Globalization;

namespace Kullback.Data.Tests.Servers;

/// <summary>Linux process facts from /proc: whether a process id still names the same process.</summary>
internal static class ProcStat
{
    /// <summary>
    /// The process's start time in clock ticks since boot (field 22 of <c>/proc/PID/stat</c>), or null when no such
    /// process exists. A process id with the same start time is the same process, not a reused id.
    /// </summary>
    public static long? StartTime(int processId)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        int close = text.LastIndexOf(')');
        if (close < 0) return null;
        string[] fields = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // fields[0] is field 3 (state); field 22 is fields[19].
        return fields.Length > 19 && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks) ? ticks : null;
    }

    /// <summary>Whether the process with that id is alive and started at that time.</summary>
    public static bool IsSameProcessAlive(int processId, long startTime) => StartTime(processId) == startTime;
}
