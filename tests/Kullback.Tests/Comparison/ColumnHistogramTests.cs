using CsCheck;
using Kullback.Comparison;

namespace Kullback.Tests.Comparison;

public class ColumnHistogramTests
{
    private static readonly Bin[] Numeric = new NumericBinEdges([0.0, 1.0, 2.5, 4.0], BinningRule.Quantile).Bins.ToArray();

    private static readonly Gen<ColumnHistogram> Histograms =
        Gen.Select(Gen.Long[0, 1_000_000].Array[Numeric.Length], Gen.Long[0, 1_000_000].Array[Numeric.Length])
            .Select((r, c) => new ColumnHistogram(Numeric, r, c));

    [Fact]
    public void MergeIsCommutativeAndAssociative() =>
        Gen.Select(Histograms, Histograms, Histograms).Sample((a, b, c) =>
            (a + b).Equals(b + a) && ((a + b) + c).Equals(a + (b + c)) && (a + b).ReferenceTotal == a.ReferenceTotal + b.ReferenceTotal);

    [Fact]
    public void MergeInAnyOrderGivesTheSameMeasures() =>
        Gen.Select(Histograms, Histograms, Histograms).Where((a, b, c) => a.ReferenceTotal + b.ReferenceTotal + c.ReferenceTotal > 0 && a.CurrentTotal + b.CurrentTotal + c.CurrentTotal > 0)
            .Sample((a, b, c) => DriftMeasures.Compute(a + b + c).PopulationStabilityIndex == DriftMeasures.Compute(c + (a + b)).PopulationStabilityIndex);

    [Fact]
    public void MergeRefusesDifferentEdges()
    {
        var a = new NumericBinEdges([0.0, 1.0, 2.0], BinningRule.Quantile).Histogram([0.5, 1.5], [0.2]);
        var b = new NumericBinEdges([0.0, 1.5, 2.0], BinningRule.Quantile).Histogram([0.5, 1.5], [0.2]);
        var e = Assert.Throws<InvalidArgumentException>(() => a.Merge(b));
        Assert.Contains("different bins", e.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NewAndVanishedCategoriesAreNamed()
    {
        var h = new ColumnHistogram([new ValueBin("red"), new ValueBin("green"), new ValueBin("blue"), MissingBin.Instance], [5, 3, 0, 1], [4, 0, 2, 0]);
        Assert.Equal(["blue"], h.NewCategories.ToArray());
        Assert.Equal(["green"], h.VanishedCategories.ToArray());
        Assert.False(h.IsNumeric);
    }

    [Fact]
    public void InvalidHistogramsAreRefused()
    {
        Assert.Throws<InvalidArgumentException>(() => new ColumnHistogram([], [], []));
        Assert.Throws<InvalidArgumentException>(() => new ColumnHistogram([new ValueBin("a")], [1, 2], [1]));
        Assert.Throws<InvalidArgumentException>(() => new ColumnHistogram([new ValueBin("a")], [-1], [1]));
        Assert.Throws<InvalidArgumentException>(() => new ColumnHistogram([new ValueBin("a"), new ValueBin("a")], [1, 1], [1, 1]));
        Assert.Throws<InvalidArgumentException>(() => new ColumnHistogram([new RangeBin(0, 1), new ValueBin("a")], [1, 1], [1, 1]));
        Assert.Throws<InvalidArgumentException>(() => new ColumnHistogram([new RangeBin(0, 2), new RangeBin(1, 3)], [1, 1], [1, 1]));
        Assert.Throws<InvalidArgumentException>(() => new ColumnHistogram([new ValueBin("a"), new ValueBin("b")], [long.MaxValue, 1], [1, 1]));
        Assert.Throws<InvalidArgumentException>(() => new RangeBin(1, 1));
        Assert.Throws<InvalidArgumentException>(() => new RangeBin(double.NaN, 1));
        Assert.Throws<InvalidArgumentException>(() => new RangeBin(0, double.PositiveInfinity));
    }

    [Fact]
    public void RangeBinsHoldLowerButNotUpper()
    {
        var bin = new RangeBin(1.5, 2.5);
        Assert.True(bin.Contains(1.5));
        Assert.False(bin.Contains(2.5));
        Assert.False(bin.Contains(double.NaN));
        Assert.Equal("[1.5, 2.5)", bin.Label);
        Assert.Equal("(-inf, 0)", new RangeBin(null, 0).Label);
        double aboveMaximum = Math.BitIncrement(23.22);                          // the edge the rules put just above the maximum
        Assert.Equal("[13.77, 23.22]", new RangeBin(13.77, aboveMaximum).Label);
        Assert.Equal("(23.22, +inf)", new RangeBin(aboveMaximum, null).Label);
        Assert.Equal("[0.1, 0.3]", new RangeBin(0.1, 0.1 + 0.2).Label);                 // 0.1 + 0.2 is the next double above 0.3: x < it is x ≤ 0.3
        Assert.Equal("[0.1, 0.7999999999999999)", new RangeBin(0.1, 0.7 + 0.1).Label);   // not one step above a shorter number
        Assert.True(new RangeBin(null, null).Contains(double.NegativeInfinity));
    }

    [Fact]
    public void CategoryLabelsAreEscaped() =>
        Assert.Equal("'a\\x1B[31m'", new ValueBin("a\u001b[31m").Label);
}
