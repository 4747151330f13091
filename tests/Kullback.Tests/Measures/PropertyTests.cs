using CsCheck;
using static Kullback.Tests.Generators;

namespace Kullback.Tests;

/// <summary>
/// The mathematics every measure must obey, checked on random vectors. Identities hold to 1e-12 relative: each value is
/// within 2e-13 of exact (the fast passes' acceptance bound), so two of them may differ by twice that.
/// </summary>
public class PropertyTests
{
    [Fact]
    public void Gibbs_inequality_KL_is_non_negative_and_zero_only_for_equal_distributions() =>
        Pair.Sample((p, q) =>
        {
            double d = Measures.KullbackLeibler(p, q);
            Assert.True(d >= 0, $"D = {d}");
            bool same = p.Zip(q).All(t => t.First / p.Sum() == t.Second / q.Sum());
            if (!same) Assert.True(d > 0, "different distributions must have D > 0");
        });

    [Fact]
    public void Divergence_of_a_distribution_from_itself_is_exactly_zero() =>
        Weights.Sample(p =>
        {
            Assert.Equal(0.0, Measures.KullbackLeibler(p, p));
            Assert.Equal(0.0, Measures.Jeffreys(p, p));
            Assert.Equal(0.0, Measures.JensenShannonDivergence(p, p));
            Assert.Equal(0.0, Measures.Hellinger(p, p));
            Assert.Equal(0.0, Measures.TotalVariation(p, p));
            Assert.Equal(0.0, Measures.Bhattacharyya(p, p));
            Assert.Equal(0.0, Measures.PearsonChiSquared(p, p));
            Assert.Equal(0.0, Measures.Renyi(p, p, 0.5));
            Assert.Equal(0.0, Measures.Renyi(p, p, 3));
        });

    [Fact]
    public void Scaling_either_vector_changes_nothing() =>
        PositivePair.Sample((p, q) =>
        {
            var p3 = p.Select(x => x * 3.7).ToArray();
            Assert.True(Relative(Measures.KullbackLeibler(p, q), Measures.KullbackLeibler(p3, q)) < 1e-12);
            Assert.True(Relative(Measures.Hellinger(p, q), Measures.Hellinger(p3, q)) < 1e-12);
        });

    [Fact]
    public void Jensen_Shannon_is_symmetric_and_at_most_ln_2() =>
        Pair.Sample((p, q) =>
        {
            double js = Measures.JensenShannonDivergence(p, q);
            Assert.InRange(js, 0, Math.Log(2));
            Assert.True(Relative(js, Measures.JensenShannonDivergence(q, p)) < 1e-12);
            Assert.InRange(Measures.JensenShannonDivergence(p, q, InformationUnit.Bits), 0, 1);
        });

    [Fact]
    public void Total_variation_and_Hellinger_lie_in_the_unit_interval_and_are_symmetric() =>
        Pair.Sample((p, q) =>
        {
            Assert.InRange(Measures.TotalVariation(p, q), 0, 1);
            Assert.InRange(Measures.Hellinger(p, q), 0, 1);
            Assert.True(Relative(Measures.Hellinger(p, q), Measures.Hellinger(q, p)) < 1e-12);
            Assert.True(Relative(Measures.TotalVariation(p, q), Measures.TotalVariation(q, p)) < 1e-12);
            // Le Cam: H² ≤ TV ≤ H·√2
            double h = Measures.Hellinger(p, q), tv = Measures.TotalVariation(p, q);
            Assert.True(h * h <= tv * (1 + 1e-12) && tv <= h * Math.Sqrt(2) * (1 + 1e-12));
        });

    [Fact]
    public void Cross_entropy_is_entropy_plus_divergence() =>
        PositivePair.Sample((p, q) =>
        {
            double ce = Measures.CrossEntropy(p, q);
            Assert.True(Relative(ce, Measures.Entropy(p) + Measures.KullbackLeibler(p, q)) < 1e-12);
            Assert.True(ce >= Measures.Entropy(p) * (1 - 1e-12));
        });

    [Fact]
    public void Entropy_lies_between_zero_and_log_n() =>
        Weights.Sample(p =>
        {
            double h = Measures.Entropy(p);
            Assert.InRange(h, 0, Math.Log(p.Length) * (1 + 1e-12));
        });

    [Fact]
    public void Renyi_divergence_is_non_decreasing_in_its_order() =>
        Pair.Sample((p, q) =>
        {
            double[] orders = [0.1, 0.25, 0.5, 0.9, 0.999, 1.0, 1.001, 1.5, 2, 5, 20];
            var values = orders.Select(a => Measures.Renyi(p, q, a)).ToArray();
            for (int i = 1; i < values.Length; i++)
                Assert.True(values[i] >= values[i - 1] * (1 - 1e-12), $"D_{orders[i]} = {values[i]} < D_{orders[i - 1]} = {values[i - 1]}");
        });

    [Fact]
    public void Renyi_tends_to_KL_as_the_order_tends_to_one() =>
        PositivePair.Sample((p, q) =>
        {
            double kl = Measures.KullbackLeibler(p, q);
            Assert.True(Relative(Measures.Renyi(p, q, 1 + 1e-7), kl) < 1e-5);
            Assert.True(Relative(Measures.Renyi(p, q, 1 - 1e-7), kl) < 1e-5);
        });

    [Fact]
    public void Bhattacharyya_is_half_the_Renyi_divergence_of_order_one_half_and_chi2_is_expm1_of_order_two() =>
        PositivePair.Sample((p, q) =>
        {
            Assert.True(Relative(Measures.Bhattacharyya(p, q), Measures.Renyi(p, q, 0.5) / 2) < 1e-12);
            double chi2 = Measures.PearsonChiSquared(p, q);
            Assert.True(Relative(Math.Log(1 + chi2), Measures.Renyi(p, q, 2)) < 1e-11);
        });

    [Fact]
    public void Permuting_outcomes_together_changes_nothing() =>
        Gen.Select(PositivePair, Gen.Int).Sample((pair, seed) =>
        {
            var (p, q) = pair;
            var rng = new Random(seed);
            var order = Enumerable.Range(0, p.Length).OrderBy(_ => rng.Next()).ToArray();
            var pp = order.Select(i => p[i]).ToArray();
            var qq = order.Select(i => q[i]).ToArray();
            foreach (var (key, measure) in GoldenValueTests.MeasuresByKey)
                Assert.True(Relative(measure(p, q), measure(pp, qq)) < 1e-12, key);
        });

    [Fact]
    public void Units_scale_by_the_logarithm_of_the_base() =>
        PositivePair.Sample((p, q) =>
        {
            double nats = Measures.KullbackLeibler(p, q);
            Assert.True(Relative(Measures.KullbackLeibler(p, q, InformationUnit.Bits) * Math.Log(2), nats) < 1e-15);
            Assert.True(Relative(Measures.KullbackLeibler(p, q, InformationUnit.Hartleys) * Math.Log(10), nats) < 1e-15);
            Assert.True(Relative(Measures.Entropy(p, InformationUnit.FromBase(3)) * Math.Log(3), Measures.Entropy(p)) < 1e-15);
            Assert.True(Relative(Measures.JensenShannonDistance(p, q, InformationUnit.Bits),
                                 Math.Sqrt(Measures.JensenShannonDivergence(p, q) / Math.Log(2))) < 1e-15);
        });

    [Fact]
    public void Chain_rule_of_entropy_for_a_joint_distribution() =>
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 6]).SelectMany((a, b) => Gen.Double[1e-6, 1].Array[a * b].Select(j => (a, b, j)))
            .Sample((a, b, joint) =>
            {
                // H(X, Y) = H(X) + Σₓ p(x)·H(Y | X = x)
                var rows = Enumerable.Range(0, a).Select(x => joint.Skip(x * b).Take(b).ToArray()).ToArray();
                double total = joint.Sum();
                double conditional = rows.Sum(r => r.Sum() / total * Measures.Entropy(r));
                double hx = Measures.Entropy(rows.Select(r => r.Sum()).ToArray());
                Assert.True(Relative(Measures.Entropy(joint), hx + conditional) < 1e-12);
            });

    [Fact]
    public void Chain_rule_of_KL_divergence_for_joint_distributions() =>
        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 5]).SelectMany((a, b) =>
                Gen.Select(Gen.Double[1e-6, 1].Array[a * b], Gen.Double[1e-6, 1].Array[a * b]).Select((p, q) => (a, b, p, q)))
            .Sample((a, b, p, q) =>
            {
                // D(P_XY ‖ Q_XY) = D(P_X ‖ Q_X) + Σₓ P(x)·D(P_Y|x ‖ Q_Y|x)
                double[] Row(double[] m, int x) => m.Skip(x * b).Take(b).ToArray();
                double pt = p.Sum();
                var px = Enumerable.Range(0, a).Select(x => Row(p, x).Sum()).ToArray();
                var qx = Enumerable.Range(0, a).Select(x => Row(q, x).Sum()).ToArray();
                double conditional = Enumerable.Range(0, a).Sum(x => px[x] / pt * Measures.KullbackLeibler(Row(p, x), Row(q, x)));
                double expected = Measures.KullbackLeibler(px, qx) + conditional;
                Assert.True(Relative(Measures.KullbackLeibler(p, q), expected) < 1e-11);
            });

    [Fact]
    public void Near_identical_divergences_are_positive_and_second_order() =>
        NearIdenticalPair.Sample((p, q) =>
        {
            // For tiny differences D(p‖q) ≈ ½χ²(p‖q) and JS ≈ D/4: the quadratic terms must survive.
            double kl = Measures.KullbackLeibler(p, q), chi2 = Measures.PearsonChiSquared(p, q);
            bool same = p.Zip(q).All(t => t.First / p.Sum() == t.Second / q.Sum());
            if (same) return;
            Assert.True(kl > 0 && chi2 > 0);
            Assert.True(Relative(kl, chi2 / 2) < 1e-2, $"KL {kl} vs chi2/2 {chi2 / 2}");
            Assert.True(Relative(Measures.JensenShannonDivergence(p, q), kl / 4) < 1e-2);
        });
}
