namespace Kullback.Tests;

/// <summary>
/// Every measure against every 60-digit reference case (the shared ones and those of tests/reference/make_cases.py, weights
/// of every magnitude among them): 1e-12 relative, exact 0 and exact +∞, and within a few units of 5e-324 where the
/// reference itself is below the normal doubles.
/// </summary>
public class GoldenValueTests
{
    private const double RelativeTolerance = 1e-12;

    /// <summary>Below the normal range a double has fewer bits: a subnormal reference is met to 8 units of 2⁻¹⁰⁷⁴.</summary>
    private const double SubnormalTolerance = 4e-323;

    /// <summary>Each reference key and how the library computes it (in nats).</summary>
    public static readonly IReadOnlyDictionary<string, Func<double[], double[], double>> MeasuresByKey =
        new Dictionary<string, Func<double[], double[], double>>
        {
            ["entropy_p"] = (p, _) => Measures.Entropy(p),
            ["entropy_q"] = (_, q) => Measures.Entropy(q),
            ["cross_entropy_pq"] = (p, q) => Measures.CrossEntropy(p, q),
            ["cross_entropy_qp"] = (p, q) => Measures.CrossEntropy(q, p),
            ["kl_pq"] = (p, q) => Measures.KullbackLeibler(p, q),
            ["kl_qp"] = (p, q) => Measures.KullbackLeibler(q, p),
            ["jeffreys"] = (p, q) => Measures.Jeffreys(p, q),
            ["js_divergence"] = (p, q) => Measures.JensenShannonDivergence(p, q),
            ["js_distance"] = (p, q) => Measures.JensenShannonDistance(p, q),
            ["hellinger"] = (p, q) => Measures.Hellinger(p, q),
            ["total_variation"] = (p, q) => Measures.TotalVariation(p, q),
            ["bhattacharyya"] = (p, q) => Measures.Bhattacharyya(p, q),
            ["chi2_pearson"] = (p, q) => Measures.PearsonChiSquared(p, q),
            ["renyi_0.5"] = (p, q) => Measures.Renyi(p, q, 0.5),
            ["renyi_2"] = (p, q) => Measures.Renyi(p, q, 2.0),
        };

    public static TheoryData<string, string> CasesAndKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in ReferenceCase.All)
            foreach (var key in c.Expected.Keys)
                data.Add(c.Name, key);
        return data;
    }

    [Fact]
    public void Every_reference_key_has_a_measure()
    {
        var keys = ReferenceCase.All.SelectMany(c => c.Expected.Keys).Distinct().ToList();
        Assert.Equal(15, keys.Count);
        Assert.All(keys, k => Assert.True(MeasuresByKey.ContainsKey(k), $"no measure for {k}"));
    }

    [Theory]
    [MemberData(nameof(CasesAndKeys))]
    public void Measure_matches_the_60_digit_reference(string caseName, string key)
    {
        var c = ReferenceCase.Named(caseName);
        double expected = c.ExpectedValue(key);
        double actual = MeasuresByKey[key](c.P, c.Q);
        AssertClose(expected, actual, $"{caseName} {key}");
    }

    internal static void AssertClose(double expected, double actual, string what)
    {
        if (expected == 0 || double.IsInfinity(expected))
        {
            Assert.True(expected == actual, $"{what}: expected exactly {expected:R}, got {actual:R}");
            return;
        }
        double error = Math.Abs(actual - expected), relative = error / Math.Abs(expected);
        Assert.True(relative <= RelativeTolerance || (Math.Abs(expected) < 2.2250738585072014E-308 && error <= SubnormalTolerance),
            $"{what}: expected {expected:R}, got {actual:R} (relative error {relative:E2})");
    }
}
