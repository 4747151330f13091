using Kullback.Comparison;

namespace Kullback.Tests.Comparison;

/// <summary>Each defect users report in the drift tools we compete with, shown impossible here.</summary>
public class PeerDefectTests
{
    private static readonly double[] Reference = [.. Enumerable.Range(0, 1000).Select(i => Math.Sin(i) * 10 + i / 100.0).Order()];

    [Fact]
    public void EvidentlyBinsOverBothSamplesAndIgnoresTheBinCount()
    {
        // Bins come from the reference only, and the number asked for is the number made (continuous data, no ties).
        foreach (int k in new[] { 3, 10, 37 })
        {
            var edges = NumericBinning.FromReference(Reference, new NumericBinningOptions { BinCount = k });
            Assert.Equal(k, edges.Edges.Length - 1);
            var withDrift = edges.Histogram(Reference, [.. Reference.Select(x => x + 50)]);
            var withoutDrift = edges.Histogram(Reference, Reference);
            Assert.Equal(withoutDrift.Bins.ToArray(), withDrift.Bins.ToArray());
        }
    }

    [Fact]
    public void EvidentlyFillsEmptyBinsWithoutRenormalising()
    {
        var m = DriftMeasures.Compute(new ColumnHistogram([new ValueBin("a"), new ValueBin("b"), new ValueBin("c")], [10, 0, 0], [0, 10, 0]));
        Assert.Equal(1.0, m.ReferenceProportions.Sum(), 15);
        Assert.Equal(1.0, m.CurrentProportions.Sum(), 15);
        CompareCases.Close(0.5 / 11.5, m.ReferenceProportions[1], 1e-15);   // (0 + ½)/(10 + 3·½): the pseudocount, renormalised
    }

    [Fact]
    public void EvidentlyCallsJensenShannonInNatsBoundedByOne()
    {
        var m = DriftMeasures.Compute(new ColumnHistogram([new ValueBin("a"), new ValueBin("b")], [10, 0], [0, 10]), Smoothing.None);
        Assert.Equal(Math.Log(2), m.JensenShannonDivergence.Nats, 15);   // the bound is ln 2 in nats…
        Assert.Equal(1.0, m.JensenShannonDivergence.Bits, 15);           // …and 1 in bits; the unit is part of the value
        Assert.Equal(Math.Sqrt(Math.Log(2)), m.JensenShannonDistance, 15);
        Assert.Equal(InformationUnit.Nats, m.Unit);
    }

    [Fact]
    public void EvidentlyRaisesOnGTestsBetweenSamplesOfDifferentSizes()
    {
        var g = GTest.Compute(new ColumnHistogram([new ValueBin("a"), new ValueBin("b")], [1_000_000, 2_000_000], [3, 4]));
        Assert.InRange(g.PValue, 0.0, 1.0);
        Assert.Equal(1, g.DegreesOfFreedom);
    }

    [Fact]
    public void EvidentlyReturnsNaNOnAOneCategoryColumn()
    {
        var h = new ColumnHistogram([new ValueBin("only")], [10], [20]);
        Assert.Equal(0, DriftMeasures.Compute(h).PopulationStabilityIndex.Nats);
        Assert.Equal(1, GTest.Compute(h).PValue);
    }

    [Fact]
    public void PopmonTakesPsiOnRawCountsWithAFixedEpsilon()
    {
        // PSI is over proportions: the same distribution at ten times the size has the same PSI.
        var small = DriftMeasures.Compute(new ColumnHistogram([new ValueBin("a"), new ValueBin("b")], [30, 70], [50, 50]), Smoothing.None);
        var large = DriftMeasures.Compute(new ColumnHistogram([new ValueBin("a"), new ValueBin("b")], [300, 700], [5000, 5000]), Smoothing.None);
        Assert.Equal(small.PopulationStabilityIndex.Nats, large.PopulationStabilityIndex.Nats, 15);
        Assert.Equal(0.2 * Math.Log(7.0 / 3), small.PopulationStabilityIndex.Nats, 15);   // (0.5−0.3)ln(5/3) + (0.5−0.7)ln(5/7)
    }

    [Fact]
    public void DeepchecksFloorsSmallProportions()
    {
        var m = DriftMeasures.Compute(new ColumnHistogram([new ValueBin("rare"), new ValueBin("common")], [1, 9999], [1, 9999]), Smoothing.None);
        CompareCases.Close(1e-4, m.ReferenceProportions[0], 1e-15);
    }

    [Fact]
    public void WhylogsMergesDependOnOrder()
    {
        var edges = NumericBinning.FromReference(Reference);
        var parts = Enumerable.Range(0, 5).Select(p => edges.Histogram(Reference.Where((_, i) => i % 5 == p).ToArray(), Reference.Where((_, i) => i % 7 == p).ToArray())).ToArray();
        var forward = parts.Aggregate((a, b) => a + b);
        var backward = parts.Reverse().Aggregate((a, b) => a + b);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void AlibiLeavesTheObservedStatisticOutOfThePermutationPValue()
    {
        // Samples far apart: no shuffle reaches the observed statistic, and the p-value is 1/(N + 1), not 0.
        var samples = GroupedSamples.FromValues([.. Enumerable.Range(0, 30).Select(i => (double)i)], [.. Enumerable.Range(100, 30).Select(i => (double)i)]);
        var result = PermutationTest.Run(samples, DistributionStatistic.Wasserstein, 99, seed: 3);
        Assert.Equal(0, result.AtLeastAsExtreme);
        Assert.Equal(0.01, result.PValue);
    }
}
