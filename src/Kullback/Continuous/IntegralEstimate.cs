namespace Kullback.Continuous;

/// <summary>A numerically computed value with an estimate of its absolute error (both in nats).</summary>
/// <param name="Value">The value; +∞ when P has mass where Q has none, or when a tail makes the integral diverge.</param>
/// <param name="ErrorEstimate">An estimate of |Value − exact| (quadrature error, truncated tails, mass no double can reach); 0 for an infinite value.</param>
public readonly record struct IntegralEstimate(double Value, double ErrorEstimate)
{
    /// <summary>Why the value is +∞ (for example "P has mass on (−∞, 0), where Q = exponential(λ = 1) has none"); null when it is finite.</summary>
    public string? InfiniteBecause { get; init; }

    /// <summary>Where P has mass and Q has none, when that is why the value is +∞; null otherwise.</summary>
    public SupportInterval? InfiniteOn { get; init; }

    /// <summary>How many points the integrand (or summand) was evaluated at.</summary>
    public int Evaluations { get; init; }
}
