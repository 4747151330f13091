namespace Kullback.Continuous;

/// <summary>A numerically computed value with an estimate of its absolute error (both in nats).</summary>
/// <param name="Value">The value; +∞ when P has mass where Q has none.</param>
/// <param name="ErrorEstimate">An estimate of |Value − exact|; 0 for an infinite value.</param>
public readonly record struct IntegralEstimate(double Value, double ErrorEstimate);
