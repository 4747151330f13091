using System.Collections.Immutable;

namespace Kullback;

/// <summary>
/// The measures of <see cref="MeasureSummary.MoreDefinitions"/>: the peers' measures beyond the fifteen of
/// <see cref="MeasureSummary.Definitions"/>, keyed as in <c>shared/reference/measures-more.json</c>.
/// </summary>
internal static class MoreMeasures
{
    private delegate double Measure(ReadOnlySpan<double> p, ReadOnlySpan<double> q);

    private sealed record Entry(string Key, string Symbol, string Description, MeasureKind Kind, Measure Compute);

    private static readonly Entry[] Entries =
    [
        new("renyi_0", "D₀(P‖Q)", "Rényi divergence of order 0: −log Q(supp P)", MeasureKind.Information, (p, q) => Measures.Renyi(p, q, 0)),
        new("renyi_inf", "D_∞(P‖Q)", "Rényi divergence of order ∞: log max P/Q", MeasureKind.Information, (p, q) => Measures.Renyi(p, q, double.PositiveInfinity)),
        new("tsallis_divergence_0.5", "T_½(P‖Q)", "Tsallis (Hellinger) divergence of order ½: 2(1 − Σ√(PQ))", MeasureKind.Unitless, (p, q) => Measures.TsallisDivergence(p, q, 0.5)),
        new("tsallis_divergence_2", "T₂(P‖Q)", "Tsallis (Hellinger) divergence of order 2: Σ P²/Q − 1", MeasureKind.Unitless, (p, q) => Measures.TsallisDivergence(p, q, 2)),
        new("alpha_divergence_-0.5", "A₋½(P‖Q)", "Amari α-divergence, α = −½", MeasureKind.Unitless, (p, q) => Measures.AlphaDivergence(p, q, -0.5)),
        new("alpha_divergence_0.5", "A_½(P‖Q)", "Amari α-divergence, α = ½", MeasureKind.Unitless, (p, q) => Measures.AlphaDivergence(p, q, 0.5)),
        new("alpha_divergence_3", "A₃(P‖Q)", "Amari α-divergence, α = 3", MeasureKind.Unitless, (p, q) => Measures.AlphaDivergence(p, q, 3)),
        new("hellinger_sum_0.5", "Σ√(PQ)", "Hellinger sum of order ½ (Bhattacharyya coefficient)", MeasureKind.Unitless, (p, q) => Measures.HellingerSum(p, q, 0.5)),
        new("hellinger_sum_2", "Σ P²/Q", "Hellinger sum of order 2", MeasureKind.Unitless, (p, q) => Measures.HellingerSum(p, q, 2)),
        new("triangular_discrimination", "Δ(P, Q)", "triangular discrimination Σ (P − Q)²/(P + Q)", MeasureKind.Unitless, (p, q) => Measures.TriangularDiscrimination(p, q)),
        new("probabilistic_symmetric_chi2", "χ²_PS", "probabilistic symmetric χ²: 2Δ", MeasureKind.Unitless, (p, q) => Measures.ProbabilisticSymmetricChiSquared(p, q)),
        new("additive_symmetric_chi2", "χ²_AS", "additive symmetric χ²: Σ (P − Q)²(P + Q)/(PQ)", MeasureKind.Unitless, (p, q) => Measures.AdditiveSymmetricChiSquared(p, q)),
        new("clark", "d_Clark", "Clark distance √Σ ((P − Q)/(P + Q))²", MeasureKind.Unitless, (p, q) => Measures.Clark(p, q)),
        new("divergence_distance", "d_div", "divergence distance 2Σ (P − Q)²/(P + Q)²", MeasureKind.Unitless, (p, q) => Measures.DivergenceDistance(p, q)),
        new("kumar_johnson", "KJ(P, Q)", "Kumar–Johnson Σ (P² − Q²)²/(2(PQ)^{3/2})", MeasureKind.Unitless, (p, q) => Measures.KumarJohnson(p, q)),
        new("avg_l1_linf", "avg(L₁, L∞)", "average of the L₁ and L∞ distances", MeasureKind.Unitless, (p, q) => Measures.AverageL1LInf(p, q)),
        new("k_divergence", "K(P‖Q)", "K-divergence D(P‖(P + Q)/2)", MeasureKind.Information, (p, q) => Measures.KDivergence(p, q)),
        new("taneja", "TJ(P, Q)", "Taneja: Σ M log(M/√(PQ)), M = (P + Q)/2", MeasureKind.Information, (p, q) => Measures.Taneja(p, q)),
        new("jensen_renyi_0.5", "JR_½(P, Q)", "Jensen–Rényi divergence of order ½, equal weights", MeasureKind.Information, (p, q) => Measures.JensenRenyi([p.ToArray(), q.ToArray()], 0.5)),
        new("perplexity_pq", "e^H(P,Q)", "perplexity of Q on P: e^(cross-entropy in nats)", MeasureKind.Unitless, (p, q) => Measures.Perplexity(p, q)),
        new("renyi_entropy_0_p", "H₀(P)", "Hartley entropy: log |supp P|", MeasureKind.Information, (p, _) => Measures.RenyiEntropy(p, 0)),
        new("renyi_entropy_0.5_p", "H_½(P)", "Rényi entropy of order ½ of P", MeasureKind.Information, (p, _) => Measures.RenyiEntropy(p, 0.5)),
        new("renyi_entropy_2_p", "H₂(P)", "collision entropy −log Σ P² of P", MeasureKind.Information, (p, _) => Measures.RenyiEntropy(p, 2)),
        new("renyi_entropy_inf_p", "H_∞(P)", "min-entropy −log max P", MeasureKind.Information, (p, _) => Measures.RenyiEntropy(p, double.PositiveInfinity)),
        new("renyi_entropy_0_q", "H₀(Q)", "Hartley entropy of Q", MeasureKind.Information, (_, q) => Measures.RenyiEntropy(q, 0)),
        new("renyi_entropy_0.5_q", "H_½(Q)", "Rényi entropy of order ½ of Q", MeasureKind.Information, (_, q) => Measures.RenyiEntropy(q, 0.5)),
        new("renyi_entropy_2_q", "H₂(Q)", "collision entropy of Q", MeasureKind.Information, (_, q) => Measures.RenyiEntropy(q, 2)),
        new("renyi_entropy_inf_q", "H_∞(Q)", "min-entropy of Q", MeasureKind.Information, (_, q) => Measures.RenyiEntropy(q, double.PositiveInfinity)),
        new("tsallis_entropy_0.5_p", "S_½(P)", "Tsallis entropy of order ½ of P", MeasureKind.Unitless, (p, _) => Measures.TsallisEntropy(p, 0.5)),
        new("tsallis_entropy_2_p", "S₂(P)", "Tsallis entropy of order 2 (Gini impurity) of P", MeasureKind.Unitless, (p, _) => Measures.TsallisEntropy(p, 2)),
        new("tsallis_entropy_0.5_q", "S_½(Q)", "Tsallis entropy of order ½ of Q", MeasureKind.Unitless, (_, q) => Measures.TsallisEntropy(q, 0.5)),
        new("tsallis_entropy_2_q", "S₂(Q)", "Tsallis entropy of order 2 of Q", MeasureKind.Unitless, (_, q) => Measures.TsallisEntropy(q, 2)),
        new("perplexity_p", "e^H(P)", "perplexity of P", MeasureKind.Unitless, (p, _) => Measures.Perplexity(p)),
        new("perplexity_q", "e^H(Q)", "perplexity of Q", MeasureKind.Unitless, (_, q) => Measures.Perplexity(q)),
        new("extropy_p", "J(P)", "extropy −Σ (1 − P) log(1 − P)", MeasureKind.Information, (p, _) => Measures.Extropy(p)),
        new("extropy_q", "J(Q)", "extropy of Q", MeasureKind.Information, (_, q) => Measures.Extropy(q)),
    ];

    public static IReadOnlyList<MeasureDefinition> Definitions { get; } =
        [.. Entries.Select(e => new MeasureDefinition(e.Key, e.Symbol, e.Description, e.Kind, (s, u) => Read(s, e.Key, e.Kind, u)))];

    /// <summary>Every measure of <see cref="Definitions"/> between p and q (information in nats).</summary>
    public static ImmutableDictionary<string, double> Compute(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var values = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var e in Entries) values.Add(e.Key, e.Compute(p, q));
        return values.ToImmutable();
    }

    private static double Read(MeasureSummary s, string key, MeasureKind kind, InformationUnit unit)
    {
        if (!s.More.TryGetValue(key, out double nats))
            throw new InvalidOperationException($"{key} was not computed: compute the summary with all = true (MeasureSummary.Compute(p, q, all: true)).");
        return kind == MeasureKind.Information ? unit.FromNats(nats) : nats;
    }
}
