using Kullback.Comparison;

namespace Kullback.Tests.Comparison;

/// <summary>G-test, smoothed binned measures and Holm against mpmath (60 digits), scipy and the definition.</summary>
public class BinnedGoldenTests
{
    private static ColumnHistogram Histogram(long[] reference, long[] current) =>
        new(Enumerable.Range(0, reference.Length).Select(i => (Bin)new ValueBin("c" + i)), reference, current);

    public static TheoryData<string> GTests => CompareCases.Names("gtests");

    [Theory]
    [MemberData(nameof(GTests))]
    public void GTestMatchesSixtyDigitsAndScipy(string name)
    {
        var c = CompareCases.Named("gtests", name);
        var g = GTest.Compute(Histogram(c.Longs("reference"), c.Longs("current")));
        Assert.Equal(c.GetProperty("df").GetInt32(), g.DegreesOfFreedom);
        CompareCases.Close(c.Number("g"), g.Statistic, 1e-12, 0, "G");
        CompareCases.Close(c.Number("mi_nats"), g.MutualInformation.Nats, 1e-12, 0, "I(sample; bin)");
        CompareCases.Close(c.Number("p"), g.PValue, 1e-10, 0, "p");
        if (c.Has("scipy_g"))
        {
            CompareCases.Close(c.Number("scipy_g"), g.Statistic, 1e-9, 1e-12, "G (scipy)");
            Assert.Equal(c.GetProperty("scipy_df").GetInt32(), g.DegreesOfFreedom);
            if (c.Number("scipy_p") > 1e-250) CompareCases.Close(c.Number("scipy_p"), g.PValue, 1e-8, 1e-300, "p (scipy)");
        }
    }

    [Fact]
    public void GTestPValueStaysAccurateFarIntoTheTail()
    {
        // 1 − CDF would be exactly 0 here; the upper incomplete gamma keeps every digit.
        var c = CompareCases.Named("gtests", "new-category");
        var g = GTest.Compute(Histogram(c.Longs("reference"), c.Longs("current")));
        Assert.InRange(g.PValue, 7e-10, 9e-10);
        var many = CompareCases.Named("gtests", "many-bins");
        CompareCases.Close(many.Number("p"), GTest.Compute(Histogram(many.Longs("reference"), many.Longs("current"))).PValue, 1e-9, 0, "p in the far tail");
    }

    public static TheoryData<string> BinnedCases => CompareCases.Names("binned");

    [Theory]
    [MemberData(nameof(BinnedCases))]
    public void SmoothedMeasuresMatchSixtyDigits(string name)
    {
        var c = CompareCases.Named("binned", name);
        var measures = DriftMeasures.Compute(Histogram(c.Longs("reference"), c.Longs("current")), Smoothing.Of(c.Number("pseudocount")));
        CompareCases.Close(c.Number("kl_reference_current"), measures.KullbackLeiblerReferenceCurrent.Nats, 1e-12, 0, "D(ref‖cur)");
        CompareCases.Close(c.Number("kl_current_reference"), measures.KullbackLeiblerCurrentReference.Nats, 1e-12, 0, "D(cur‖ref)");
        CompareCases.Close(c.Number("psi"), measures.PopulationStabilityIndex.Nats, 1e-12, 0, "PSI");
        CompareCases.Close(c.Number("js_divergence"), measures.JensenShannonDivergence.Nats, 1e-12, 0, "JS");
        CompareCases.Close(c.Number("js_distance"), measures.JensenShannonDistance, 1e-12, 0, "√JS");
        CompareCases.Close(c.Number("hellinger"), measures.Hellinger, 1e-12, 0, "Hellinger √(1 − Σ√(pq))");
        CompareCases.Close(c.Number("total_variation"), measures.TotalVariation, 1e-12, 0, "TV");
        double psi = measures.PopulationStabilityContributions.Sum();
        CompareCases.Close(c.Number("psi"), psi, 1e-12, 0, "Σ PSI contributions");
    }

    [Fact]
    public void MeasuresInBitsAreTheNatsDividedByLnTwo()
    {
        var c = CompareCases.Named("binned", "jeffreys-small");
        var h = Histogram(c.Longs("reference"), c.Longs("current"));
        var bits = DriftMeasures.Compute(h, Smoothing.Jeffreys, InformationUnit.Bits);
        CompareCases.Close(c.Number("psi") / Math.Log(2), bits.PopulationStabilityIndex.Bits, 1e-12, 0, "PSI in bits");
        CompareCases.Close(Math.Sqrt(c.Number("js_divergence") / Math.Log(2)), bits.JensenShannonDistance, 1e-12, 0, "√JS with JS in bits");
        Assert.True(bits.JensenShannonDivergence.Bits <= 1.0);
    }

    [Fact]
    public void WithoutSmoothingAnEmptyBinMakesKullbackLeiblerInfiniteAndIsNamed()
    {
        var c = CompareCases.Named("binned", "none-infinite");
        var h = Histogram(c.Longs("reference"), c.Longs("current"));
        var m = DriftMeasures.Compute(h, Smoothing.None);
        Assert.True(m.KullbackLeiblerCurrentReference.IsInfinite);
        Assert.True(m.PopulationStabilityIndex.IsInfinite);
        Assert.False(m.KullbackLeiblerReferenceCurrent.IsInfinite);
        Assert.Equal(new Bin[] { new ValueBin("c2") }, m.InfiniteCurrentReferenceAt.ToArray());
        Assert.Empty(m.InfiniteReferenceCurrentAt);
        Assert.True(double.IsPositiveInfinity(m.PopulationStabilityContributions[2]));
        Assert.True(double.IsFinite(m.JensenShannonDivergence.Nats) && double.IsFinite(m.Hellinger) && double.IsFinite(m.TotalVariation));
    }

    public static TheoryData<int> HolmCases => new(Enumerable.Range(0, CompareCases.Section("holm").Count()));

    [Theory]
    [MemberData(nameof(HolmCases))]
    public void HolmMatchesTheDefinition(int index)
    {
        var c = CompareCases.Section("holm").ElementAt(index);
        var adjusted = HolmCorrection.Adjust(c.Doubles("p"));
        var expected = c.Doubles("adjusted");
        Assert.Equal(expected.Length, adjusted.Length);
        for (int i = 0; i < expected.Length; i++) CompareCases.Close(expected[i], adjusted[i], 1e-15, 0, $"p̃[{i}]");
    }

    [Fact]
    public void HolmByHand()
    {
        // m = 4: sorted 0.005, 0.01, 0.03, 0.04 → 0.02, 0.03, 0.06, max(0.06, 0.04) = 0.06.
        Assert.Equal([0.03, 0.06, 0.06, 0.02], HolmCorrection.Adjust([0.01, 0.04, 0.03, 0.005]), new ToleranceComparer(1e-15));
        Assert.Empty(HolmCorrection.Adjust([]));
        Assert.Throws<InvalidArgumentException>(() => HolmCorrection.Adjust([0.1, double.NaN]));
        Assert.Throws<InvalidArgumentException>(() => HolmCorrection.Adjust([1.5]));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
