using CsCheck;
using Kullback.Comparison;

namespace Kullback.Tests.Comparison;

public class BinningTests
{
    [Fact]
    public void QuantileEdgesAreTypeOneQuantilesOfTheReference()
    {
        double[] reference = [.. Enumerable.Range(1, 100).Select(i => (double)i)];
        var edges = NumericBinning.FromReference(reference, new NumericBinningOptions { BinCount = 4 });
        Assert.Equal(BinningRule.Quantile, edges.Rule);
        // ⌈p·n⌉-th values at p = 0, ¼, ½, ¾: 1, 25, 50, 75; then the next double above the maximum 100.
        Assert.Equal([1.0, 25.0, 50.0, 75.0, Math.BitIncrement(100.0)], edges.Edges.ToArray());
        var h = edges.Histogram(reference, []);
        Assert.Equal([0L, 24, 25, 25, 26, 0, 0], h.Reference.ToArray());   // underflow, 4 bins, overflow, missing
    }

    [Fact]
    public void DuplicateQuantilesAreRemoved()
    {
        double[] reference = [.. Enumerable.Repeat(0.0, 70).Concat(Enumerable.Range(1, 30).Select(i => (double)i))];
        var edges = NumericBinning.FromReference(reference, new NumericBinningOptions { BinCount = 10, PerValueThreshold = 0 });
        Assert.Equal(edges.Edges.Distinct().Count(), edges.Edges.Length);
        Assert.Equal(0.0, edges.Edges[0]);
        Assert.True(edges.Edges.Length < 11);
    }

    [Fact]
    public void EnginesQuantilesGiveTheSameEdges()
    {
        double[] reference = [.. Enumerable.Range(0, 1000).Select(i => Math.Sqrt(i) * 3.7)];
        var probabilities = NumericBinning.QuantileProbabilities(10);
        // What an engine's percentile_disc returns at each probability.
        double[] quantiles = [.. probabilities.Select(p => reference[Math.Max(0, (int)Math.Ceiling(p * reference.Length) - 1)])];
        Assert.Equal(NumericBinning.FromReference(reference).Edges.ToArray(), NumericBinning.FromQuantiles(quantiles).Edges.ToArray());
    }

    [Fact]
    public void LowCardinalityNumericsAreBinnedPerValue()
    {
        double[] reference = [0, 0, 1, 1, 1, 3, 3, 7];
        var edges = NumericBinning.FromReference(reference);
        Assert.Equal(BinningRule.PerValue, edges.Rule);
        Assert.Equal([0.0, 1.0, 3.0, 7.0, Math.BitIncrement(7.0)], edges.Edges.ToArray());
        var h = edges.Histogram(reference, [2, 5, 9, double.NaN]);
        Assert.Equal([0L, 2, 3, 2, 1, 0, 0], h.Reference.ToArray());
        Assert.Equal([0L, 0, 1, 1, 0, 1, 1], h.Current.ToArray());   // 2 → [1, 3), 5 → [3, 7), 9 → overflow, NaN → missing
    }

    [Fact]
    public void AutoUsesFreedmanDiaconisForOrdinaryDataAndDoaneForHeavyTails()
    {
        var rng = new Random(7);
        double[] normal = [.. Enumerable.Range(0, 5000).Select(_ => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble())).Order()];
        var fd = NumericBinning.FromReference(normal, new NumericBinningOptions { Auto = true });
        Assert.Equal(BinningRule.FreedmanDiaconis, fd.Rule);
        // 2·IQR·n^(−1/3) with IQR ≈ 1.35 and n = 5000 is ≈ 0.158: about range/0.158 bins.
        var summary = NumericBinning.Summarise(normal);
        double expectedBins = Math.Ceiling((summary.Maximum - summary.Minimum) / (2 * (summary.UpperQuartile - summary.LowerQuartile) / Math.Cbrt(5000)));
        Assert.Equal(expectedBins, fd.Edges.Length - 1);

        double[] heavy = [.. normal.Select(x => Math.Exp(4 * x)).Order()];
        var doane = NumericBinning.FromReference(heavy, new NumericBinningOptions { Auto = true });
        Assert.Equal(BinningRule.Doane, doane.Rule);
        Assert.InRange(doane.Edges.Length - 1, 10, 30);
    }

    [Fact]
    public void WidthBinsAreEqual()
    {
        var edges = NumericBinning.Width(0, 10, 5);
        Assert.Equal([0.0, 2, 4, 6, 8, Math.BitIncrement(10.0)], edges.Edges.ToArray());
        var huge = NumericBinning.Width(-double.MaxValue, double.MaxValue, 4);
        Assert.All(huge.Edges, e => Assert.True(double.IsFinite(e)));
    }

    [Fact]
    public void EveryCurrentValueLandsInExactlyOneBin() =>
        Gen.Select(Gen.Double[-100, 100].Array[1, 200], Gen.Frequency((5, Gen.Double[-200, 200]), (1, Gen.Const(double.NaN)), (1, Gen.Const(double.PositiveInfinity)), (1, Gen.Const(double.NegativeInfinity))).Array[0, 100], Gen.Int[1, 30])
            .Sample((reference, current, k) =>
            {
                var sorted = reference.Order().ToArray();
                var edges = NumericBinning.FromReference(sorted, new NumericBinningOptions { BinCount = k });
                var h = edges.Histogram(sorted, current);
                if (h.CurrentTotal != current.Length || h.ReferenceTotal != reference.Length) return false;
                // The reference fills only regular bins: the underflow and overflow bins are for values outside its range.
                if (h.Reference[0] != 0 || h.Reference[^2] != 0) return false;
                foreach (double x in current)
                {
                    int holding = h.Bins.Count(b => b is RangeBin r ? r.Contains(x) : double.IsNaN(x));
                    if (holding != 1) return false;
                }
                return true;
            });

    [Fact]
    public void EdgesDependOnTheReferenceOnly()
    {
        double[] reference = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22];
        var a = NumericBinning.FromReference(reference).Histogram(reference, [100, 200, 300]);
        var b = NumericBinning.FromReference(reference).Histogram(reference, [-5]);
        Assert.Equal(a.Bins.ToArray(), b.Bins.ToArray());
    }

    [Fact]
    public void EmptyReferenceGivesOneUnboundedBin()
    {
        var edges = NumericBinning.FromReference([]);
        Assert.Equal(BinningRule.Unbounded, edges.Rule);
        Assert.Equal(new Bin[] { new RangeBin(null, null), MissingBin.Instance }, edges.Bins.ToArray());
    }

    [Fact]
    public void UnsortedOrNonFiniteReferenceIsRefused()
    {
        Assert.Throws<InvalidArgumentException>(() => NumericBinning.FromReference([2.0, 1.0]));
        Assert.Throws<InvalidArgumentException>(() => NumericBinning.FromReference([1.0, double.NaN]));
        Assert.Throws<InvalidArgumentException>(() => NumericBinning.FromReference([1.0], new NumericBinningOptions { BinCount = 0 }));
        Assert.Throws<InvalidArgumentException>(() => new NumericBinEdges([1.0, 1.0], BinningRule.Quantile));
    }

    [Fact]
    public void CategoricalBinsCapAndNameChanges()
    {
        var reference = new Dictionary<string, long> { ["a"] = 50, ["b"] = 30, ["c"] = 10, ["d"] = 5, ["gone"] = 2 };
        var current = new Dictionary<string, long> { ["a"] = 40, ["b"] = 35, ["c"] = 9, ["d"] = 1, ["new1"] = 7, ["new2"] = 3 };
        var result = CategoricalBinning.Build(reference, current, referenceMissing: 4, currentMissing: 9, cap: 3);
        var h = result.Histogram;
        Assert.Equal(new Bin[] { new ValueBin("a"), new ValueBin("b"), new ValueBin("c"), new ValueBin("new1"), new ValueBin("new2"), OtherBin.Instance, MissingBin.Instance }, h.Bins.ToArray());
        Assert.Equal([50L, 30, 10, 0, 0, 7, 4], h.Reference.ToArray());
        Assert.Equal([40L, 35, 9, 7, 3, 1, 9], h.Current.ToArray());
        Assert.Equal(["new1", "new2"], result.NewCategories.ToArray());
        Assert.Equal(["gone"], result.VanishedCategories.ToArray());
        Assert.Equal(2, result.CategoriesInOther);
    }

    [Fact]
    public void CategoriesAreComparedByOrdinalText()
    {
        var result = CategoricalBinning.Build([new("é", 3), new("e\u0301", 4)], [new("é", 3)]);
        Assert.Equal(3, result.Histogram.Count);   // two distinct texts and the missing bin
    }
}
