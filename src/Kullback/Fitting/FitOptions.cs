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
}
