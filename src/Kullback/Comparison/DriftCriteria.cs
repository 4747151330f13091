using System.Globalization;

namespace Kullback.Comparison;

/// <summary>
/// When a column has drifted: its p-value, corrected across columns (Holm), is below α <em>and</em> its effect size
/// reaches a threshold, so that a huge sample does not flag every column for differences too small to matter.
/// Defaults: α = 0.05, PSI ≥ 0.1 nats.
/// </summary>
public sealed record DriftCriteria
{
    private readonly double _alpha = 0.05;
    private readonly double _threshold = 0.1;

    /// <summary>α = 0.05 and PSI ≥ 0.1 nats.</summary>
    public static DriftCriteria Default { get; } = new();

    /// <summary>The significance level for the Holm-adjusted p-values, in (0, 1); default 0.05.</summary>
    /// <exception cref="InvalidArgumentException">Not in (0, 1).</exception>
    public double Alpha
    {
        get => _alpha;
        init => _alpha = value > 0 && value < 1 ? value
            : throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"α = {value:R} is not a significance level: it must lie strictly between 0 and 1."), nameof(Alpha));
    }

    /// <summary>The effect measure; default PSI.</summary>
    public EffectMeasure Effect { get; init; } = EffectMeasure.PopulationStabilityIndex;

    /// <summary>The smallest effect that counts as drift, in <see cref="Unit"/> for information measures; default 0.1.</summary>
    /// <exception cref="InvalidArgumentException">Negative, NaN or infinite.</exception>
    public double Threshold
    {
        get => _threshold;
        init => _threshold = value >= 0 && double.IsFinite(value) ? value
            : throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"The effect threshold {value:R} is not valid: it must be finite and at least 0."), nameof(Threshold));
    }

    /// <summary>The unit of <see cref="Threshold"/> for the information measures (PSI, JS, KL); nats by default.</summary>
    public InformationUnit Unit { get; init; }

    /// <summary>The effect of the chosen measure, in the criteria's unit.</summary>
    /// <param name="measures">The column's binned measures.</param>
    /// <param name="distribution">The column's distribution statistics; needed for <see cref="EffectMeasure.KolmogorovSmirnov"/> and <see cref="EffectMeasure.NormalizedWasserstein"/>.</param>
    /// <exception cref="InvalidArgumentException">The measure needs distribution statistics and none were given.</exception>
    public double EffectOf(DriftMeasures measures, TwoSampleStatistics? distribution = null)
    {
        ArgumentNullException.ThrowIfNull(measures);
        return Effect switch
        {
            EffectMeasure.PopulationStabilityIndex => measures.PopulationStabilityIndex.In(Unit),
            EffectMeasure.JensenShannonDivergence => measures.JensenShannonDivergence.In(Unit),
            EffectMeasure.JensenShannonDistance => Math.Sqrt(measures.JensenShannonDivergence.In(Unit)),
            EffectMeasure.Hellinger => measures.Hellinger,
            EffectMeasure.TotalVariation => measures.TotalVariation,
            EffectMeasure.KullbackLeiblerReferenceCurrent => measures.KullbackLeiblerReferenceCurrent.In(Unit),
            EffectMeasure.KullbackLeiblerCurrentReference => measures.KullbackLeiblerCurrentReference.In(Unit),
            EffectMeasure.KolmogorovSmirnov => (distribution ?? throw NeedsDistribution()).KolmogorovSmirnov.Statistic,
            EffectMeasure.NormalizedWasserstein => (distribution ?? throw NeedsDistribution()).Wasserstein.Normalized,
            _ => throw new InvalidOperationException($"Unknown effect measure {Effect}."),
        };
    }

    /// <summary>The verdict for one column.</summary>
    /// <param name="adjustedPValue">The column's p-value after the correction across columns (<see cref="HolmCorrection"/>).</param>
    /// <param name="effect">The column's effect in the measure and unit of these criteria (<see cref="EffectOf"/>).</param>
    /// <exception cref="InvalidArgumentException">The p-value is not in [0, 1] or the effect is NaN or negative.</exception>
    public DriftVerdict Decide(double adjustedPValue, double effect)
    {
        if (!(adjustedPValue >= 0 && adjustedPValue <= 1))
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"The adjusted p-value {adjustedPValue:R} is not a probability."), nameof(adjustedPValue));
        if (!(effect >= 0))
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"The effect {effect:R} is not valid: effects are non-negative (+∞ allowed)."), nameof(effect));
        bool significant = adjustedPValue < Alpha;
        bool large = effect >= Threshold;
        return new DriftVerdict(significant && large, significant, large, adjustedPValue, effect, this);
    }

    /// <summary>Holm-corrects the columns' p-values together and gives each column its verdict, in the order given.</summary>
    /// <param name="columns">Each column's raw p-value and effect (in these criteria's measure and unit).</param>
    public IReadOnlyList<DriftVerdict> DecideAll(IReadOnlyList<ColumnEvidence> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var adjusted = HolmCorrection.Adjust(columns.Select(c => c.PValue).ToArray());
        return [.. columns.Select((c, i) => Decide(adjusted[i], c.Effect) with { Column = c.Column, PValue = c.PValue })];
    }

    private static InvalidArgumentException NeedsDistribution() =>
        new("This effect measure is a distribution statistic of a numeric column: pass the column's TwoSampleStatistics.", "distribution");
}
