using System.Collections.Immutable;

namespace Kullback;

/// <summary>One outcome's share of a Kullback–Leibler divergence.</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="P">p's probability of it.</param>
/// <param name="Q">q's probability of it.</param>
/// <param name="Contribution">p·log(p/q) in the breakdown's unit: negative where q over-weights the outcome, +∞ where q misses it.</param>
public readonly record struct OutcomeContribution(Outcome Outcome, double P, double Q, double Contribution);

/// <summary>D(p‖q), where it comes from, and why it is infinite when it is.</summary>
/// <param name="Value">D(p‖q) in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit of <paramref name="Value"/> and of the contributions.</param>
/// <param name="Contributions">One entry per outcome of the union of the supports; they sum to <paramref name="Value"/>.</param>
/// <param name="InfiniteAt">The outcomes with p &gt; 0 and q = 0; empty when the divergence is finite.</param>
public sealed record KullbackLeiblerBreakdown(
    double Value,
    InformationUnit Unit,
    ImmutableArray<OutcomeContribution> Contributions,
    ImmutableArray<Outcome> InfiniteAt)
{
    /// <summary>True when q gives probability 0 to an outcome p can produce.</summary>
    public bool IsInfinite => !InfiniteAt.IsEmpty;
}
