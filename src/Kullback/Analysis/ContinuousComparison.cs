using Kullback.Continuous;

namespace Kullback.Analysis;

/// <summary>D(P‖Q) one way: the closed form when there is one, and the numerical value with its error estimate.</summary>
/// <param name="ClosedForm">The closed form (same family), or null.</param>
/// <param name="Numerical">By quadrature (densities) or summation (mass functions).</param>
/// <param name="ErrorEstimate">An estimate of the numerical value's absolute error (0 for an infinite value).</param>
public sealed record DivergenceEstimate(Information? ClosedForm, Information Numerical, Information ErrorEstimate)
{
    /// <summary>The value to report: the closed form when there is one, else the numerical value.</summary>
    public Information Best => ClosedForm ?? Numerical;
}

/// <summary>Two distributions compared both ways, with their entropies.</summary>
/// <param name="P">The true distribution.</param>
/// <param name="Q">The approximation.</param>
/// <param name="Forward">D(P‖Q).</param>
/// <param name="Reverse">D(Q‖P).</param>
/// <param name="EntropyP">H(P) (differential for densities), or null when no closed form exists.</param>
/// <param name="EntropyQ">H(Q), or null.</param>
public sealed record ContinuousComparison(DistributionSpec P, DistributionSpec Q, DivergenceEstimate Forward, DivergenceEstimate Reverse,
                                          Information? EntropyP, Information? EntropyQ)
{
    /// <summary>True when both are mass functions on the integers (entropies are Shannon's, not differential).</summary>
    public bool IsDiscrete => P.Family.IsDiscrete;
}
