using Kullback.Comparison;

namespace Kullback.Tests.Comparison;

/// <summary>Hostile input gives an exception that says why, never NaN.</summary>
public class ValidationTests
{
    [Fact]
    public void SamplesMustBeFiniteSortedAndNonEmpty()
    {
        Assert.Throws<InvalidArgumentException>(() => GroupedSamples.FromSorted([], [1.0]));
        Assert.Throws<InvalidArgumentException>(() => GroupedSamples.FromSorted([1.0], []));
        Assert.Throws<InvalidArgumentException>(() => GroupedSamples.FromSorted([2.0, 1.0], [1.0]));
        Assert.Throws<InvalidArgumentException>(() => GroupedSamples.FromSorted([double.NaN], [1.0]));
        Assert.Throws<InvalidArgumentException>(() => GroupedSamples.FromValues([double.PositiveInfinity], [1.0]));
        Assert.Throws<InvalidArgumentException>(() => GroupedSamples.FromCounts([1.0, 1.0], [1, 1], [1, 1]));
        Assert.Throws<InvalidArgumentException>(() => GroupedSamples.FromCounts([1.0, 2.0], [1, -1], [1, 1]));
        Assert.Throws<InvalidArgumentException>(() => GroupedSamples.FromCounts([1.0, 2.0], [0, 0], [1, 1]));
        var e = Assert.Throws<InvalidArgumentException>(() => GroupedSamples.FromSorted([1.0, double.NaN], [1.0]));
        Assert.Contains("missing bin", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeZeroEqualsZero()
    {
        var g = GroupedSamples.FromSorted([-0.0, 0.0, 1.0], [0.0]);
        Assert.Equal(2, g.Values.Length);
        Assert.Equal(2L, g.Reference[0]);
    }

    [Fact]
    public void CramerVonMisesNeedsTwoValuesPerSample()
    {
        Assert.Throws<InvalidArgumentException>(() => TwoSampleTests.CramerVonMises(GroupedSamples.FromSorted([1.0], [1.0, 2.0])));
        Assert.Throws<NotComputableException>(() => TwoSampleTests.CramerVonMises(GroupedSamples.FromValues([.. Enumerable.Range(0, 30).Select(i => (double)i)], [1.0, 2.0]), TestMethod.Exact));
    }

    [Fact]
    public void ExactKolmogorovSmirnovRefusesSizesItCannotCount() =>
        Assert.Throws<NotComputableException>(() => TwoSampleTests.KolmogorovSmirnov(
            GroupedSamples.FromCounts([1.0, 2.0], [60_000, 40_000], [30_000, 20_001]), TestMethod.Exact));

    [Fact]
    public void MeasuresNeedBothSamples()
    {
        var h = new ColumnHistogram([new ValueBin("a"), MissingBin.Instance], [0, 0], [3, 1]);
        Assert.Throws<InvalidArgumentException>(() => DriftMeasures.Compute(h));
        Assert.Throws<InvalidArgumentException>(() => GTest.Compute(h));
        // All values missing is still a distribution (over the missing bin).
        var allMissing = new ColumnHistogram([new ValueBin("a"), MissingBin.Instance], [0, 5], [3, 1]);
        Assert.True(DriftMeasures.Compute(allMissing).PopulationStabilityIndex.Nats > 0);
    }

    [Fact]
    public void CellsMustBeOrdered()
    {
        Assert.Throws<InvalidArgumentException>(() => new BinnedSamples([0.0, 0.5], [1.0, 2.0], [1, 1], [1, 1]));
        Assert.Throws<InvalidArgumentException>(() => new BinnedSamples([1.0], [0.0], [1], [1]));
        Assert.Throws<InvalidArgumentException>(() => new BinnedSamples([double.NaN], [0.0], [1], [1]));
        Assert.Throws<InvalidArgumentException>(() => BinnedSamples.FromHistogram(new ColumnHistogram([new ValueBin("a")], [1], [1])));
    }

    [Fact]
    public void PermutationsMustBeInRange()
    {
        var g = GroupedSamples.FromSorted([1.0, 2.0], [1.0, 3.0]);
        Assert.Throws<InvalidArgumentException>(() => PermutationTest.Run(g, DistributionStatistic.Wasserstein, 0, 1));
        Assert.Throws<NotComputableException>(() => PermutationTest.Run(g.Reference.AsSpan(), g.Current.AsSpan(), (_, _) => double.NaN, 5, 1));
    }

    [Fact]
    public void SmoothingIsNamed()
    {
        Assert.Equal("jeffreys (a = 0.5)", Smoothing.Jeffreys.ToString());
        Assert.Equal("none", Smoothing.None.ToString());
        Assert.Equal("pseudocount a = 0.01", Smoothing.Of(0.01).ToString());
        Assert.True(default(Smoothing).IsNone);
    }

    [Fact]
    public void CramerVonMisesIsLeftOutWhenASampleHasOneValue()
    {
        var one = TwoSampleStatistics.FromSorted([1.0, 2.0, 3.0], [2.5]);
        Assert.Null(one.CramerVonMises);
        Assert.Equal(TestMethod.Exact, one.KolmogorovSmirnov.Method);
        var bounds = TwoSampleBounds.Compute(new BinnedSamples([0.0, 2.0], [2.0, 4.0], [2, 1], [0, 1]));
        Assert.Null(bounds.CramerVonMisesStatistic);
        Assert.Null(bounds.CramerVonMisesPValue);
    }
}
