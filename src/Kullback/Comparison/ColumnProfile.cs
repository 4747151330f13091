using System.Collections.Immutable;

namespace Kullback.Comparison;

/// <summary>
/// What one dataset's column looks like, summarised: exact counts in its bins (numeric: edges chosen on the reference;
/// categorical: the most frequent values by name), its missing count, and for numeric columns a fine histogram of
/// reference quantiles and the moments the distribution statistics need. Immutable; <see cref="Merge"/> adds two
/// summaries of the same bins, so that profiles of partitions make the profile of the whole, in any order.
/// </summary>
public sealed record ColumnProfile
{
    /// <summary>The column's name.</summary>
    public required string Name { get; init; }

    /// <summary>Numeric or categorical.</summary>
    public required ColumnKind Kind { get; init; }

    /// <summary>Values that are NULL, empty or NaN.</summary>
    public required long Missing { get; init; }

    /// <summary>Values that are not missing.</summary>
    public required long Present { get; init; }

    /// <summary>The numeric bin edges (chosen on the reference); null for a categorical column.</summary>
    public NumericBinEdges? Edges { get; init; }

    /// <summary>The count in each of <see cref="NumericBinEdges.Bins"/> of <see cref="Edges"/> (the missing bin last).</summary>
    public ImmutableArray<long> Counts { get; init; } = [];

    /// <summary>The fine histogram's edges (reference quantiles) for bounds on the distribution statistics; null when not kept.</summary>
    public NumericBinEdges? FineEdges { get; init; }

    /// <summary>The count in each fine bin (missing bin 0: missing values are counted in <see cref="Counts"/>).</summary>
    public ImmutableArray<long> FineCounts { get; init; } = [];

    /// <summary>The smallest non-missing value (numeric); NaN when there is none.</summary>
    public double Minimum { get; init; } = double.NaN;

    /// <summary>The largest non-missing value (numeric); NaN when there is none.</summary>
    public double Maximum { get; init; } = double.NaN;

    /// <summary>The mean of the non-missing values (numeric); NaN when there is none.</summary>
    public double Mean { get; init; } = double.NaN;

    /// <summary>The population standard deviation of the non-missing values (numeric); 0 when there is one value or none.</summary>
    public double StandardDeviation { get; init; }

    /// <summary>The number of distinct non-missing values, as counted when the profile was made (a lower bound after merges).</summary>
    public long Distinct { get; init; }

    /// <summary>The most frequent categories with their counts (categorical); every one, when <see cref="Unlisted"/> is 0.</summary>
    public ImmutableArray<KeyValuePair<string, long>> Values { get; init; } = [];

    /// <summary>Non-missing values whose categories are not in <see cref="Values"/> (too many categories to list).</summary>
    public long Unlisted { get; init; }

    /// <summary>
    /// The profile of the union of the two samples this and <paramref name="other"/> summarise: counts added bin by bin,
    /// categories merged by name, moments pooled (Chan's formula). Commutative and associative.
    /// </summary>
    /// <exception cref="InvalidArgumentException">The names, kinds, edges or fine edges differ: profiles binned differently cannot be merged.</exception>
    public ColumnProfile Merge(ColumnProfile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!string.Equals(Name, other.Name, StringComparison.Ordinal) || Kind != other.Kind)
            throw new InvalidArgumentException($"{InputText.Quote(Name)} ({Kind}) and {InputText.Quote(other.Name)} ({other.Kind}) are not the same column.", nameof(other));
        if (!SameEdges(Edges, other.Edges) || !SameEdges(FineEdges, other.FineEdges))
            throw new InvalidArgumentException($"The profiles of {InputText.Quote(Name)} have different bin edges: make the second with --edges-from the first.", nameof(other));
        long present = checked(Present + other.Present);
        double mean = double.NaN, deviation = 0;
        if (present > 0)
        {
            double na = Present, nb = other.Present;
            double ma = Present > 0 ? Mean : 0, mb = other.Present > 0 ? other.Mean : 0;
            double delta = mb - ma;
            mean = ma + delta * nb / present;
            double m2 = na * StandardDeviation * StandardDeviation + nb * other.StandardDeviation * other.StandardDeviation + delta * delta * na * nb / present;
            deviation = Math.Sqrt(Math.Max(0, m2 / present));
        }
        return this with
        {
            Missing = checked(Missing + other.Missing),
            Present = present,
            Counts = Add(Counts, other.Counts),
            FineCounts = Add(FineCounts, other.FineCounts),
            Minimum = Min(Minimum, other.Minimum),
            Maximum = Max(Maximum, other.Maximum),
            Mean = mean,
            StandardDeviation = deviation,
            Distinct = Math.Max(Distinct, other.Distinct),
            Values = MergeValues(Values, other.Values),
            Unlisted = checked(Unlisted + other.Unlisted),
        };
    }

    private static bool SameEdges(NumericBinEdges? a, NumericBinEdges? b) =>
        a is null ? b is null : b is not null && a.Edges.AsSpan().SequenceEqual(b.Edges.AsSpan());

    private static ImmutableArray<long> Add(ImmutableArray<long> a, ImmutableArray<long> b)
    {
        if (a.IsEmpty) return b;
        if (b.IsEmpty) return a;
        var sum = new long[a.Length];
        for (int i = 0; i < sum.Length; i++) sum[i] = checked(a[i] + b[i]);
        return [.. sum];
    }

    private static ImmutableArray<KeyValuePair<string, long>> MergeValues(ImmutableArray<KeyValuePair<string, long>> a, ImmutableArray<KeyValuePair<string, long>> b)
    {
        if (a.IsEmpty) return b;
        if (b.IsEmpty) return a;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, n) in a.Concat(b)) counts[key] = checked(counts.GetValueOrDefault(key) + n);
        return [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)];
    }

    private static double Min(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Min(a, b);

    private static double Max(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Max(a, b);
}
