namespace Kullback.Analysis;

/// <summary>D(P‖Q) and both differential entropies estimated from samples alone.</summary>
/// <param name="KullbackLeibler">The Wang–Kulkarni–Verdú estimate of D(P‖Q).</param>
/// <param name="EntropyP">The Kozachenko–Leonenko estimate of h(P) (differential: may be negative).</param>
/// <param name="EntropyQ">The Kozachenko–Leonenko estimate of h(Q).</param>
/// <param name="SamplesP">n, the number of samples of P.</param>
/// <param name="SamplesQ">m, the number of samples of Q.</param>
/// <param name="Dimensions">d, the coordinates per point.</param>
/// <param name="K">The neighbour rank used.</param>
public sealed record SampleEstimates(Information KullbackLeibler, Information EntropyP, Information EntropyQ,
                                     int SamplesP, int SamplesQ, int Dimensions, int K);
