using System.Collections.Immutable;

namespace Kullback.Analysis;

/// <summary>The multivariate measures of a joint distribution of variables, possibly given others: what <c>kullback measure --joint</c> shows.</summary>
/// <param name="Joint">The joint distribution of every variable (the given ones included).</param>
/// <param name="Variables">The variables measured.</param>
/// <param name="Given">The conditioning variables (empty: none).</param>
/// <param name="Measures">The measures, in a fixed order.</param>
public sealed record JointSummary(JointDistribution Joint, ImmutableArray<string> Variables, ImmutableArray<string> Given, ImmutableArray<JointMeasure> Measures)
{
    /// <summary>
    /// The measures of <paramref name="joint"/>: its joint entropy, each variable's entropy, and without conditions the total
    /// correlation and, for two variables, the mutual information and both conditional entropies; with conditions C the
    /// conditional entropy H(V | C) and, for two variables, the conditional mutual information I(X; Y | C).
    /// </summary>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="given">Variables of <paramref name="joint"/> to condition on (the others are measured; at least one must remain).</param>
    /// <exception cref="InvalidArgumentException">A given name is unknown or repeated, or no variable is left to measure.</exception>
    public static JointSummary Compute(JointDistribution joint, IReadOnlyList<string>? given = null)
    {
        ArgumentNullException.ThrowIfNull(joint);
        var c = (given ?? []).ToImmutableArray();
        _ = joint.Axes(c, nameof(given), allowEmpty: true);
        var v = joint.Variables.Where(n => !c.Contains(n)).ToImmutableArray();
        if (v.IsEmpty)
            throw new InvalidArgumentException("every variable is given: at least one must be left to measure.", nameof(given));
        var list = ImmutableArray.CreateBuilder<JointMeasure>();
        void Add(string key, string symbol, string description, double nats) => list.Add(new JointMeasure(key, symbol, description, Information.FromNats(nats)));

        string all = string.Join(", ", joint.Variables);
        Add("joint_entropy", $"H({all})", "joint entropy of every variable", Kullback.Measures.JointEntropy(joint));
        foreach (var name in joint.Variables)
            Add($"marginal_entropy_{name}", $"H({name})", $"entropy of {name} alone", Kullback.Measures.MarginalEntropy(joint, name));
        string cs = string.Join(", ", c);
        if (c.IsEmpty)
        {
            Add("total_correlation", $"C({all})", "total correlation (multi-information): Σ H(Xₖ) − H(joint)", Kullback.Measures.TotalCorrelation(joint));
            if (v.Length == 2)
            {
                Add("mutual_information", $"I({v[0]}; {v[1]})", "mutual information", Kullback.Measures.MutualInformation(joint, v[0], v[1]));
                Add($"conditional_entropy_{v[0]}_given_{v[1]}", $"H({v[0]} | {v[1]})", $"what is left of {v[0]} once {v[1]} is known", Kullback.Measures.ConditionalEntropy(joint, v[0], v[1]));
                Add($"conditional_entropy_{v[1]}_given_{v[0]}", $"H({v[1]} | {v[0]})", $"what is left of {v[1]} once {v[0]} is known", Kullback.Measures.ConditionalEntropy(joint, v[1], v[0]));
            }
        }
        else
        {
            string vs = string.Join(", ", v);
            Add($"conditional_entropy_{string.Join("_", v)}_given_{string.Join("_", c)}", $"H({vs} | {cs})", $"entropy of {vs} given {cs}", Kullback.Measures.ConditionalEntropy(joint, v, c));
            if (v.Length == 2)
                Add($"conditional_mutual_information_{v[0]}_{v[1]}_given_{string.Join("_", c)}", $"I({v[0]}; {v[1]} | {cs})", "conditional mutual information",
                    Kullback.Measures.MutualInformation(joint, [v[0]], [v[1]], c));
        }
        return new JointSummary(joint, v, c, list.ToImmutable());
    }
}
