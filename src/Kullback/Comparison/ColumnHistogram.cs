using System.Collections.Immutable;
using System.Globalization;

namespace Kullback.Comparison;

/// <summary>
/// One column of two datasets summarised over the same bins: the bins, the reference sample's count in each and the
/// current sample's count in each (exact integers). What an engine returns for a column, and what every binned
/// measure and test of <c>kullback compare</c> is computed from.
/// </summary>
/// <remarks>
/// <para>Invariants, checked on construction: at least one bin; one reference and one current count per bin, each ≥ 0;
/// no bin twice; numeric (<see cref="RangeBin"/>) and categorical (<see cref="ValueBin"/>, <see cref="OtherBin"/>) bins not
/// mixed; ranges in increasing order and not overlapping; at most one <see cref="MissingBin"/> and one
/// <see cref="OtherBin"/>.</para>
/// <para>Merging (<see cref="Merge"/>, <c>+</c>) is addition of counts over identical bins, so it is commutative and
/// associative: the order in which partial histograms (files, partitions, days) are merged never matters.</para>
/// </remarks>
public sealed class ColumnHistogram : IEquatable<ColumnHistogram>
{
    /// <summary>Creates a histogram.</summary>
    /// <param name="bins">The bins, in display order.</param>
    /// <param name="referenceCounts">The reference sample's count in each bin.</param>
    /// <param name="currentCounts">The current sample's count in each bin.</param>
    /// <exception cref="InvalidArgumentException">An invariant listed in the remarks does not hold.</exception>
    public ColumnHistogram(IEnumerable<Bin> bins, IEnumerable<long> referenceCounts, IEnumerable<long> currentCounts)
    {
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(referenceCounts);
        ArgumentNullException.ThrowIfNull(currentCounts);
        Bins = [.. bins];
        Reference = [.. referenceCounts];
        Current = [.. currentCounts];
        Validate();
        ReferenceTotal = Total(Reference, "reference");
        CurrentTotal = Total(Current, "current");
    }

    /// <summary>The bins, in display order.</summary>
    public ImmutableArray<Bin> Bins { get; }

    /// <summary>The reference sample's count in each bin.</summary>
    public ImmutableArray<long> Reference { get; }

    /// <summary>The current sample's count in each bin.</summary>
    public ImmutableArray<long> Current { get; }

    /// <summary>The number of reference values (missing included).</summary>
    public long ReferenceTotal { get; }

    /// <summary>The number of current values (missing included).</summary>
    public long CurrentTotal { get; }

    /// <summary>The number of bins.</summary>
    public int Count => Bins.Length;

    /// <summary>True when the bins are numeric ranges (with perhaps a missing bin).</summary>
    public bool IsNumeric => Bins.Any(b => b is RangeBin);

    /// <summary>Categories the current sample has and the reference does not (value bins with a reference count of 0), in bin order.</summary>
    public ImmutableArray<string> NewCategories =>
        [.. Enumerable.Range(0, Count).Where(i => Bins[i] is ValueBin && Reference[i] == 0 && Current[i] > 0).Select(i => ((ValueBin)Bins[i]).Value)];

    /// <summary>Categories the reference has and the current sample does not, in bin order.</summary>
    public ImmutableArray<string> VanishedCategories =>
        [.. Enumerable.Range(0, Count).Where(i => Bins[i] is ValueBin && Reference[i] > 0 && Current[i] == 0).Select(i => ((ValueBin)Bins[i]).Value)];

    /// <summary>The index of <paramref name="bin"/>, or −1.</summary>
    public int IndexOf(Bin bin) => Bins.IndexOf(bin);

    /// <summary>
    /// The histogram of the union of the samples: counts added bin by bin. Commutative and associative.
    /// </summary>
    /// <param name="other">A histogram over exactly the same bins (the same edges, categories and order).</param>
    /// <exception cref="InvalidArgumentException">The bins differ (different edges or categories): histograms binned differently cannot be merged.</exception>
    /// <exception cref="OverflowException">A sum of counts exceeds <see cref="long.MaxValue"/>.</exception>
    public ColumnHistogram Merge(ColumnHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Bins.SequenceEqual(other.Bins))
        {
            int at = Enumerable.Range(0, Math.Min(Count, other.Count)).FirstOrDefault(i => !Bins[i].Equals(other.Bins[i]), Math.Min(Count, other.Count));
            string where = at < Math.Min(Count, other.Count)
                ? string.Create(CultureInfo.InvariantCulture, $"bin {at} is {Bins[at].Label} in one and {other.Bins[at].Label} in the other")
                : string.Create(CultureInfo.InvariantCulture, $"one has {Count} bins and the other {other.Count}");
            throw new InvalidArgumentException(
                $"The histograms have different bins ({where}): only histograms over the same edges and categories can be merged; bin both with the same reference edges.",
                nameof(other));
        }
        var reference = new long[Count];
        var current = new long[Count];
        for (int i = 0; i < Count; i++)
        {
            reference[i] = checked(Reference[i] + other.Reference[i]);
            current[i] = checked(Current[i] + other.Current[i]);
        }
        return new ColumnHistogram(Bins, reference, current);
    }

    /// <inheritdoc cref="Merge"/>
    public static ColumnHistogram operator +(ColumnHistogram left, ColumnHistogram right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Merge(right);
    }

    /// <summary>Equal bins and equal counts.</summary>
    public bool Equals(ColumnHistogram? other) =>
        other is not null && Bins.SequenceEqual(other.Bins) && Reference.SequenceEqual(other.Reference) && Current.SequenceEqual(other.Current);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ColumnHistogram);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (int i = 0; i < Count; i++)
        {
            hash.Add(Bins[i]);
            hash.Add(Reference[i]);
            hash.Add(Current[i]);
        }
        return hash.ToHashCode();
    }

    private void Validate()
    {
        if (Bins.IsEmpty)
            throw new InvalidArgumentException("A column histogram needs at least one bin.", "bins");
        if (Reference.Length != Bins.Length || Current.Length != Bins.Length)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"There are {Bins.Length} bins, {Reference.Length} reference counts and {Current.Length} current counts: each bin needs one count per sample."), "referenceCounts");
        var seen = new HashSet<Bin>();
        bool anyRange = false, anyCategory = false;
        RangeBin? previous = null;
        for (int i = 0; i < Bins.Length; i++)
        {
            var bin = Bins[i] ?? throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"Bin {i} is null."), "bins");
            if (!seen.Add(bin))
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"Bin {i} ({bin.Label}) appears twice: every bin must be distinct."), "bins");
            if (Reference[i] < 0 || Current[i] < 0)
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Bin {i} ({bin.Label}) has counts {Reference[i]} and {Current[i]}: counts cannot be negative."), "referenceCounts");
            anyRange |= bin is RangeBin;
            anyCategory |= bin is ValueBin or OtherBin;
            if (bin is RangeBin range)
            {
                if (previous is not null && (previous.Upper is not { } pu || range.Lower is not { } l || l < pu))
                    throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"Bin {i} ({range.Label}) overlaps or precedes {previous.Label}: ranges must be in increasing order and must not overlap."), "bins");
                previous = range;
            }
        }
        if (anyRange && anyCategory)
            throw new InvalidArgumentException("The bins mix numeric ranges and categories: a column is either numeric or categorical.", "bins");
    }

    private static long Total(ImmutableArray<long> counts, string sample)
    {
        long total = 0;
        foreach (long c in counts)
            total = c <= long.MaxValue - total ? total + c
                : throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"The {sample} counts sum past {long.MaxValue}: they cannot be represented exactly."), sample + "Counts");
        return total;
    }
}
