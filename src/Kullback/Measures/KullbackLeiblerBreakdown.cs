using System.Collections.Immutable;

namespace Kullback;

/// <summary>One outcome's share of a Kullback–Leibler divergence D(p‖q).</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="P">p's probability of it.</param>
/// <param name="Q">q's probability of it.</param>
/// <param name="Contribution">p·ln(p/q): negative where q over-weights the outcome, 0 where p = 0, +∞ where q misses an
/// outcome p produces. The contributions of all outcomes sum to D(p‖q).</param>
public readonly record struct OutcomeContribution(Outcome Outcome, double P, double Q, Information Contribution);

/// <summary>D(p‖q), where it comes from, and why it is infinite when it is.</summary>
/// <param name="Value">D(p‖q).</param>
/// <param name="Contributions">One entry per outcome of the union of the supports; they sum to <paramref name="Value"/>.</param>
/// <param name="InfiniteAt">The outcomes with p &gt; 0 and q = 0; empty when the divergence is finite.</param>
public sealed record KullbackLeiblerBreakdown(
    Information Value,
    ImmutableArray<OutcomeContribution> Contributions,
    ImmutableArray<Outcome> InfiniteAt)
{
    /// <summary>True when q gives probability 0 to an outcome p can produce.</summary>
    public bool IsInfinite => !InfiniteAt.IsEmpty;
}
