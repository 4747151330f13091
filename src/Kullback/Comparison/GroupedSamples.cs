using System.Collections.Immutable;
using System.Globalization;

namespace Kullback.Comparison;

/// <summary>
/// Two numeric samples as their distinct values in increasing order with each sample's count of each value: lossless
/// for every rank and distribution statistic, and what SQL's <c>GROUP BY value ORDER BY value</c> gives.
/// </summary>
/// <remarks>Values are finite (missing values are counted in the histogram's missing bin, not here); −0 equals 0.</remarks>
public sealed class GroupedSamples
{
    private GroupedSamples(ImmutableArray<double> values, ImmutableArray<long> reference, ImmutableArray<long> current)
    {
        Values = values;
        Reference = reference;
        Current = current;
        foreach (long r in reference) ReferenceCount = checked(ReferenceCount + r);
        foreach (long c in current) CurrentCount = checked(CurrentCount + c);
        if (ReferenceCount == 0)
            throw new InvalidArgumentException("The reference sample has no values: the two-sample statistics need at least one in each sample.", nameof(reference));
        if (CurrentCount == 0)
            throw new InvalidArgumentException("The current sample has no values: the two-sample statistics need at least one in each sample.", nameof(current));
    }

    /// <summary>The distinct values, strictly increasing.</summary>
    public ImmutableArray<double> Values { get; }

    /// <summary>The reference sample's count of each value.</summary>
    public ImmutableArray<long> Reference { get; }

    /// <summary>The current sample's count of each value.</summary>
    public ImmutableArray<long> Current { get; }

    /// <summary>n₁, the reference sample's size.</summary>
    public long ReferenceCount { get; }

    /// <summary>n₂, the current sample's size.</summary>
    public long CurrentCount { get; }

    /// <summary>Groups two sorted samples (one merge pass).</summary>
    /// <param name="sortedReference">The reference values, finite, non-decreasing, at least one.</param>
    /// <param name="sortedCurrent">The current values, likewise.</param>
    /// <exception cref="InvalidArgumentException">A sample is empty, not sorted, or holds NaN or ±∞.</exception>
    public static GroupedSamples FromSorted(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> sortedCurrent)
    {
        CheckSorted(sortedReference, nameof(sortedReference));
        CheckSorted(sortedCurrent, nameof(sortedCurrent));
        int capacity = sortedReference.Length + sortedCurrent.Length;
        var values = new double[capacity];
        var reference = new long[capacity];
        var current = new long[capacity];
        int i = 0, j = 0, k = 0;
        while (i < sortedReference.Length || j < sortedCurrent.Length)
        {
            double v = j >= sortedCurrent.Length || (i < sortedReference.Length && sortedReference[i] <= sortedCurrent[j])
                ? sortedReference[i] : sortedCurrent[j];
            long r = 0, c = 0;
            while (i < sortedReference.Length && sortedReference[i] == v) { r++; i++; }
            while (j < sortedCurrent.Length && sortedCurrent[j] == v) { c++; j++; }
            values[k] = v == 0 ? 0.0 : v;
            reference[k] = r;
            current[k] = c;
            k++;
        }
        return new GroupedSamples([.. values.AsSpan(0, k)], [.. reference.AsSpan(0, k)], [.. current.AsSpan(0, k)]);
    }

    /// <summary>Groups two samples in any order (they are copied and sorted).</summary>
    /// <inheritdoc cref="FromSorted" path="/exception"/>
    public static GroupedSamples FromValues(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        var r = reference.ToArray();
        var c = current.ToArray();
        Array.Sort(r);
        Array.Sort(c);
        return FromSorted(r, c);
    }

    /// <summary>From distinct values with both samples' counts (for example a <c>GROUP BY</c>); values with both counts 0 are dropped.</summary>
    /// <param name="values">Finite, strictly increasing.</param>
    /// <param name="referenceCounts">The reference's count of each value, ≥ 0.</param>
    /// <param name="currentCounts">The current sample's count of each value, ≥ 0.</param>
    /// <exception cref="InvalidArgumentException">Lengths differ, values are not finite or not strictly increasing, a count is negative, or a sample is empty.</exception>
    public static GroupedSamples FromCounts(ReadOnlySpan<double> values, ReadOnlySpan<long> referenceCounts, ReadOnlySpan<long> currentCounts)
    {
        if (referenceCounts.Length != values.Length || currentCounts.Length != values.Length)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"There are {values.Length} values, {referenceCounts.Length} reference counts and {currentCounts.Length} current counts: one count per value and sample is needed."), nameof(referenceCounts));
        var v = ImmutableArray.CreateBuilder<double>(values.Length);
        var r = ImmutableArray.CreateBuilder<long>(values.Length);
        var c = ImmutableArray.CreateBuilder<long>(values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"values[{i}] = {RangeBin.Format(values[i])}: values must be finite."), nameof(values));
            if (i > 0 && !(values[i] > values[i - 1]))
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"values[{i}] = {RangeBin.Format(values[i])} is not above values[{i - 1}] = {RangeBin.Format(values[i - 1])}: distinct values must strictly increase."), nameof(values));
            if (referenceCounts[i] < 0 || currentCounts[i] < 0)
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"The counts of values[{i}] are {referenceCounts[i]} and {currentCounts[i]}: counts cannot be negative."), nameof(referenceCounts));
            if (referenceCounts[i] == 0 && currentCounts[i] == 0) continue;
            v.Add(values[i] == 0 ? 0.0 : values[i]);
            r.Add(referenceCounts[i]);
            c.Add(currentCounts[i]);
        }
        return new GroupedSamples(v.ToImmutable(), r.ToImmutable(), c.ToImmutable());
    }

    private static void CheckSorted(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{name}[{i}] = {RangeBin.Format(values[i])}: values must be finite (missing values are counted in the missing bin, not here)."), name);
            if (i > 0 && values[i] < values[i - 1])
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{name}[{i}] = {RangeBin.Format(values[i])} is below {name}[{i - 1}] = {RangeBin.Format(values[i - 1])}: the values must be sorted."), name);
        }
    }
}
