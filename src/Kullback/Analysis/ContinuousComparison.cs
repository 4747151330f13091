using Kullback.Continuous;

namespace Kullback.Analysis;

/// <summary>D(P‖Q) one way: the closed form when there is one, and the numerical value with its error estimate.</summary>
/// <param name="ClosedForm">The closed form (same family, or exponential and gamma), or null.</param>
/// <param name="Numerical">By quadrature (densities) or summation (mass functions); null when the method cannot resolve
/// it (then <see cref="NumericalUnresolved"/> says why).</param>
/// <param name="ErrorEstimate">An estimate of the numerical value's absolute error (0 for an infinite value).</param>
public sealed record DivergenceEstimate(Information? ClosedForm, Information? Numerical, Information ErrorEstimate)
{
    /// <summary>Why the numerical method gave no value (a closed form answers instead); null when it gave one.</summary>
    public string? NumericalUnresolved { get; init; }

    /// <summary>Why the divergence is +∞ (where P has mass and Q has none, or a tail that diverges); null when finite.</summary>
    public string? InfiniteBecause { get; init; }

    /// <summary>The value to report: the closed form when there is one, else the numerical value; null when neither could be had.</summary>
    public Information? Best => ClosedForm ?? Numerical;

    /// <summary>A direction no method could resolve, with the reason.</summary>
    public static DivergenceEstimate Unresolved(string reason) => new(null, null, Information.Zero) { NumericalUnresolved = reason };
}

/// <summary>Two distributions compared both ways, with their entropies.</summary>
/// <param name="P">The true distribution.</param>
/// <param name="Q">The approximation.</param>
/// <param name="Forward">D(P‖Q): always resolved (else the comparison throws).</param>
/// <param name="Reverse">D(Q‖P): perhaps unresolved (<see cref="DivergenceEstimate.Best"/> null, with the reason).</param>
/// <param name="EntropyP">H(P) (differential for densities), or null when no closed form exists.</param>
/// <param name="EntropyQ">H(Q), or null.</param>
public sealed record ContinuousComparison(DistributionSpec P, DistributionSpec Q, DivergenceEstimate Forward, DivergenceEstimate Reverse,
                                          Information? EntropyP, Information? EntropyQ)
{
    /// <summary>True when both are mass functions on the integers (entropies are Shannon's, not differential).</summary>
    public bool IsDiscrete => P.Family.IsDiscrete;
}
