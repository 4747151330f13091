namespace Kullback.Comparison;

/// <summary>A permutation test's outcome.</summary>
/// <param name="PValue">(1 + #{T* ≥ T})/(permutations + 1): never below 1/(permutations + 1), since the observed labelling is one of the possible ones.</param>
/// <param name="Observed">The statistic T on the observed labels.</param>
/// <param name="Permutations">The number of random relabellings.</param>
/// <param name="AtLeastAsExtreme">#{T* ≥ T} among them (T* ≥ T − 1e-12·|T|, so that rounding never hides a tie).</param>
/// <param name="Seed">The seed of the random relabellings: the same seed gives the same p-value.</param>
public sealed record PermutationResult(double PValue, double Observed, int Permutations, int AtLeastAsExtreme, int Seed);
