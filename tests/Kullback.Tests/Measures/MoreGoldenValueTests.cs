using System.Globalization;

namespace Kullback.Tests;

/// <summary>
/// Every measure beyond the fifteen against <c>measures-more.json</c> (100 digits, shared) and
/// <c>generated-more-cases.json</c> (80 digits, tests/reference/make_more_cases.py): 1e-12 relative, exact 0 and exact +∞.
/// </summary>
public class MoreGoldenValueTests
{
    /// <summary>How the library computes a reference key (in nats), keys with an order parsed from their suffix.</summary>
    public static Func<double[], double[], double> MeasureFor(string key)
    {
        static double Order(string text) => text == "inf" ? double.PositiveInfinity : double.Parse(text, CultureInfo.InvariantCulture);
        static Func<double[], double[], double> OfOne(string which, Func<double[], double> f) =>
            which == "p" ? (p, _) => f(p) : (_, q) => f(q);

        switch (key)
        {
            case "triangular_discrimination": return (p, q) => Measures.TriangularDiscrimination(p, q);
            case "probabilistic_symmetric_chi2": return (p, q) => Measures.ProbabilisticSymmetricChiSquared(p, q);
            case "additive_symmetric_chi2": return (p, q) => Measures.AdditiveSymmetricChiSquared(p, q);
            case "clark": return (p, q) => Measures.Clark(p, q);
            case "divergence_distance": return (p, q) => Measures.DivergenceDistance(p, q);
            case "kumar_johnson": return (p, q) => Measures.KumarJohnson(p, q);
            case "avg_l1_linf": return (p, q) => Measures.AverageL1LInf(p, q);
            case "k_divergence": return (p, q) => Measures.KDivergence(p, q);
            case "taneja": return (p, q) => Measures.Taneja(p, q);
            case "renyi_0": return (p, q) => Measures.Renyi(p, q, 0);
            case "renyi_inf": return (p, q) => Measures.Renyi(p, q, double.PositiveInfinity);
            case "weighted_js_0.3_0.7": return (p, q) => Measures.GeneralizedJensenShannon(p, q, 0.3);
        }
        string[] parts = key.Split('_');
        if (key.StartsWith("tsallis_divergence_", StringComparison.Ordinal)) { double a = Order(parts[2]); return (p, q) => Measures.TsallisDivergence(p, q, a); }
        if (key.StartsWith("alpha_divergence_", StringComparison.Ordinal)) { double a = Order(parts[2]); return (p, q) => Measures.AlphaDivergence(p, q, a); }
        if (key.StartsWith("hellinger_sum_", StringComparison.Ordinal)) { double a = Order(parts[2]); return (p, q) => Measures.HellingerSum(p, q, a); }
        if (key.StartsWith("jensen_renyi_", StringComparison.Ordinal)) { double a = Order(parts[2]); return (p, q) => Measures.JensenRenyi([p, q], a); }
        if (key.StartsWith("renyi_entropy_", StringComparison.Ordinal)) { double a = Order(parts[2]); return OfOne(parts[3], x => Measures.RenyiEntropy(x, a)); }
        if (key.StartsWith("tsallis_entropy_", StringComparison.Ordinal)) { double a = Order(parts[2]); return OfOne(parts[3], x => Measures.TsallisEntropy(x, a)); }
        if (key.StartsWith("perplexity_", StringComparison.Ordinal)) return OfOne(parts[1], x => Measures.Perplexity(x));
        if (key.StartsWith("extropy_", StringComparison.Ordinal)) return OfOne(parts[1], x => Measures.Extropy(x));
        throw new KeyNotFoundException($"no measure for the reference key {key}");
    }

    public static TheoryData<string, string> CasesAndKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in MoreReferenceCases.PairCases)
            foreach (var key in c.Expected.Keys)
                data.Add(c.Name, key);
        return data;
    }

    [Fact]
    public void Every_reference_key_has_a_measure()
    {
        var keys = MoreReferenceCases.PairCases.SelectMany(c => c.Expected.Keys).Distinct().ToList();
        Assert.True(keys.Count >= 40, $"only {keys.Count} keys");
        Assert.All(keys, k => MeasureFor(k));
    }

    [Theory]
    [MemberData(nameof(CasesAndKeys))]
    public void Measure_matches_the_reference(string caseName, string key)
    {
        var c = MoreReferenceCases.Named(caseName);
        double expected = MoreReferenceCases.Parse(c.Expected[key]);
        GoldenValueTests.AssertClose(expected, MeasureFor(key)(c.P, c.Q), $"{caseName} {key}");
    }

    public static TheoryData<string> FamilyNames()
    {
        var data = new TheoryData<string>();
        foreach (var f in MoreReferenceCases.Generated.GetProperty("families").EnumerateArray()) data.Add(f.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(FamilyNames))]
    public void Generalized_Jensen_Shannon_and_Jensen_Renyi_of_k_weighted_distributions_match_the_reference(string name)
    {
        var f = MoreReferenceCases.Generated.GetProperty("families").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var distributions = f.GetProperty("distributions").EnumerateArray().Select(MoreReferenceCases.Doubles).ToList();
        var weightsElement = f.GetProperty("weights");
        double[] weights = weightsElement.ValueKind == System.Text.Json.JsonValueKind.Null ? [] : MoreReferenceCases.Doubles(weightsElement);
        foreach (var e in f.GetProperty("expected").EnumerateObject())
        {
            double expected = MoreReferenceCases.Parse(e.Value.GetString()!);
            double actual = e.Name == "gjsd"
                ? Measures.GeneralizedJensenShannon(distributions, weights)
                : Measures.JensenRenyi(distributions, double.Parse(e.Name["jensen_renyi_".Length..], CultureInfo.InvariantCulture), weights);
            GoldenValueTests.AssertClose(expected, actual, $"{name} {e.Name}");
        }
    }

    [Fact]
    public void Elementwise_entr_rel_entr_and_kl_div_match_the_reference_at_hard_points()
    {
        int checkedValues = 0;
        foreach (var e in MoreReferenceCases.Generated.GetProperty("elementwise").EnumerateArray())
        {
            double x = e.GetProperty("x").GetDouble();
            if (e.TryGetProperty("entr", out var entr))
            {
                AssertSignedClose(MoreReferenceCases.Parse(entr.GetString()!), Measures.Entr(x), $"entr({x:R})");
                checkedValues++;
                continue;
            }
            double y = e.GetProperty("y").GetDouble();
            AssertSignedClose(MoreReferenceCases.Parse(e.GetProperty("rel_entr").GetString()!), Measures.RelEntr(x, y), $"rel_entr({x:R}, {y:R})");
            GoldenValueTests.AssertClose(MoreReferenceCases.Parse(e.GetProperty("kl_div").GetString()!), Measures.KlDiv(x, y), $"kl_div({x:R}, {y:R})");
            checkedValues += 2;
        }
        Assert.True(checkedValues >= 50);
    }

    [Fact]
    public void Elementwise_span_overloads_give_the_scalar_values()
    {
        double[] x = [0, 0.5, 1, 3, 1e-300, 0, 2];
        double[] y = [0, 0.25, 1, 0, 1, 2, 5e-324];
        var rel = new double[x.Length];
        var kl = new double[x.Length];
        var entr = new double[x.Length];
        Measures.RelEntr(x, y, rel);
        Measures.KlDiv(x, y, kl);
        Measures.Entr(x, entr);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(Measures.RelEntr(x[i], y[i]), rel[i]);
            Assert.Equal(Measures.KlDiv(x[i], y[i]), kl[i]);
            Assert.Equal(Measures.Entr(x[i]), entr[i]);
        }
        Assert.Equal(double.PositiveInfinity, rel[3]);
        Assert.Equal(2.0, kl[5]);
        Assert.Equal(0.0, rel[0]);
    }

    [Fact]
    public void Vasicek_matches_the_reference()
    {
        foreach (var v in MoreReferenceCases.Generated.GetProperty("vasicek").EnumerateArray())
        {
            var samples = MoreReferenceCases.Doubles(v.GetProperty("samples"));
            var window = v.GetProperty("window");
            int? m = window.ValueKind == System.Text.Json.JsonValueKind.Null ? null : window.GetInt32();
            AssertSignedClose(MoreReferenceCases.Parse(v.GetProperty("expected").GetString()!), Measures.VasicekEntropy(samples, m), v.GetProperty("name").GetString()!);
        }
    }

    /// <summary>Values of either sign (rel_entr, entr, differential entropies) to 1e-12 relative; zeros and infinities exactly.</summary>
    internal static void AssertSignedClose(double expected, double actual, string what)
    {
        if (expected == 0 || double.IsInfinity(expected))
        {
            Assert.True(expected == actual, $"{what}: expected exactly {expected:R}, got {actual:R}");
            return;
        }
        double relative = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.True(relative <= 1e-12 || (Math.Abs(expected) < 2.2250738585072014E-308 && Math.Abs(actual - expected) <= 4e-323),
            $"{what}: expected {expected:R}, got {actual:R} (relative error {relative:E2})");
    }
}

/// <summary>The summary behind <c>kullback measure --all</c>: every further measure, each the library's own, and the shared references where they have the key.</summary>
public class MoreMeasureSummaryTests
{
    [Fact]
    public void Summary_with_all_matches_the_shared_references_for_every_key_they_have()
    {
        int matched = 0;
        foreach (var c in MoreReferenceCases.PairCases.Where(c => c.Name.StartsWith("shared:", StringComparison.Ordinal)))
        {
            var s = MeasureSummary.Compute(c.P, c.Q, all: true);
            foreach (var d in MeasureSummary.MoreDefinitions)
            {
                if (!c.Expected.TryGetValue(d.Key, out var text)) continue;
                GoldenValueTests.AssertClose(MoreReferenceCases.Parse(text), d.ValueIn(s), $"{c.Name} {d.Key}");
                matched++;
            }
        }
        Assert.True(matched > 400, $"only {matched} values compared");
    }

    [Fact]
    public void Summary_without_all_has_no_further_measures_and_says_so_when_asked()
    {
        var s = MeasureSummary.Compute([0.5, 0.5], [0.25, 0.75]);
        Assert.Empty(s.More);
        Assert.Throws<InvalidOperationException>(() => MeasureSummary.MoreDefinitions[0].ValueIn(s));
        Assert.Equal(MeasureSummary.MoreDefinitions.Count, MeasureSummary.MoreDefinitions.Select(d => d.Key).Distinct().Count());
    }
}
