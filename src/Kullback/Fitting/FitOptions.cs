namespace Kullback.Fitting;

/// <summary>What to fit and how. The defaults fit every family by maximum likelihood and rank by message length when N is known.</summary>
public sealed record FitOptions
{
    /// <summary>The families to fit; null for <see cref="ModelFamily.All"/>.</summary>
    public IReadOnlyList<ModelFamily>? Families { get; init; }

    /// <summary>Maximum likelihood (the default) or the method of moments.</summary>
    public FitMethod Method { get; init; } = FitMethod.MaximumLikelihood;

    /// <summary>n for binomial and beta-binomial (≥ 1); null to take the largest observed value.</summary>
    public long? Trials { get; init; }

    /// <summary>The ranking; null for message length when N is known, else D(P‖Q).</summary>
    public RankCriterion? RankBy { get; init; }

    /// <summary>
    /// How to estimate the data's entropy when N is known (<see cref="FitReport.EntropyEstimate"/>): the entropy
    /// estimator and interval of <see cref="Kullback.Estimation.CountEstimationOptions"/> (its defaults: Grassberger, 95%
    /// BCa from 2,000 resamples); null (the default) for none, as the bootstrap costs up to about a second. NSB takes K as
    /// the number of outcomes in the data. <c>kullback fit</c> always asks for it.
    /// </summary>
    public Kullback.Estimation.CountEstimationOptions? Estimation { get; init; }
}
