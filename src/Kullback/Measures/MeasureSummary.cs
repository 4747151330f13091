using System.Collections.Immutable;

namespace Kullback;

/// <summary>
/// Every measure between two distributions p and q at once: what <c>kullback measure</c> prints. Amounts of information
/// are <see cref="Information"/> (shown in any unit); Hellinger, total variation and χ² have no unit.
/// </summary>
/// <remarks>
/// <see cref="Definitions"/> lists the measures in a fixed order with their JSON keys (those of the shared reference
/// file); <see cref="MeasureDefinition.ValueIn"/> gives any of them in a unit. <see cref="PMissingFromQ"/> and <see cref="QMissingFromP"/>
/// say which outcomes make the divergences infinite.
/// </remarks>
public sealed record MeasureSummary
{
    /// <summary>The number of outcomes (the length of p and q).</summary>
    public required int Outcomes { get; init; }

    /// <summary>H(p).</summary>
    public required Information EntropyP { get; init; }

    /// <summary>H(q).</summary>
    public required Information EntropyQ { get; init; }

    /// <summary>H(p, q) = H(p) + D(p‖q): the cost of coding p with q's code.</summary>
    public required Information CrossEntropyPQ { get; init; }

    /// <summary>H(q, p).</summary>
    public required Information CrossEntropyQP { get; init; }

    /// <summary>D(p‖q): the information lost when q stands in for p.</summary>
    public required Information KullbackLeiblerPQ { get; init; }

    /// <summary>D(q‖p).</summary>
    public required Information KullbackLeiblerQP { get; init; }

    /// <summary>Jeffreys divergence D(p‖q) + D(q‖p).</summary>
    public required Information Jeffreys { get; init; }

    /// <summary>Jensen–Shannon divergence, at most ln 2 nats (1 bit).</summary>
    public required Information JensenShannonDivergence { get; init; }

    /// <summary>Bhattacharyya distance −ln Σ√(pq).</summary>
    public required Information Bhattacharyya { get; init; }

    /// <summary>Rényi divergence of order ½.</summary>
    public required Information RenyiHalf { get; init; }

    /// <summary>Rényi divergence of order 2.</summary>
    public required Information RenyiTwo { get; init; }

    /// <summary>Hellinger distance, in [0, 1].</summary>
    public required double Hellinger { get; init; }

    /// <summary>Total variation distance, in [0, 1].</summary>
    public required double TotalVariation { get; init; }

    /// <summary>Pearson χ²(p‖q).</summary>
    public required double PearsonChiSquared { get; init; }

    /// <summary>The indices i with p̂ᵢ &gt; 0 = q̂ᵢ: the outcomes that make D(p‖q), H(p, q) and χ² infinite.</summary>
    public required ImmutableArray<int> PMissingFromQ { get; init; }

    /// <summary>The indices i with q̂ᵢ &gt; 0 = p̂ᵢ: the outcomes that make D(q‖p) and H(q, p) infinite.</summary>
    public required ImmutableArray<int> QMissingFromP { get; init; }

    /// <summary>
    /// The measures of <see cref="MoreDefinitions"/> by key (amounts of information in nats, the others without a unit); empty
    /// unless the summary was computed with <c>all: true</c>. Read them in a unit with <see cref="MeasureDefinition.ValueIn"/>.
    /// </summary>
    public ImmutableDictionary<string, double> More { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>
    /// The peers' measures beyond <see cref="Definitions"/> (Rényi divergences of orders 0 and ∞, Tsallis and α-divergences,
    /// Hellinger sums, philentropy's χ² family, Clark, Kumar–Johnson, K-divergence, Taneja, Jensen–Rényi, perplexities,
    /// Rényi and Tsallis entropies, extropies), keyed as in the shared file <c>measures-more.json</c>: what
    /// <c>kullback measure --all</c> adds. Their values exist when the summary was computed with <c>all: true</c>.
    /// </summary>
    public static IReadOnlyList<MeasureDefinition> MoreDefinitions => MoreMeasures.Definitions;

    /// <summary>The Jensen–Shannon distance √JS with JS taken in <paramref name="unit"/> (as scipy's <c>jensenshannon(base=…)</c>).</summary>
    public double JensenShannonDistance(InformationUnit unit) => Math.Sqrt(JensenShannonDivergence.In(unit));

    /// <summary>The measures in order, with their keys, symbols and kinds.</summary>
    public static IReadOnlyList<MeasureDefinition> Definitions { get; } =
    [
        new("entropy_p", "H(P)", "entropy of P", MeasureKind.Information, (s, u) => s.EntropyP.In(u)),
        new("entropy_q", "H(Q)", "entropy of Q", MeasureKind.Information, (s, u) => s.EntropyQ.In(u)),
        new("cross_entropy_pq", "H(P, Q)", "cross-entropy: cost of coding P with Q's code", MeasureKind.Information, (s, u) => s.CrossEntropyPQ.In(u)),
        new("cross_entropy_qp", "H(Q, P)", "cross-entropy, reversed", MeasureKind.Information, (s, u) => s.CrossEntropyQP.In(u)),
        new("kl_pq", "D(P‖Q)", "Kullback–Leibler: information lost when Q stands in for P", MeasureKind.Information, (s, u) => s.KullbackLeiblerPQ.In(u)),
        new("kl_qp", "D(Q‖P)", "Kullback–Leibler, reversed", MeasureKind.Information, (s, u) => s.KullbackLeiblerQP.In(u)),
        new("jeffreys", "J(P, Q)", "Jeffreys: D(P‖Q) + D(Q‖P)", MeasureKind.Information, (s, u) => s.Jeffreys.In(u)),
        new("js_divergence", "JS(P, Q)", "Jensen–Shannon divergence (≤ log 2)", MeasureKind.Information, (s, u) => s.JensenShannonDivergence.In(u)),
        new("js_distance", "√JS", "Jensen–Shannon distance", MeasureKind.InformationRoot, (s, u) => s.JensenShannonDistance(u)),
        new("hellinger", "H", "Hellinger distance, in [0, 1]", MeasureKind.Unitless, (s, _) => s.Hellinger),
        new("total_variation", "TV", "total variation distance, in [0, 1]", MeasureKind.Unitless, (s, _) => s.TotalVariation),
        new("bhattacharyya", "D_B", "Bhattacharyya distance", MeasureKind.Information, (s, u) => s.Bhattacharyya.In(u)),
        new("chi2_pearson", "χ²(P‖Q)", "Pearson χ² divergence", MeasureKind.Unitless, (s, _) => s.PearsonChiSquared),
        new("renyi_0.5", "D_½(P‖Q)", "Rényi divergence of order ½", MeasureKind.Information, (s, u) => s.RenyiHalf.In(u)),
        new("renyi_2", "D₂(P‖Q)", "Rényi divergence of order 2", MeasureKind.Information, (s, u) => s.RenyiTwo.In(u)),
    ];

    /// <summary>Computes every measure between <paramref name="p"/> and <paramref name="q"/> (weights, normalised exactly).</summary>
    /// <exception cref="InvalidArgumentException">As for the individual measures: empty, all-zero, negative or non-finite entries, or different lengths.</exception>
    public static MeasureSummary Compute(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => Compute(p, q, all: false);

    /// <summary>Computes every measure between <paramref name="p"/> and <paramref name="q"/>, and with <paramref name="all"/> those of <see cref="MoreDefinitions"/> too.</summary>
    /// <param name="p">The first distribution (weights, normalised exactly).</param>
    /// <param name="q">The second.</param>
    /// <param name="all">Whether to compute <see cref="More"/>.</param>
    /// <exception cref="InvalidArgumentException">As for the individual measures: empty, all-zero, negative or non-finite entries, or different lengths.</exception>
    public static MeasureSummary Compute(ReadOnlySpan<double> p, ReadOnlySpan<double> q, bool all)
    {
        var both = Measures.KullbackLeiblerBothDirections(p, q);
        var pMissing = ImmutableArray.CreateBuilder<int>();
        var qMissing = ImmutableArray.CreateBuilder<int>();
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0 && q[i] == 0) pMissing.Add(i);
            if (q[i] > 0 && p[i] == 0) qMissing.Add(i);
        }
        return new MeasureSummary
        {
            Outcomes = p.Length,
            EntropyP = Information.FromNats(Measures.Entropy(p)),
            EntropyQ = Information.FromNats(Measures.Entropy(q)),
            CrossEntropyPQ = Information.FromNats(Measures.CrossEntropy(p, q)),
            CrossEntropyQP = Information.FromNats(Measures.CrossEntropy(q, p)),
            KullbackLeiblerPQ = Information.FromNats(both.Forward),
            KullbackLeiblerQP = Information.FromNats(both.Reverse),
            Jeffreys = Information.FromNats(both.Forward + both.Reverse),
            JensenShannonDivergence = Information.FromNats(Measures.JensenShannonDivergence(p, q)),
            Bhattacharyya = Information.FromNats(Measures.Bhattacharyya(p, q)),
            RenyiHalf = Information.FromNats(Measures.Renyi(p, q, 0.5)),
            RenyiTwo = Information.FromNats(Measures.Renyi(p, q, 2.0)),
            Hellinger = Measures.Hellinger(p, q),
            TotalVariation = Measures.TotalVariation(p, q),
            PearsonChiSquared = Measures.PearsonChiSquared(p, q),
            PMissingFromQ = pMissing.ToImmutable(),
            QMissingFromP = qMissing.ToImmutable(),
            More = all ? MoreMeasures.Compute(p, q) : ImmutableDictionary<string, double>.Empty,
        };
    }
}
