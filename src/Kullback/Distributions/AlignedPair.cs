using System.Collections.Immutable;

namespace Kullback;

/// <summary>
/// Two distributions laid over the union of their supports: an outcome missing from one has weight 0 there.
/// </summary>
/// <param name="Support">The union of the supports: sorted when every outcome is an integer, else p's order followed by q's new outcomes.</param>
/// <param name="P">p's weights over <paramref name="Support"/> (unnormalised, exactly as p holds them).</param>
/// <param name="Q">q's weights over <paramref name="Support"/>.</param>
public sealed record AlignedPair(ImmutableArray<Outcome> Support, ImmutableArray<double> P, ImmutableArray<double> Q)
{
    /// <summary>Aligns <paramref name="p"/> and <paramref name="q"/> on the union of their supports.</summary>
    public static AlignedPair Of(DiscreteDistribution p, DiscreteDistribution q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var union = new List<Outcome>(p.Support);
        var index = new Dictionary<Outcome, int>();
        for (int i = 0; i < union.Count; i++) index[union[i]] = i;
        foreach (var o in q.Support)
            if (index.TryAdd(o, union.Count)) union.Add(o);
        if (p.IsNumeric && q.IsNumeric) union.Sort();

        for (int i = 0; i < union.Count; i++) index[union[i]] = i;
        var pw = new double[union.Count];
        var qw = new double[union.Count];
        for (int i = 0; i < p.Count; i++) pw[index[p.Support[i]]] = p.Weights[i];
        for (int i = 0; i < q.Count; i++) qw[index[q.Support[i]]] = q.Weights[i];
        return new AlignedPair(union.ToImmutableArray(), ImmutableArray.Create(pw), ImmutableArray.Create(qw));
    }
}
