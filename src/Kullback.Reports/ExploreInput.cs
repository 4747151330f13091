using Kullback.Analysis;

namespace Kullback.Reports;

/// <summary>
/// What the explore page opens with: weights for the outcomes 0, 1, …, n − 1 — whole-number counts (then the number of
/// observations N is known and the families are ranked by message length) or probabilities (ranked by D(P‖Q)).
/// </summary>
/// <param name="Weights">Counts or probabilities, one per outcome 0…n − 1; finite, ≥ 0, not all 0.</param>
/// <param name="Source">Where they came from, shown on the page ("the tutorial", a file name).</param>
public sealed record ExploreInput(IReadOnlyList<double> Weights, string Source)
{
    /// <summary>The most outcomes a page takes: the library charts every outcome of a range up to this width.</summary>
    public const int MaximumOutcomes = 200;

    /// <summary>The tutorial's space worms: the probability of 0…10 teeth.</summary>
    public static ExploreInput Tutorial { get; } = new(SpaceWormWalkthrough.TeethProbabilities, "tutorial");

    /// <summary>The data as the library's distribution: counts give N, probabilities or fractional weights do not.</summary>
    /// <exception cref="InvalidArgumentException">No weights, more than <see cref="MaximumOutcomes"/>, or a NaN, infinite or negative weight, or all zero.</exception>
    public DiscreteDistribution ToDistribution()
    {
        ArgumentNullException.ThrowIfNull(Weights);
        if (Weights.Count > MaximumOutcomes)
            throw new InvalidArgumentException(
                $"The page takes at most {MaximumOutcomes} outcomes (bars you can drag); these data have {Weights.Count}.", nameof(Weights));
        return DiscreteDistribution.FromCounts([.. Weights]);
    }
}
