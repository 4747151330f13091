namespace Kullback.Data.Input;

/// <summary>The data read for <c>fit</c> or <c>sweep</c>, what they were taken to be, and how that was decided.</summary>
/// <param name="Data">The empirical distribution; <see cref="DiscreteDistribution.ObservationCount"/> is known for counts and samples.</param>
/// <param name="Kind">Counts, probabilities or samples.</param>
/// <param name="Explanation">
/// One sentence for a person: what was read (how many rows, which column), what it was taken to be and, when that
/// was inferred, why and how to say otherwise; for samples that are not whole numbers, which one made them labels.
/// </param>
/// <param name="Inferred">True when <paramref name="Kind"/> was inferred rather than told.</param>
public sealed record Observations(DiscreteDistribution Data, ObservationKind Kind, string Explanation, bool Inferred);
