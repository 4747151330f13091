using System.Collections.Immutable;

namespace Kullback.Comparison;

/// <summary>One column of two datasets compared: its bins and counts, the divergences between them, the test, the verdict.</summary>
public sealed record ColumnComparison
{
    /// <summary>The column's name.</summary>
    public required string Name { get; init; }

    /// <summary>Numeric or categorical.</summary>
    public required ColumnKind Kind { get; init; }

    /// <summary>The rule that chose the numeric bins on the reference; null for a categorical column.</summary>
    public BinningRule? Rule { get; init; }

    /// <summary>The bins, the reference's count in each and the current sample's.</summary>
    public required ColumnHistogram Histogram { get; init; }

    /// <summary>KL both ways, PSI, Jensen–Shannon, Hellinger, total variation over exactly those bins, smoothed.</summary>
    public required DriftMeasures Measures { get; init; }

    /// <summary>The G-test of homogeneity on the raw counts.</summary>
    public required GTest Test { get; init; }

    /// <summary>The permutation test of the G statistic when <see cref="ComparisonOptions.Permutations"/> asked for one; null otherwise.</summary>
    public PermutationResult? Permutation { get; init; }

    /// <summary>The raw p-value the verdict used: the permutation p-value when there is one, the G-test's otherwise.</summary>
    public double PValue => Permutation?.PValue ?? Test.PValue;

    /// <summary>KS, Wasserstein-1 and Cramér–von Mises for a numeric column; null for a categorical one.</summary>
    public DistributionComparison? Distribution { get; init; }

    /// <summary>Categories the current data have and the reference does not (all of them, also those in the other bin).</summary>
    public ImmutableArray<string> NewCategories { get; init; } = [];

    /// <summary>Categories the reference has and the current data do not.</summary>
    public ImmutableArray<string> VanishedCategories { get; init; } = [];

    /// <summary>The verdict: drift when the Holm-adjusted p-value is below α and the effect reaches the threshold.</summary>
    public required DriftVerdict Verdict { get; init; }

    /// <summary>The reference's missing values (NULL, empty, NaN).</summary>
    public long ReferenceMissing => MissingCount(Histogram.Reference);

    /// <summary>The current data's missing values.</summary>
    public long CurrentMissing => MissingCount(Histogram.Current);

    private long MissingCount(ImmutableArray<long> counts)
    {
        int i = Histogram.Bins.IndexOf(MissingBin.Instance);
        return i < 0 ? 0 : counts[i];
    }
}
