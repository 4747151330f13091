using CsCheck;

namespace Kullback.Tests;

/// <summary>
/// Properties of the further measures and the joint ones (CsCheck): identical inputs give exactly 0, scale invariance,
/// the identities that tie them together (f-divergences, chain rules, Jensen bounds), non-negativity.
/// </summary>
public class MorePropertyTests
{
    private static readonly Func<double[], double[], double>[] Divergences =
    [
        (p, q) => Measures.TriangularDiscrimination(p, q),
        (p, q) => Measures.AdditiveSymmetricChiSquared(p, q),
        (p, q) => Measures.Clark(p, q),
        (p, q) => Measures.DivergenceDistance(p, q),
        (p, q) => Measures.KumarJohnson(p, q),
        (p, q) => Measures.AverageL1LInf(p, q),
        (p, q) => Measures.KDivergence(p, q),
        (p, q) => Measures.Taneja(p, q),
        (p, q) => Measures.TsallisDivergence(p, q, 0.5),
        (p, q) => Measures.TsallisDivergence(p, q, 2),
        (p, q) => Measures.AlphaDivergence(p, q, 3),
        (p, q) => Measures.Renyi(p, q, 0),
        (p, q) => Measures.Renyi(p, q, double.PositiveInfinity),
        (p, q) => Measures.GeneralizedJensenShannon(p, q, 0.3),
        (p, q) => Measures.JensenRenyi([p, q], 0.5),
    ];

    [Fact]
    public void Identical_inputs_give_exactly_zero_and_any_scale_is_the_same_distribution() =>
        Gen.Select(Generators.Weights, Gen.Int[-300, 300]).Sample((p, e) =>
        {
            double[] scaled = [.. p.Select(x => Math.ScaleB(x, e))];
            foreach (var d in Divergences) Assert.Equal(0.0, d(p, scaled));
        });

    [Fact]
    public void Every_divergence_is_non_negative_and_never_NaN() =>
        Generators.Pair.Sample(pq =>
        {
            foreach (var d in Divergences)
            {
                double v = d(pq.P, pq.Q);
                Assert.False(double.IsNaN(v));
                Assert.True(v >= 0, $"{v:R}");
            }
        });

    [Fact]
    public void F_divergences_of_the_standard_generators_are_the_dedicated_measures() =>
        Generators.PositivePair.Sample(pq =>
        {
            var (p, q) = pq;
            Assert.Equal(Measures.KullbackLeibler(p, q), Measures.FDivergence(p, q, t => t == 0 ? 0 : t * Math.Log(t)), 1e-12 * Math.Max(1, Measures.KullbackLeibler(p, q)) + 1e-15);
            Assert.Equal(Measures.PearsonChiSquared(p, q), Measures.FDivergence(p, q, t => (t - 1) * (t - 1)), 1e-12 * Math.Max(1, Measures.PearsonChiSquared(p, q)) + 1e-15);
            Assert.Equal(Measures.TotalVariation(p, q), Measures.FDivergence(p, q, t => Math.Abs(t - 1) / 2, 0.5), 1e-13);
        });

    [Fact]
    public void F_divergence_uses_the_slope_at_infinity_where_q_is_zero_and_refuses_a_bad_generator()
    {
        double[] p = [0.5, 0.5], q = [1, 0];
        Assert.Equal(0.5, Measures.FDivergence(p, q, t => Math.Abs(t - 1) / 2, 0.5), 1e-16);   // TV = ½
        Assert.Equal(double.PositiveInfinity, Measures.FDivergence(p, q, t => t == 0 ? 0 : t * Math.Log(t)));
        Assert.Throws<InvalidArgumentException>(() => Measures.FDivergence(p, [0.25, 0.75], t => t));   // f(1) ≠ 0
    }

    [Fact]
    public void Generalized_Jensen_Shannon_lies_between_0_and_the_entropy_of_the_weights() =>
        Gen.Select(Generators.PositivePair, Gen.Double[0.01, 0.99]).Sample((pq, w) =>
        {
            double js = Measures.GeneralizedJensenShannon(pq.P, pq.Q, w);
            Assert.InRange(js, 0, Measures.Entropy([w, 1 - w]) + 1e-15);
            // Equal weights: the Jensen–Shannon divergence.
            Assert.Equal(Measures.JensenShannonDivergence(pq.P, pq.Q), Measures.GeneralizedJensenShannon([pq.P, pq.Q]), 1e-13);
        });

    [Fact]
    public void Renyi_and_Tsallis_entropies_fall_with_the_order_and_meet_Shannon_at_1() =>
        Generators.Weights.Sample(p =>
        {
            double h0 = Measures.RenyiEntropy(p, 0), hHalf = Measures.RenyiEntropy(p, 0.5), h1 = Measures.RenyiEntropy(p, 1), h2 = Measures.RenyiEntropy(p, 2), hInf = Measures.RenyiEntropy(p, double.PositiveInfinity);
            Assert.True(h0 >= hHalf - 1e-14 && hHalf >= h1 - 1e-14 && h1 >= h2 - 1e-14 && h2 >= hInf - 1e-14, $"{h0} {hHalf} {h1} {h2} {hInf}");
            Assert.Equal(Measures.Entropy(p), h1);
            Assert.Equal(Measures.Entropy(p), Measures.TsallisEntropy(p, 1));
            Assert.True(Measures.TsallisEntropy(p, 2) >= 0);
        });

    private static readonly Gen<JointDistribution> Joints =
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int[1, 3]).SelectMany((a, b, c) =>
            Gen.Frequency((4, Gen.Double[1e-6, 1.0]), (1, Gen.Const(0.0))).Array[a * b * c].Where(w => w.Any(x => x > 0))
                .Select(w => JointDistribution.FromTable(["X", "Y", "Z"], [a, b, c], w)));

    [Fact]
    public void Joint_measures_obey_the_chain_rules_and_bounds() =>
        Joints.Sample(j =>
        {
            double hx = Measures.MarginalEntropy(j, "X"), hy = Measures.MarginalEntropy(j, "Y");
            double hxy = Measures.MarginalEntropy(j, ["X", "Y"]);
            double mi = Measures.MutualInformation(j, "X", "Y");
            Assert.True(mi >= 0 && mi <= Math.Min(hx, hy) + 1e-13);
            Assert.Equal(hx + hy - hxy, mi, 1e-12);
            Assert.Equal(hxy - hy, Measures.ConditionalEntropy(j, "X", "Y"), 1e-12);
            double cmi = Measures.MutualInformation(j, ["X"], ["Y"], ["Z"]);
            Assert.Equal(Measures.ConditionalEntropy(j, "X", "Z") - Measures.ConditionalEntropy(j, ["X"], ["Y", "Z"]), cmi, 1e-12);
            double tc = Measures.TotalCorrelation(j);
            Assert.True(tc >= mi - 1e-13);
            Assert.Equal(tc, Measures.TotalCorrelation(j, [["X"], ["Y"], ["Z"]]), 1e-12);
            Assert.Equal(hx + hy + Measures.MarginalEntropy(j, "Z") - Measures.JointEntropy(j), tc, 1e-12);
        });

    [Fact]
    public void Independent_tables_have_exactly_zero_mutual_information_and_total_correlation() =>
        Gen.Select(Gen.Int[1, 6].SelectMany(n => Gen.Double[0.01, 1.0].Array[n]), Gen.Int[1, 6].SelectMany(n => Gen.Double[0.01, 1.0].Array[n])).Sample((a, b) =>
        {
            // Products of dyadic numbers are exact, so the table is exactly the product of its marginals.
            double[] da = [.. a.Select(x => Math.Round(x * 64) / 64 + 1.0 / 64)], db = [.. b.Select(x => Math.Round(x * 64) / 64 + 1.0 / 64)];
            var j = JointDistribution.FromTable(["A", "B"], [da.Length, db.Length], [.. da.SelectMany(x => db.Select(y => x * y))]);
            Assert.Equal(0.0, Measures.MutualInformation(j, "A", "B"));
            Assert.Equal(0.0, Measures.TotalCorrelation(j));
        });
}
