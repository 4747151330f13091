using System.Collections.Immutable;

namespace Kullback.Comparison;

/// <summary>One side of a comparison: where its data came from and how many rows it has.</summary>
/// <param name="Source">The source as the user gave it (a path, a database URL without its password, a profile).</param>
/// <param name="Rows">The number of rows (after any filter).</param>
public sealed record SampleSummary(string Source, long Rows);

/// <summary>
/// How far one dataset has moved from another, column by column: what <c>kullback compare</c> reports. Pure: it is
/// computed from <see cref="ColumnCounts"/>, however they were obtained (an engine's scan, a profile).
/// </summary>
/// <param name="Reference">The reference dataset.</param>
/// <param name="Current">The current dataset.</param>
/// <param name="Options">The smoothing, unit and criteria used.</param>
/// <param name="Columns">The columns, in the order given.</param>
public sealed record DatasetComparison(SampleSummary Reference, SampleSummary Current, ComparisonOptions Options, ImmutableArray<ColumnComparison> Columns)
{
    /// <summary>True when some column has drifted (the tool's exit code 1).</summary>
    public bool DriftFound => Columns.Any(c => c.Verdict.Drifted);

    /// <summary>Measures, tests and verdicts for every column, the p-values Holm-corrected across the columns.</summary>
    /// <exception cref="InvalidArgumentException">No columns, or two with the same name.</exception>
    public static DatasetComparison Compare(SampleSummary reference, SampleSummary current, IReadOnlyList<ColumnCounts> columns, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(columns);
        options ??= ComparisonOptions.Default;
        if (columns.Count == 0) throw new InvalidArgumentException("There are no columns to compare.", nameof(columns));
        if (columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidArgumentException($"The column {InputText.Quote(twice.Key)} is listed twice.", nameof(columns));

        var criteria = options.Criteria;
        var measured = columns.Select(c =>
        {
            var measures = DriftMeasures.Compute(c.Histogram, options.Smoothing, options.Unit);
            var test = GTest.Compute(c.Histogram);
            var permutation = options.Permutations > 0 ? Permute(c.Histogram, options) : null;
            return (Counts: c, Measures: measures, Test: test, Permutation: permutation, Effect: Effect(criteria, measures, c.Distribution));
        }).ToList();
        var verdicts = criteria.DecideAll([.. measured.Select(m => new ColumnEvidence(m.Counts.Name, m.Permutation?.PValue ?? m.Test.PValue, m.Effect))]);
        var result = measured.Select((m, i) => new ColumnComparison
        {
            Name = m.Counts.Name,
            Kind = m.Counts.Kind,
            Rule = m.Counts.Rule,
            Histogram = m.Counts.Histogram,
            Measures = m.Measures,
            Test = m.Test,
            Permutation = m.Permutation,
            Distribution = m.Counts.Distribution,
            NewCategories = m.Counts.NewCategories,
            VanishedCategories = m.Counts.VanishedCategories,
            Verdict = verdicts[i],
        }).ToImmutableArray();
        return new DatasetComparison(reference, current, options, result);
    }

    /// <summary>
    /// Compares two profiles made over the same bins (the current one made with the reference's edges): numeric columns
    /// from their counts (and their fine histograms, or the exact statistics given), categorical columns from their value
    /// counts. A profile therefore gives exactly the same result as the data it was made from.
    /// </summary>
    /// <param name="reference">The reference's profile: its columns are the ones compared.</param>
    /// <param name="current">The current data's profile.</param>
    /// <param name="exact">Exact distribution statistics by column, where an engine computed them from both sides' raw values; may be null.</param>
    /// <param name="options">Smoothing, unit and criteria.</param>
    /// <param name="categoryCap">At most this many reference categories (and new ones) get bins of their own.</param>
    /// <exception cref="InvalidInputException">A column is missing from the current profile, or was binned with other edges.</exception>
    public static DatasetComparison Compare(DatasetProfile reference, DatasetProfile current, IReadOnlyDictionary<string, TwoSampleStatistics>? exact = null,
                                            ComparisonOptions? options = null, int categoryCap = CategoricalBinning.DefaultCap)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var columns = new List<ColumnCounts>();
        foreach (var r in reference.Columns)
        {
            var c = current.Column(r.Name);
            if (c.Kind != r.Kind)
                throw new InvalidInputException($"column {InputText.Quote(r.Name)} is {r.Kind} in the reference and {c.Kind} here.", new InputLocation(current.Source));
            if (r.Kind == ColumnKind.Categorical)
            {
                var binned = CategoricalBinning.Build(r.Values, c.Values, r.Missing, c.Missing, categoryCap, r.Unlisted, c.Unlisted);
                columns.Add(new ColumnCounts(r.Name, ColumnKind.Categorical, null, binned.Histogram)
                {
                    NewCategories = binned.NewCategories,
                    VanishedCategories = binned.VanishedCategories,
                });
                continue;
            }
            if (r.Edges is null || c.Edges is null || !r.Edges.Edges.AsSpan().SequenceEqual(c.Edges.Edges.AsSpan()))
                throw new InvalidInputException(
                    $"column {InputText.Quote(r.Name)} was binned with other edges than the reference's: profile the current data with --edges-from the reference's profile.",
                    new InputLocation(current.Source));
            var histogram = new ColumnHistogram(r.Edges.Bins, r.Counts, c.Counts);
            DistributionComparison? distribution = null;
            if (exact is not null && exact.TryGetValue(r.Name, out var statistics))
                distribution = new DistributionComparison(statistics, null, null);
            else if (r.FineEdges is { } fine && c.FineEdges is { } cFine && fine.Edges.AsSpan().SequenceEqual(cFine.Edges.AsSpan()) && r.Present > 0 && c.Present > 0)
            {
                var cells = BinnedSamples.FromHistogram(new ColumnHistogram(fine.Bins, r.FineCounts, c.FineCounts),
                                                        Math.Min(r.Minimum, c.Minimum), Math.Max(r.Maximum, c.Maximum));
                distribution = new DistributionComparison(null, TwoSampleBounds.Compute(cells, r.StandardDeviation), fine.Edges.Length + 1);
            }
            columns.Add(new ColumnCounts(r.Name, ColumnKind.Numeric, r.Edges.Rule, histogram) { Distribution = distribution });
        }
        return Compare(new SampleSummary(reference.Source, reference.Rows), new SampleSummary(current.Source, current.Rows), columns, options);
    }

    /// <summary>The permutation test of G on a column's bins: relabelling rows keeps each bin's total, so a shuffle is one hypergeometric draw per bin.</summary>
    private static PermutationResult Permute(ColumnHistogram histogram, ComparisonOptions options) =>
        PermutationTest.Run(histogram.Reference.AsSpan(), histogram.Current.AsSpan(),
                            (r, c) => GTest.StatisticOf(r, c, out _),
                            options.Permutations, options.Seed);

    /// <summary>
    /// The column's effect in the criteria's measure. A distribution measure (KS, normalised Wasserstein) known only as an
    /// interval counts at its lower end, so that uncertainty never declares drift.
    /// </summary>
    private static double Effect(DriftCriteria criteria, DriftMeasures measures, DistributionComparison? distribution)
    {
        bool needsDistribution = criteria.Effect is EffectMeasure.KolmogorovSmirnov or EffectMeasure.NormalizedWasserstein;
        if (!needsDistribution) return criteria.EffectOf(measures);
        if (distribution?.Exact is { } exact) return criteria.EffectOf(measures, exact);
        if (distribution?.Bounds is { } bounds)
            return criteria.Effect == EffectMeasure.KolmogorovSmirnov
                ? bounds.KolmogorovSmirnovStatistic.Lower
                : bounds.NormalizedWasserstein?.Lower ?? 0;
        return 0;   // a categorical column has no distribution statistics: it cannot reach a distribution threshold
    }
}
