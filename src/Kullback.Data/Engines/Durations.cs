using System.Globalization;

namespace Kullback.Data.Engines;

/// <summary>Time spans as messages show them: <c>250 ms</c>, <c>30 s</c>, <c>1.5 s</c>, <c>10 min</c>.</summary>
internal static class Durations
{
    public static string Describe(TimeSpan span)
    {
        if (span == System.Threading.Timeout.InfiniteTimeSpan) return "unlimited";
        double seconds = span.TotalSeconds;
        if (Math.Abs(seconds) < 1)
            return string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0.###} ms");
        if (Math.Abs(seconds) < 120 || span.Seconds != 0)
            return string.Create(CultureInfo.InvariantCulture, $"{seconds:0.###} s");
        return string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.###} min");
    }
}
