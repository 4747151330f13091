namespace Kullback.Continuous;

/// <summary>A Monte Carlo estimate with its standard error (both in nats) and the number of samples behind it.</summary>
public readonly record struct MonteCarloEstimate(double Value, double StandardError, int Samples);
