using System.Collections.Immutable;
using System.Globalization;

namespace Kullback.Comparison;

/// <summary>
/// Bins for a categorical column: one bin per category, the reference's categories first, then the categories new in
/// the current data, the rest in one <see cref="OtherBin"/>, and the <see cref="MissingBin"/>.
/// </summary>
public static class CategoricalBinning
{
    /// <summary>The default cap: at most 50 reference categories and 50 new categories get bins of their own.</summary>
    public const int DefaultCap = 50;

    /// <summary>Builds the histogram of a categorical column from value counts (what <c>GROUP BY</c> gives).</summary>
    /// <param name="referenceCounts">Each reference category's count (non-missing values only).</param>
    /// <param name="currentCounts">Each current category's count.</param>
    /// <param name="referenceMissing">The reference's missing values (NULL, empty).</param>
    /// <param name="currentMissing">The current sample's missing values.</param>
    /// <param name="cap">
    /// At most this many reference categories get bins (the most frequent in the reference; ties in ordinal order of the
    /// text), and at most this many new categories (the most frequent in the current sample); every other category is
    /// counted in the other bin, present only when it is needed.
    /// </param>
    /// <param name="referenceUnlisted">Reference values whose categories are not in <paramref name="referenceCounts"/> (an engine
    /// sends the most frequent categories only): counted in the other bin, and unknown by name.</param>
    /// <param name="currentUnlisted">The same for the current sample.</param>
    /// <returns>The histogram, and the full lists of new and vanished categories (also those counted in the other bin).</returns>
    /// <exception cref="InvalidArgumentException">A count is negative, a category is null or listed twice, or the cap is below 1.</exception>
    public static CategoricalBinningResult Build(
        IEnumerable<KeyValuePair<string, long>> referenceCounts,
        IEnumerable<KeyValuePair<string, long>> currentCounts,
        long referenceMissing = 0,
        long currentMissing = 0,
        int cap = DefaultCap,
        long referenceUnlisted = 0,
        long currentUnlisted = 0)
    {
        if (cap < 1)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"The category cap {cap} is not valid: at least 1 category must get its own bin."), nameof(cap));
        var reference = ToDictionary(referenceCounts, nameof(referenceCounts));
        var current = ToDictionary(currentCounts, nameof(currentCounts));
        if (referenceMissing < 0 || currentMissing < 0)
            throw new InvalidArgumentException("Missing counts cannot be negative.", nameof(referenceMissing));
        if (referenceUnlisted < 0 || currentUnlisted < 0)
            throw new InvalidArgumentException("Unlisted counts cannot be negative.", nameof(referenceUnlisted));

        var ranked = reference.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
        var fresh = current.Where(kv => kv.Value > 0 && !(reference.TryGetValue(kv.Key, out long r) && r > 0))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
        var vanished = ranked.Where(k => !(current.TryGetValue(k, out long c) && c > 0)).ToImmutableArray();

        var listed = ranked.Take(cap).Concat(fresh.Take(cap)).ToList();
        var listedSet = new HashSet<string>(listed, StringComparer.Ordinal);
        var bins = new List<Bin>(listed.Count + 2);
        var r0 = new List<long>(listed.Count + 2);
        var c0 = new List<long>(listed.Count + 2);
        foreach (string key in listed)
        {
            bins.Add(new ValueBin(key));
            r0.Add(reference.GetValueOrDefault(key));
            c0.Add(current.GetValueOrDefault(key));
        }
        long otherReference = reference.Where(kv => !listedSet.Contains(kv.Key)).Sum(kv => kv.Value) + referenceUnlisted;
        long otherCurrent = current.Where(kv => !listedSet.Contains(kv.Key)).Sum(kv => kv.Value) + currentUnlisted;
        int inOther = reference.Keys.Concat(current.Keys).Distinct(StringComparer.Ordinal)
            .Count(k => !listedSet.Contains(k) && (reference.GetValueOrDefault(k) > 0 || current.GetValueOrDefault(k) > 0));
        if (inOther > 0 || referenceUnlisted > 0 || currentUnlisted > 0)
        {
            bins.Add(OtherBin.Instance);
            r0.Add(otherReference);
            c0.Add(otherCurrent);
        }
        bins.Add(MissingBin.Instance);
        r0.Add(referenceMissing);
        c0.Add(currentMissing);
        return new CategoricalBinningResult(new ColumnHistogram(bins, r0, c0), [.. fresh], vanished, inOther);
    }

    private static Dictionary<string, long> ToDictionary(IEnumerable<KeyValuePair<string, long>> counts, string name)
    {
        ArgumentNullException.ThrowIfNull(counts, name);
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in counts)
        {
            if (key is null)
                throw new InvalidArgumentException("A category is null: missing values are passed as a missing count.", name);
            if (value < 0)
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"Category {InputText.Quote(key)} has count {value}: counts cannot be negative."), name);
            if (!result.TryAdd(key, value))
                throw new InvalidArgumentException($"Category {InputText.Quote(key)} is listed twice.", name);
        }
        return result;
    }
}
