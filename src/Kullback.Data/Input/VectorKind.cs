namespace Kullback.Data.Input;

/// <summary>What the numbers of a vector are, for <see cref="TextInput.ReadVector"/>.</summary>
public enum VectorKind
{
    /// <summary>Probabilities: finite, ≥ 0, summing to 1 within <see cref="DiscreteDistribution.ProbabilitySumTolerance"/>.</summary>
    Probabilities,

    /// <summary>
    /// Counts or weights, normalised later: finite, ≥ 0, not all 0, with a finite sum; a count written as a whole
    /// number must be at most 2⁵³ (9,007,199,254,740,992), the largest that a double holds exactly together with every
    /// smaller whole number.
    /// </summary>
    Weights,
}
