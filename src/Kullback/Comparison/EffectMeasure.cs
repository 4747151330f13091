namespace Kullback.Comparison;

/// <summary>The measure of effect size a drift verdict compares with its threshold.</summary>
public enum EffectMeasure
{
    /// <summary>PSI (Jeffreys divergence) in the criteria's unit; the default, threshold 0.1 nats (the convention's "moderate shift").</summary>
    PopulationStabilityIndex,

    /// <summary>Jensen–Shannon divergence in the criteria's unit.</summary>
    JensenShannonDivergence,

    /// <summary>Jensen–Shannon distance √JS, JS in the criteria's unit.</summary>
    JensenShannonDistance,

    /// <summary>Hellinger distance (no unit).</summary>
    Hellinger,

    /// <summary>Total variation distance (no unit).</summary>
    TotalVariation,

    /// <summary>D(reference ‖ current) in the criteria's unit.</summary>
    KullbackLeiblerReferenceCurrent,

    /// <summary>D(current ‖ reference) in the criteria's unit.</summary>
    KullbackLeiblerCurrentReference,

    /// <summary>The two-sample Kolmogorov–Smirnov statistic D (numeric columns only; no unit).</summary>
    KolmogorovSmirnov,

    /// <summary>The Wasserstein-1 distance divided by the reference's standard deviation (numeric columns only; no unit).</summary>
    NormalizedWasserstein,
}
