using System.Collections.Immutable;

namespace Kullback.Comparison;

/// <summary>
/// What is known of one column of both datasets before anything is measured: its bins with both samples' counts
/// (from an engine's scan or a saved profile), and, for a numeric column, its distribution statistics.
/// </summary>
/// <param name="Name">The column's name.</param>
/// <param name="Kind">Numeric or categorical.</param>
/// <param name="Rule">The binning rule of a numeric column; null for a categorical one.</param>
/// <param name="Histogram">The bins and counts.</param>
public sealed record ColumnCounts(string Name, ColumnKind Kind, BinningRule? Rule, ColumnHistogram Histogram)
{
    /// <summary>Categories new in the current data (all of them, also those counted in the other bin).</summary>
    public ImmutableArray<string> NewCategories { get; init; } = [];

    /// <summary>Categories of the reference absent from the current data.</summary>
    public ImmutableArray<string> VanishedCategories { get; init; } = [];

    /// <summary>KS, Wasserstein-1 and Cramér–von Mises (numeric columns), exact or as intervals; null when not known.</summary>
    public DistributionComparison? Distribution { get; init; }
}
