namespace Kullback.Tests.Peers;

/// <summary>
/// dit's own tests (dit/dit f6dca796) of the measures Kullback shares with it, translated with dit's expected values
/// (dit works in bits by default; so do these). Each test names its dit file and test function. dit's Distribution over
/// outcome strings such as "00", "11" becomes a <see cref="JointDistribution"/> table over X0, X1, ….
/// </summary>
/// <remarks>
/// Not translated: dit's co-information of three or more groups (coinformation with [[0], [1], [2]]: not a measure of the
/// issue, and it can be negative); dit's exceptions for mismatched sample spaces (test_dkl_3, test_cross_entropy_3) become
/// Kullback's semantics: +∞ where p has an outcome q lacks, an exception where the variables differ; and negative orders of
/// the Rényi and Hellinger divergences in test_alpha_symmetry (Kullback refuses them: a "divergence" of negative order can
/// be negative), whose α = −1 cases are asserted to throw. dit's α-divergence is mirrored (α ↦ −α) against Kullback's; see
/// <see cref="DitAlphaDivergence"/>.
/// </remarks>
public class DitTranslationTests
{
    private static readonly InformationUnit Bits = InformationUnit.Bits;

    private static JointDistribution Joint(int variables, params (string Outcome, double P)[] cells)
    {
        var weights = new double[1 << variables];
        foreach (var (outcome, p) in cells) weights[Convert.ToInt32(outcome, 2)] += p;
        return JointDistribution.FromTable([.. Enumerable.Range(0, variables).Select(i => $"X{i}")], [.. Enumerable.Repeat(2, variables)], weights);
    }

    /// <summary>dit.example_dists.n_mod_m(n, 2): n bits whose sum is even, uniformly.</summary>
    private static JointDistribution Parity(int n)
    {
        var weights = new double[1 << n];
        for (int i = 0; i < weights.Length; i++) weights[i] = int.PopCount(i) % 2 == 0 ? 1 : 0;
        return JointDistribution.FromTable([.. Enumerable.Range(0, n).Select(i => $"X{i}")], [.. Enumerable.Repeat(2, n)], weights);
    }

    private static double[] Uniform(int n) => [.. Enumerable.Repeat(1.0 / n, n)];

    // ---- tests/multivariate/test_entropy.py ----

    [Fact]
    public void test_entropy_H1_fair_coin() => Assert.Equal(1.0, Measures.Entropy([0.5, 0.5], Bits), 1e-15);

    [Fact]
    public void test_entropy_H2_H3_two_independent_bits()
    {
        var d = Joint(2, ("00", 0.25), ("01", 0.25), ("10", 0.25), ("11", 0.25));
        Assert.Equal(2.0, Measures.JointEntropy(d, Bits), 1e-15);
        Assert.Equal(1.0, Measures.MarginalEntropy(d, "X0", Bits), 1e-15);
        Assert.Equal(1.0, Measures.MarginalEntropy(d, "X1", Bits), 1e-15);
        Assert.Equal(1.0, Measures.ConditionalEntropy(d, "X0", "X1", Bits), 1e-15);
        Assert.Equal(1.0, Measures.ConditionalEntropy(d, "X1", "X0", Bits), 1e-15);
        Assert.Equal(0.0, Measures.ConditionalEntropy(d, "X0", "X0", Bits));
        Assert.Equal(0.0, Measures.ConditionalEntropy(d, ["X0"], ["X0", "X1"], Bits));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(9)]
    public void test_entropy_H4_to_H7_uniform_in_bits_and_in_its_own_base(int i)
    {
        Assert.Equal(Math.Log2(i), Measures.Entropy(Uniform(i), Bits), 1e-15);
        Assert.Equal(1.0, Measures.Entropy(Uniform(i), InformationUnit.FromBase(i)), 1e-15);
    }

    // ---- tests/multivariate/test_total_correlation.py ----

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void test_tc1_parity(int n) => Assert.Equal(1.0, Measures.TotalCorrelation(Parity(n), Bits), 1e-14);

    [Fact]
    public void test_tc2_to_tc6_subvariables_conditions_and_groups()
    {
        var d = Parity(4);
        Assert.Equal(0.0, Measures.TotalCorrelation(d.Marginal("X0", "X1", "X2"), Bits), 1e-15);                  // tc2
        Assert.Equal(0.0, Measures.TotalCorrelation(d, [["X0"], ["X1"], ["X2"]], null, Bits), 1e-14);              // tc2
        Assert.Equal(1.0, Measures.TotalCorrelation(d, [["X0"], ["X1"], ["X2"]], ["X3"], Bits), 1e-14);            // tc3
        Assert.Equal(1.0, Measures.TotalCorrelation(d, [["X0"], ["X1"]], ["X2", "X3"], Bits), 1e-14);              // tc4
        Assert.Equal(1.0, Measures.TotalCorrelation(d, [["X0", "X1"], ["X2"], ["X3"]], null, Bits), 1e-14);        // tc5
        Assert.Equal(3.0, Measures.TotalCorrelation(d, [["X0", "X1", "X2"], ["X1", "X2", "X3"]], null, Bits), 1e-14); // tc6
    }

    [Fact]
    public void test_tc7_equals_the_mutual_information_for_two_variables()
    {
        var d = Joint(2, ("00", 1.0 / 3), ("01", 1.0 / 3), ("11", 1.0 / 3));
        Assert.Equal(Measures.MutualInformation(d, "X0", "X1", Bits), Measures.TotalCorrelation(d, Bits), 1e-15);
        Assert.Equal(0.25162916738782293, Measures.TotalCorrelation(d, Bits), 1e-15);   // log2 3 − 4/3, mpmath
    }

    [Fact]
    public void test_tc8_one_variable() =>
        Assert.Equal(0.0, Measures.TotalCorrelation(JointDistribution.FromTable(["X"], [3], Uniform(3)), Bits));

    // ---- tests/multivariate/test_coinformation.py (the cases of one or two groups) ----

    [Fact]
    public void test_coi1_coi5_coi6_conditional_mutual_information_of_parities()
    {
        Assert.Equal(1.0, Measures.MutualInformation(Parity(3), ["X0"], ["X1"], ["X2"], Bits), 1e-14);        // coi1
        Assert.Equal(1.0, Measures.MutualInformation(Parity(4), ["X0"], ["X1"], ["X2", "X3"], Bits), 1e-14);  // coi5
        Assert.Equal(0.0, Measures.ConditionalEntropy(Parity(4), ["X0"], ["X1", "X2", "X3"], Bits));           // coi6
        Assert.Equal(0.0, Measures.MutualInformation(Parity(3), "X0", "X1", Bits));                           // pairwise independent
    }

    // ---- tests/divergences/test_kullback_leibler_divergence.py and test_cross_entropy.py ----
    // d1 = {0, 1} uniform, d2 = {0, 2} uniform, d3 = {0, 1, 2} uniform (as vectors over 0, 1, 2); d4 = {00: 2/5, 11: 3/5}, d5 = {00, 11} uniform.
    private static readonly double[] D1 = [0.5, 0.5, 0], D2 = [0.5, 0, 0.5], D3 = [1.0 / 3, 1.0 / 3, 1.0 / 3];
    private static readonly JointDistribution D4 = Joint(2, ("00", 0.4), ("11", 0.6)), D5 = Joint(2, ("00", 0.5), ("11", 0.5));
    private static double[] X0Of(JointDistribution d) => [.. d.Marginal("X0").Weights, 0];

    [Fact]
    public void test_dkl_1_known_values()
    {
        Assert.Equal(0.5849625007211563, Measures.KullbackLeibler(D1, D3, Bits), 1e-15);
        Assert.Equal(0.0294468445267841, Measures.KullbackLeibler(D1, X0Of(D4), Bits), 1e-15);
        Assert.Equal(0.029049405545331419, Measures.KullbackLeibler(X0Of(D4), D1, Bits), 1e-15);
        Assert.Equal(0.029049405545331419, Measures.KullbackLeibler(D4.Weights, D5.Weights, Bits), 1e-15);
        Assert.Equal(0.0294468445267841, Measures.KullbackLeibler(D5.Weights, D4.Weights, Bits), 1e-15);
        Assert.Equal(0.0, Measures.ConditionalKullbackLeibler(D4, D5, "X0", "X1", Bits));
        Assert.Equal(0.0, Measures.ConditionalKullbackLeibler(D4, D5, "X1", "X0", Bits));
        Assert.Equal(double.PositiveInfinity, Measures.KullbackLeibler(D1, D2, Bits));
        Assert.Equal(double.PositiveInfinity, Measures.KullbackLeibler(D2, D1, Bits));
        Assert.Equal(double.PositiveInfinity, Measures.KullbackLeibler(D3, D1, Bits));
    }

    [Fact]
    public void test_dkl_2_and_test_cross_entropy_2_of_a_distribution_with_itself()
    {
        foreach (var d in new[] { D1, D2, D3, D4.Weights.ToArray(), D5.Weights.ToArray() })
        {
            Assert.Equal(0.0, Measures.KullbackLeibler(d, d, Bits));
            Assert.Equal(Measures.Entropy(d, Bits), Measures.CrossEntropy(d, d, Bits), 1e-15);
        }
    }

    [Fact]
    public void test_dkl_3_and_test_cross_entropy_3_mismatched_spaces_are_infinite_or_refused()
    {
        var oneVariable = JointDistribution.FromTable(["X0"], [3], D1);
        Assert.Throws<InvalidArgumentException>(() => Measures.ConditionalKullbackLeibler(D4, oneVariable, ["X0"], []));
        Assert.Throws<InvalidArgumentException>(() => Measures.ConditionalCrossEntropy(D5, oneVariable, "X0", "X1"));
        Assert.Equal(double.PositiveInfinity, Measures.KullbackLeibler(D3, X0Of(D4)));   // p has outcome 2, q does not
    }

    [Fact]
    public void test_cross_entropy_1_known_values()
    {
        Assert.Equal(1.5849625007211563, Measures.CrossEntropy(D1, D3, Bits), 1e-15);
        Assert.Equal(1.0294468445267841, Measures.CrossEntropy(D1, X0Of(D4), Bits), 1e-15);
        Assert.Equal(1.0, Measures.CrossEntropy(X0Of(D4), D1, Bits), 1e-15);
        Assert.Equal(1.0, Measures.CrossEntropy(D4.Weights, D5.Weights, Bits), 1e-15);
        Assert.Equal(1.0294468445267841, Measures.CrossEntropy(D5.Weights, D4.Weights, Bits), 1e-15);
        Assert.Equal(0.0, Measures.ConditionalCrossEntropy(D4, D5, "X0", "X1", Bits));
        Assert.Equal(0.0, Measures.ConditionalCrossEntropy(D4, D5, "X1", "X0", Bits));
        Assert.Equal(double.PositiveInfinity, Measures.CrossEntropy(D1, D2, Bits));
        Assert.Equal(double.PositiveInfinity, Measures.CrossEntropy(D2, D1, Bits));
        Assert.Equal(double.PositiveInfinity, Measures.CrossEntropy(D3, D1, Bits));
    }

    // ---- tests/divergences/test_jensen_shannon_divergence.py ----

    [Fact]
    public void test_jsd1_to_jsd4_and_pmf1_to_pmf4()
    {
        double[] ab = [0.5, 0.5, 0, 0], bc = [0, 0.5, 0.5, 0], cd = [0, 0, 0.5, 0.5];
        Assert.Equal(0.0, Measures.GeneralizedJensenShannon([ab, ab], unit: Bits));                              // jsd1, pmf1, pmf2_1
        Assert.Equal(0.5, Measures.GeneralizedJensenShannon([ab, bc], unit: Bits), 1e-15);                       // jsd2, pmf2
        Assert.Equal(1.0, Measures.GeneralizedJensenShannon([ab, cd], unit: Bits), 1e-15);                       // jsd3, pmf3
        Assert.Equal(0.40563906222956625, Measures.GeneralizedJensenShannon([ab, bc], [0.25, 0.75], Bits), 1e-15); // jsd4, pmf4
    }

    [Fact]
    public void test_jsd0_jsd5_pmf5_misspecified_weights_are_refused()
    {
        double[] ab = [0.5, 0.5, 0], bc = [0, 0.5, 0.5];
        Assert.Throws<InvalidArgumentException>(() => Measures.GeneralizedJensenShannon([ab, bc], [0.1, 0.6, 0.3]));
        Assert.Throws<InvalidArgumentException>(() => Measures.GeneralizedJensenShannon([ab, bc], [0.1, 0.6, 0.2, 0.1]));
        Assert.Throws<InvalidArgumentException>(() => Measures.GeneralizedJensenShannon([ab], [0.5, 0.5]));
    }

    [Fact]
    public void test_plugable_Jensen_Renyi_of_order_1_is_the_JSD()
    {
        double[] ab = [0.5, 0.5, 0], bc = [0, 0.5, 0.5];
        double jsd = Measures.GeneralizedJensenShannon([ab, bc], unit: Bits);
        Assert.Equal(jsd, Measures.JensenRenyi([ab, bc], 1, unit: Bits));
        Assert.Equal(jsd, Measures.JensenRenyi([ab, bc], 1, [0.5, 0.5], Bits));
        Assert.Throws<InvalidArgumentException>(() => Measures.JensenRenyi([ab, bc], 2));   // beyond 1: not concave (dit raises for a misuse too)
    }

    // ---- tests/other/test_renyi_entropy.py ----

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(5.0)]
    [InlineData(double.PositiveInfinity)]
    public void test_renyi_entropy_1_and_2(double alpha)
    {
        Assert.Equal(3.0, Measures.RenyiEntropy(Uniform(8), alpha, Bits), 1e-14);
        var d = JointDistribution.FromTable(["X0", "X1"], [4, 4], [.. Enumerable.Range(0, 16).Select(i => i % 5 == 0 ? 0.25 : 0)]);
        Assert.Equal(2.0, Measures.RenyiEntropy(d.Weights, alpha, Bits), 1e-14);
        Assert.Equal(2.0, Measures.RenyiEntropy(d.Marginal("X0").Weights, alpha, Bits), 1e-14);
        Assert.Equal(2.0, Measures.RenyiEntropy(d.Marginal("X1").Weights, alpha, Bits), 1e-14);
    }

    [Theory]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-5.0)]
    [InlineData(-1.0)]
    [InlineData(-0.5)]
    [InlineData(-0.0000001)]
    public void test_renyi_entropy_3_negative_orders_are_refused(double alpha) =>
        Assert.Throws<InvalidArgumentException>(() => Measures.RenyiEntropy(Uniform(8), alpha));

    // ---- tests/other/test_tsallis_entropy.py ----

    [Theory]
    [InlineData(-2.0)]
    [InlineData(-1.5)]
    [InlineData(-1.0)]
    [InlineData(-0.5)]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(2.0)]
    public void test_tsallis_entropy_1_pseudo_additivity(double q)
    {
        var d = JointDistribution.FromTable(["A", "B"], [2, 3], Uniform(6));
        double ab = Measures.TsallisEntropy(d.Weights, q), a = Measures.TsallisEntropy(d.Marginal("A").Weights, q), b = Measures.TsallisEntropy(d.Marginal("B").Weights, q);
        double expected = a + b + (1 - q) * a * b;
        Assert.True(Math.Abs(ab - expected) <= 1e-14 * Math.Max(1, Math.Abs(expected)), $"S(A, B) = {ab:R}, pseudo-additivity gives {expected:R}");
    }

    // ---- tests/other/test_extropy.py ----

    [Fact]
    public void test_J1_to_J3()
    {
        Assert.Equal(Measures.Entropy([0.25, 0.75], Bits), Measures.Extropy([0.25, 0.75], Bits), 1e-15);   // J1: two outcomes
        Assert.Equal(1.0, Measures.Extropy([0.5, 0.5], Bits), 1e-15);                                        // J2
        Assert.Equal(1.0, Measures.Extropy(D5.Weights, Bits), 1e-15);                                        // J3
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(9)]
    public void test_J4_to_J8_uniform(int i)
    {
        Assert.Equal((i - 1) * (Math.Log2(i) - Math.Log2(i - 1)), Measures.Extropy(Uniform(i), Bits), 1e-14);
        Assert.Equal((i - 1) * (Math.Log(i) - Math.Log(i - 1)), Measures.Extropy(Uniform(i)), 1e-14);
        Assert.Equal((i - 1) * (Math.Log10(i) - Math.Log10(i - 1)), Measures.Extropy(Uniform(i), InformationUnit.Hartleys), 1e-14);
        if (i >= 3)
        {
            Assert.True(Measures.Extropy(Uniform(i), Bits) < Measures.Entropy(Uniform(i), Bits));
            Assert.True(Measures.Extropy(Uniform(i), InformationUnit.FromBase(i)) < Measures.Entropy(Uniform(i), InformationUnit.FromBase(i)));
        }
    }

    [Fact]
    public void test_J9_to_J11_dyadic()
    {
        double[] pmf = [0.5, 0.25, 0.125, 0.0625, 0.0625];
        double j = Measures.Extropy(pmf, Bits), h = Measures.Entropy(pmf, Bits);
        double binaryEntropies = pmf.Sum(p => Measures.Entropy([p, 1 - p], Bits));
        double binaryExtropies = pmf.Sum(p => Measures.Extropy([p, 1 - p], Bits));
        Assert.Equal(binaryEntropies - h, j, 1e-14);   // J9
        Assert.Equal(binaryExtropies - j, h, 1e-14);   // J10
        double[] complement = [.. pmf.Select(p => (1 - p) / 4)];
        Assert.Equal(4 * (Measures.Entropy(complement, Bits) - 2), j, 1e-14);   // J11
    }

    // ---- tests/other/test_perplexity.py ----

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(9)]
    public void test_p1_to_p4_uniform(int i) => Assert.Equal(i, Measures.Perplexity(Uniform(i)), 1e-12);

    [Fact]
    public void test_p5_p6_joint_and_conditional()
    {
        var d = Joint(2, ("00", 0.25), ("01", 0.25), ("10", 0.25), ("11", 0.25));
        Assert.Equal(4.0, Measures.Perplexity(d.Weights), 1e-14);
        Assert.Equal(2.0, Measures.Perplexity(d.Marginal("X0").Weights), 1e-14);
        Assert.Equal(2.0, Math.Exp(Measures.ConditionalEntropy(d, "X0", "X1")), 1e-14);   // dit's P(d, [0], [1])
        Assert.Equal(2.0, Measures.Perplexity(D5.Weights), 1e-14);
        Assert.Equal(1.0, Math.Exp(Measures.ConditionalEntropy(D5, "X0", "X1")));
    }

    // ---- tests/divergences/test_generalized_divergences.py ----
    private static readonly double[][] Dists2 = [[0.5, 0.5], [1.0 / 3, 2.0 / 3], [0.4, 0.6]];
    private static readonly double[][] Dists3 = [[0.2, 0.4, 0.4], [0.25, 0.5, 0.25], [1.0 / 3, 1.0 / 3, 1.0 / 3], [1.0 / 6, 2.0 / 6, 3.0 / 6]];

    private static readonly Func<double[], double[], double, double>[] Divergences =
    [
        DitAlphaDivergence,
        (p, q, a) => Measures.Renyi(p, q, a, Bits),
        (p, q, a) => Measures.TsallisDivergence(p, q, a),
        (p, q, a) => Measures.HellingerDivergence(p, q, a),
    ];

    /// <summary>
    /// dit's alpha_divergence(p, q, α) is Kullback's AlphaDivergence(p, q, −α): Kullback follows Amari's formula
    /// 4(1 − Σ p^((1−α)/2) q^((1+α)/2))/(1 − α²) of shared/reference (whose limits are D(p‖q) at α = −1), dit the mirrored one.
    /// </summary>
    private static double DitAlphaDivergence(double[] p, double[] q, double alpha) => Measures.AlphaDivergence(p, q, -alpha);

    [Fact]
    public void test_positive_definite1_and_2()
    {
        foreach (var d in new[] { D1, D2, D3, D4.Weights.ToArray(), D5.Weights.ToArray() })
            foreach (double alpha in new[] { 0, 1, 2, 0.5 })
            {
                foreach (var divergence in Divergences) Assert.Equal(0.0, divergence(d, d, alpha));
                Assert.Equal(1.0, Measures.HellingerSum(d, d, alpha), 1e-15);
            }
    }

    [Fact]
    public void test_positivity()
    {
        foreach (var dists in new[] { Dists2, Dists3 })
            for (int i = 0; i < dists.Length; i++)
                for (int j = i + 1; j < dists.Length; j++)
                    foreach (double alpha in new[] { 0.1, 0.5, 1, 1.5 })
                        foreach (var divergence in Divergences) Assert.True(divergence(dists[i], dists[j], alpha) > 0);
    }

    [Fact]
    public void test_alpha_symmetry()
    {
        foreach (var dists in new[] { Dists2, Dists3 })
            foreach (var p in dists)
                foreach (var q in dists)
                    foreach (double alpha in new[] { -1, 0, 0.5, 1, 2 })
                    {
                        Assert.Equal(DitAlphaDivergence(q, p, -alpha), DitAlphaDivergence(p, q, alpha), 1e-14);
                        if (alpha < 0 || 1 - alpha < 0)
                        {
                            // Orders below 0 are refused (see the remarks): dit's α = −1 and α = 2 (1 − α = −1) cases.
                            Assert.Throws<InvalidArgumentException>(() => Measures.HellingerDivergence(q, p, Math.Min(alpha, 1 - alpha)));
                            Assert.Throws<InvalidArgumentException>(() => Measures.Renyi(q, p, Math.Min(alpha, 1 - alpha)));
                            continue;
                        }
                        Assert.Equal(alpha * Measures.HellingerDivergence(q, p, 1 - alpha), (1 - alpha) * Measures.HellingerDivergence(p, q, alpha), 1e-14);
                        Assert.Equal(alpha * Measures.Renyi(q, p, 1 - alpha), (1 - alpha) * Measures.Renyi(p, q, alpha), 1e-14);
                    }
    }

    [Fact]
    public void test_divergences_to_kl_and_kl2()
    {
        foreach (var dists in new[] { Dists2, Dists3 })
            for (int i = 0; i < dists.Length; i++)
                for (int j = i + 1; j < dists.Length; j++)
                {
                    double[] p = dists[i], q = dists[j];
                    Assert.Equal(Measures.KullbackLeibler(q, p), DitAlphaDivergence(p, q, -1), 1e-14);
                    Assert.NotEqual(Measures.KullbackLeibler(q, p), DitAlphaDivergence(p, q, 0), 1e-6);
                    Assert.NotEqual(Measures.KullbackLeibler(q, p), DitAlphaDivergence(p, q, 2), 1e-6);
                    Assert.Equal(Measures.KullbackLeibler(p, q), DitAlphaDivergence(p, q, 1), 1e-14);
                    Assert.Equal(Measures.KullbackLeibler(p, q, Bits), Measures.Renyi(p, q, 1, Bits), 1e-14);
                    Assert.Equal(Measures.KullbackLeibler(p, q), Measures.TsallisDivergence(p, q, 1), 1e-14);
                    Assert.Equal(Measures.KullbackLeibler(p, q), Measures.HellingerDivergence(p, q, 1), 1e-14);
                }
    }
}
