namespace Kullback.Analysis;

/// <summary>Samples of P and of Q, with the same number of coordinates per point, and the neighbour rank.</summary>
/// <param name="P">Samples of P.</param>
/// <param name="Q">Samples of Q.</param>
/// <param name="K">The neighbour rank k ≥ 1: larger k lowers the variance and raises the bias.</param>
public sealed record EstimateRequest(SamplePoints P, SamplePoints Q, int K = 5);
