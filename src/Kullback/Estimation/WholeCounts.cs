namespace Kullback.Estimation;

/// <summary>Counts read as numbers: whole, non-negative, and summing to at most 2⁵³ (where the estimators' arithmetic is exact).</summary>
public static class WholeCounts
{
    /// <summary>The largest total the estimators accept: 2⁵³.</summary>
    public const long MaximumTotal = 1L << 53;

    /// <summary>The values as counts, or null when one is not a whole number ≥ 0 or their total passes <see cref="MaximumTotal"/>.</summary>
    /// <param name="values">The values (NaN and ±∞ give null).</param>
    public static long[]? TryFrom(ReadOnlySpan<double> values)
    {
        var counts = new long[values.Length];
        long total = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (!(v >= 0 && v <= MaximumTotal) || v != Math.Floor(v)) return null;
            counts[i] = (long)v;
            total += counts[i];
            if (total > MaximumTotal) return null;
        }
        return counts;
    }
}
