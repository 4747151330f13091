namespace Kullback.Tests.Peers;

/// <summary>
/// philentropy's own tests (drostlab/philentropy 9e171b2, <c>tests/testthat/test-distances.R</c> and
/// <c>tests/testthat/test-InformationTheory.R</c>), translated: the same inputs, each named by its test_that title in
/// <c>Data/peer-cases.json</c>. The references are exact (mpmath, 80 digits, on the exactly normalised vectors).
/// </summary>
/// <remarks>
/// Where philentropy's expectation differs from the exact value, the exact one is asserted, and the test also asserts that
/// philentropy's differs (so that the list stays true). Two reasons, both on purpose in Kullback:
/// <list type="bullet">
/// <item>the distance-matrix inputs <c>rbind(rep(0.2, 5), rep(0.1, 5), c(5, 1, 7, 9, 5))</c> are not distributions (they
/// sum to 1, 0.5 and 27): philentropy computes its formulas on the raw numbers (a Bhattacharyya distance of −1.60, a
/// triangular discrimination of 24.2 between two uniform distributions and c(5, 1, 7, 9, 5)), Kullback normalises exactly
/// (rows 1 and 2 are then the same uniform distribution: every divergence is exactly 0);</item>
/// <item>where one vector has a 0 and the other not, philentropy replaces the 0 by 0.00001 (KL, Jeffreys, Taneja) or drops
/// the term (additive symmetric χ²), so its KL(A‖B) is 2.53; the true value is +∞ (p &gt; 0 where q = 0).</item>
/// </list>
/// </remarks>
public class PhilentropyTranslationTests
{
    private static readonly Dictionary<string, Func<double[], double[], InformationUnit, double>> ByMeasure = new()
    {
        ["triangular_discrimination"] = (p, q, _) => Measures.TriangularDiscrimination(p, q),
        ["probabilistic_symmetric_chi2"] = (p, q, _) => Measures.ProbabilisticSymmetricChiSquared(p, q),
        ["divergence_distance"] = (p, q, _) => Measures.DivergenceDistance(p, q),
        ["clark"] = (p, q, _) => Measures.Clark(p, q),
        ["additive_symmetric_chi2"] = (p, q, _) => Measures.AdditiveSymmetricChiSquared(p, q),
        ["kullback_leibler"] = (p, q, u) => Measures.KullbackLeibler(p, q, u),
        ["jeffreys"] = (p, q, u) => Measures.Jeffreys(p, q, u),
        ["k_divergence"] = (p, q, u) => Measures.KDivergence(p, q, u),
        ["taneja"] = (p, q, u) => Measures.Taneja(p, q, u),
        ["kumar_johnson"] = (p, q, _) => Measures.KumarJohnson(p, q),
        ["avg_l1_linf"] = (p, q, _) => Measures.AverageL1LInf(p, q),
        ["bhattacharyya"] = (p, q, u) => Measures.Bhattacharyya(p, q, u),
        // philentropy's "hellinger" is 2·√(1 − Σ√(pq)), twice the Hellinger distance in [0, 1].
        ["hellinger_philentropy"] = (p, q, _) => 2 * Measures.Hellinger(p, q),
    };

    private static InformationUnit Unit(string name) => name switch
    {
        "bits" => InformationUnit.Bits,
        "hartleys" => InformationUnit.Hartleys,
        _ => InformationUnit.Nats,
    };

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (int i = 0; i < PeerCases.Philentropy.Count; i++)
        {
            var c = PeerCases.Philentropy[i];
            data.Add(i, $"{c.GetProperty("test").GetString()} [{c.GetProperty("input").GetString()}, {c.GetProperty("unit").GetString()}]");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Distance_test_passes_with_the_exact_value(int index, string test)
    {
        var c = PeerCases.Philentropy[index];
        double[] p = MoreReferenceCases.Doubles(c.GetProperty("p")), q = MoreReferenceCases.Doubles(c.GetProperty("q"));
        double expected = MoreReferenceCases.Parse(c.GetProperty("expected").GetString()!);
        double actual = ByMeasure[c.GetProperty("measure").GetString()!](p, q, Unit(c.GetProperty("unit").GetString()!));
        MoreGoldenValueTests.AssertSignedClose(expected, actual, test);
        var peerElement = c.GetProperty("peer_expected");
        double peer = peerElement.ValueKind == System.Text.Json.JsonValueKind.String ? MoreReferenceCases.Parse(peerElement.GetString()!) : peerElement.GetDouble();
        bool peerAgrees = c.GetProperty("peer_agrees").GetBoolean();
        bool close = expected == peer || (double.IsFinite(expected) && Math.Abs(peer - expected) <= 1.5e-8 * Math.Abs(expected));   // testthat's expect_equal tolerance
        Assert.True(peerAgrees == close, $"{test}: philentropy expects {peer:R}, the exact value is {expected:R}");
    }

    [Fact]
    public void Every_distance_of_the_translation_is_checked()
    {
        Assert.Equal(71, PeerCases.Philentropy.Count);
        Assert.Equal(ByMeasure.Keys.Order(), PeerCases.Philentropy.Select(c => c.GetProperty("measure").GetString()!).Distinct().Order());
    }

    /// <summary>test-InformationTheory.R, "Numeric computation of gJSD() : " (philentropy's unit: log2).</summary>
    [Fact]
    public void Numeric_computation_of_gJSD()
    {
        double[] p = [.. Enumerable.Range(1, 10).Select(i => i / 55.0)];
        double[] q = [.. Enumerable.Range(20, 10).Select(i => i / 245.0)];
        double[] r = [.. Enumerable.Range(30, 10).Select(i => i / 345.0)];
        // mpmath, 80 digits on the exact rationals (R's H(rowSums(w·x)) − Σ w·H(x) agrees to 1e-15).
        Assert.Equal(0.03512891537475493116527512176887531476244, Measures.GeneralizedJensenShannon([p, q, r], unit: InformationUnit.Bits), 1e-16);
    }

    /// <summary>test-InformationTheory.R, "gJSD() checks for transposed matrix column sums > 1." (rows of matrix(c(…), nrow = 2)).</summary>
    [Fact]
    public void gJSD_of_identical_and_of_disjoint_distributions()
    {
        Assert.Equal(0.0, Measures.GeneralizedJensenShannon([[1.0, 0], [1.0, 0]], unit: InformationUnit.Bits));
        Assert.Equal(1.0, Measures.GeneralizedJensenShannon([[1.0, 0], [0, 1.0]], unit: InformationUnit.Bits));
    }
}
