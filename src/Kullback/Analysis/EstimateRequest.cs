namespace Kullback.Analysis;

/// <summary>Samples of P and of Q, each a list of points with the same number of coordinates, and the neighbour rank.</summary>
/// <param name="P">Samples of P.</param>
/// <param name="Q">Samples of Q.</param>
/// <param name="K">The neighbour rank k ≥ 1: larger k lowers the variance and raises the bias.</param>
/// <param name="PSource">Where P's samples came from, for messages.</param>
/// <param name="QSource">Where Q's samples came from.</param>
public sealed record EstimateRequest(IReadOnlyList<double[]> P, IReadOnlyList<double[]> Q, int K = 5, string PSource = "P", string QSource = "Q");
