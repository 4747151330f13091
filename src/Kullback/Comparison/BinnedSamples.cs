using System.Collections.Immutable;
using System.Globalization;

namespace Kullback.Comparison;

/// <summary>
/// Two numeric samples known only through counts in cells: what an engine returns when the work is pushed down (a
/// fine histogram over reference-quantile edges). The distribution statistics are then known to lie in intervals
/// (<see cref="TwoSampleBounds"/>).
/// </summary>
/// <remarks>
/// <para>Cell b holds values in [Lowerᵦ, Upperᵦ] (closed; Lower = Upper for a cell of one value, for example a
/// per-value bin, which makes the statistics exact there), cells in increasing order: Upperᵦ ≤ Lowerᵦ₊₁. The outer
/// bounds may be ±∞ (the underflow and overflow bins) when the engine did not give the samples' minimum and maximum;
/// the Wasserstein distance's upper bound is then +∞ wherever the empirical CDFs differ there.</para>
/// <para>What an engine computes: for every cell of the edges, both samples' counts (one <c>GROUP BY</c> over a
/// bucket expression such as a binary search of the edges), and the pooled minimum and maximum; for the normalised
/// Wasserstein distance, the reference's population standard deviation.</para>
/// </remarks>
public sealed class BinnedSamples
{
    /// <summary>Creates the cells.</summary>
    /// <param name="lowers">Each cell's smallest possible value.</param>
    /// <param name="uppers">Each cell's largest possible value (≥ its lower bound, ≤ the next cell's).</param>
    /// <param name="referenceCounts">The reference's count in each cell.</param>
    /// <param name="currentCounts">The current sample's count in each cell.</param>
    /// <exception cref="InvalidArgumentException">Lengths differ, a bound is NaN, the cells are not ordered, a count is negative, or a sample is empty.</exception>
    public BinnedSamples(ReadOnlySpan<double> lowers, ReadOnlySpan<double> uppers, ReadOnlySpan<long> referenceCounts, ReadOnlySpan<long> currentCounts)
    {
        int b = lowers.Length;
        if (uppers.Length != b || referenceCounts.Length != b || currentCounts.Length != b)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"There are {b} lower bounds, {uppers.Length} upper bounds, {referenceCounts.Length} reference counts and {currentCounts.Length} current counts: one of each per cell is needed."), nameof(uppers));
        for (int i = 0; i < b; i++)
        {
            if (double.IsNaN(lowers[i]) || double.IsNaN(uppers[i]) || !(lowers[i] <= uppers[i]))
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Cell {i} is [{RangeBin.Format(lowers[i])}, {RangeBin.Format(uppers[i])}]: a cell's bounds must be ordered and not NaN."), nameof(lowers));
            if (i > 0 && !(uppers[i - 1] <= lowers[i]))
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Cell {i} starts at {RangeBin.Format(lowers[i])}, below the end of cell {i - 1} ({RangeBin.Format(uppers[i - 1])}): cells must be in increasing order."), nameof(lowers));
            if (referenceCounts[i] < 0 || currentCounts[i] < 0)
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cell {i} has counts {referenceCounts[i]} and {currentCounts[i]}: counts cannot be negative."), nameof(referenceCounts));
            ReferenceCount = checked(ReferenceCount + referenceCounts[i]);
            CurrentCount = checked(CurrentCount + currentCounts[i]);
        }
        if (ReferenceCount == 0 || CurrentCount == 0)
            throw new InvalidArgumentException("A sample has no values in the cells: the two-sample statistics need at least one in each.", nameof(referenceCounts));
        Lowers = [.. lowers];
        Uppers = [.. uppers];
        Reference = [.. referenceCounts];
        Current = [.. currentCounts];
    }

    /// <summary>Each cell's smallest possible value.</summary>
    public ImmutableArray<double> Lowers { get; }

    /// <summary>Each cell's largest possible value.</summary>
    public ImmutableArray<double> Uppers { get; }

    /// <summary>The reference's count in each cell.</summary>
    public ImmutableArray<long> Reference { get; }

    /// <summary>The current sample's count in each cell.</summary>
    public ImmutableArray<long> Current { get; }

    /// <summary>n₁.</summary>
    public long ReferenceCount { get; }

    /// <summary>n₂.</summary>
    public long CurrentCount { get; }

    /// <summary>The number of cells.</summary>
    public int Count => Lowers.Length;

    /// <summary>
    /// The cells of a numeric column histogram (its missing bin left out): [l, u) becomes the cell [l, u], the underflow
    /// bin starts at <paramref name="minimum"/> and the overflow bin ends at <paramref name="maximum"/> (±∞ when not given).
    /// </summary>
    /// <param name="histogram">A numeric histogram (range bins, perhaps a missing bin).</param>
    /// <param name="minimum">The smallest value of both samples together, if known.</param>
    /// <param name="maximum">The largest value of both samples together, if known.</param>
    /// <exception cref="InvalidArgumentException">The histogram is categorical, or a bound contradicts the bins' counts.</exception>
    public static BinnedSamples FromHistogram(ColumnHistogram histogram, double? minimum = null, double? maximum = null)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.Bins.Any(b => b is ValueBin or OtherBin))
            throw new InvalidArgumentException("The histogram is categorical: distribution statistics need a numeric column.", nameof(histogram));
        var lo = new List<double>();
        var hi = new List<double>();
        var r = new List<long>();
        var c = new List<long>();
        for (int i = 0; i < histogram.Count; i++)
        {
            if (histogram.Bins[i] is not RangeBin range) continue;
            double l = range.Lower ?? minimum ?? double.NegativeInfinity;
            double u = range.Upper ?? maximum ?? double.PositiveInfinity;
            if (range.Lower is null && minimum is { } mn && range.Upper is { } ru && !(mn <= ru)) l = ru;
            if (range.Upper is null && maximum is { } mx && range.Lower is { } rl && !(mx >= rl)) u = rl;
            if (histogram.Reference[i] + histogram.Current[i] > 0 && ((range.Lower is null && minimum is { } m1 && range.Upper is { } u1 && m1 >= u1)
                || (range.Upper is null && maximum is { } m2 && range.Lower is { } l2 && m2 < l2)))
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Bin {range.Label} holds values but lies outside the given range [{minimum}, {maximum}]."), nameof(minimum));
            lo.Add(l);
            hi.Add(u);
            r.Add(histogram.Reference[i]);
            c.Add(histogram.Current[i]);
        }
        return new BinnedSamples(lo.ToArray(), hi.ToArray(), r.ToArray(), c.ToArray());
    }
}
