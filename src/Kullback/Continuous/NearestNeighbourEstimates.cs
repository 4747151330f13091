namespace Kullback.Continuous;

/// <summary>
/// The three k-nearest-neighbour estimates from two samples, in nats
/// (<see cref="NearestNeighbourEstimators.KullbackLeiblerAndEntropies(ReadOnlySpan{double}, ReadOnlySpan{double}, int, int, int)"/>).
/// </summary>
/// <param name="KullbackLeibler">D̂(P‖Q), Wang–Kulkarni–Verdú, clamped at 0.</param>
/// <param name="EntropyP">Ĥ(P), Kozachenko–Leonenko, from the samples of P.</param>
/// <param name="EntropyQ">Ĥ(Q), from the samples of Q.</param>
public readonly record struct NearestNeighbourEstimates(double KullbackLeibler, double EntropyP, double EntropyQ);
