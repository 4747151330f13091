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
            return (Counts: c, Measures: measures, Test: test, Effect: Effect(criteria, measures, c.Distribution));
        }).ToList();
        var verdicts = criteria.DecideAll([.. measured.Select(m => new ColumnEvidence(m.Counts.Name, m.Test.PValue, m.Effect))]);
        var result = measured.Select((m, i) => new ColumnComparison
        {
            Name = m.Counts.Name,
            Kind = m.Counts.Kind,
            Rule = m.Counts.Rule,
            Histogram = m.Counts.Histogram,
            Measures = m.Measures,
            Test = m.Test,
            Distribution = m.Counts.Distribution,
            NewCategories = m.Counts.NewCategories,
            VanishedCategories = m.Counts.VanishedCategories,
            Verdict = verdicts[i],
        }).ToImmutableArray();
        return new DatasetComparison(reference, current, options, result);
    }

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
