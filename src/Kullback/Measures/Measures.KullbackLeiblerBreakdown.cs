using System.Collections.Immutable;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// D(p‖q) with its per-outcome contributions p̂ᵢ·ln(p̂ᵢ/q̂ᵢ) over the union of the supports, and the outcomes (if any)
    /// that make it infinite: those p gives a positive probability and q does not.
    /// </summary>
    /// <param name="p">The true distribution.</param>
    /// <param name="q">The approximation.</param>
    /// <returns>The divergence, one contribution per outcome (they sum to it), and the outcomes that make it +∞.</returns>
    public static KullbackLeiblerBreakdown KullbackLeiblerBreakdown(DiscreteDistribution p, DiscreteDistribution q)
    {
        var a = Align(p, q);
        var terms = new double[a.Support.Length];
        KullbackLeiblerContributions(a.P.AsSpan(), a.Q.AsSpan(), terms);
        var contributions = ImmutableArray.CreateBuilder<OutcomeContribution>(terms.Length);
        var infiniteAt = ImmutableArray.CreateBuilder<Outcome>();
        for (int i = 0; i < terms.Length; i++)
        {
            var outcome = a.Support[i];
            contributions.Add(new OutcomeContribution(outcome, p.Probability(outcome), q.Probability(outcome), Information.FromNats(terms[i])));
            if (double.IsPositiveInfinity(terms[i])) infiniteAt.Add(outcome);
        }
        return new KullbackLeiblerBreakdown(Information.FromNats(KullbackLeibler(a.P.AsSpan(), a.Q.AsSpan())),
            contributions.MoveToImmutable(), infiniteAt.ToImmutable());
    }
}
