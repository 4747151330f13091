using System.Globalization;

namespace Kullback.Estimation;

/// <summary>Checks of count vectors shared by the estimators: messages name the argument, the index and the value.</summary>
internal static class CountChecks
{
    /// <summary>The largest total accepted: 2⁵³, so that every count and N are exact as doubles.</summary>
    public const long MaximumTotal = 1L << 53;

    /// <summary>Checks that <paramref name="counts"/> is a non-empty vector of non-negative counts with a positive total of at most 2⁵³.</summary>
    /// <returns>N, the total.</returns>
    public static long Total(ReadOnlySpan<long> counts, string name)
    {
        if (counts.IsEmpty)
            throw new InvalidArgumentException($"{name} is empty: an estimate needs at least one category.", name);
        long total = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            long c = counts[i];
            if (c < 0)
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{name}[{i}] = {c} is not a count: counts are whole numbers ≥ 0."), name);
            if (c > MaximumTotal - total)
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{name} sums to more than 2^53 = {MaximumTotal}: the estimators need every count exact as a double."), name);
            total += c;
        }
        if (total == 0)
            throw new InvalidArgumentException($"{name} is all zeros: an estimate needs at least one observation.", name);
        return total;
    }

    /// <summary>The number of positive counts.</summary>
    public static int Observed(ReadOnlySpan<long> counts)
    {
        int m = 0;
        foreach (long c in counts) if (c > 0) m++;
        return m;
    }

    /// <summary>Checks that an interval can be formed: at least 2 observations (the jackknife leaves one out).</summary>
    public static void RequireResamplable(long total, string name)
    {
        if (total < 2)
            throw new InvalidArgumentException(
                $"{name} holds a single observation: a confidence interval needs at least 2 (the jackknife leaves one out).", name);
    }
}
