using CsCheck;
using Kullback.Comparison;

namespace Kullback.Tests.Comparison;

/// <summary>Properties of the mathematics, and the peers' defects that must be impossible here.</summary>
public class ComparisonPropertyTests
{
    private static ColumnHistogram Categorical(long[] reference, long[] current) =>
        new(Enumerable.Range(0, reference.Length).Select(i => (Bin)new ValueBin("v" + i)), reference, current);

    private static readonly Gen<long[]> Counts = Gen.Long[0, 100_000].Array[1, 30].Where(a => a.Sum() > 0);

    private static readonly Gen<(long[] Reference, long[] Current)> CountPairs =
        Gen.Int[1, 30].SelectMany(n => Gen.Select(Gen.Long[0, 100_000].Array[n], Gen.Long[0, 100_000].Array[n])).Where(p => p.Item1.Sum() > 0 && p.Item2.Sum() > 0);

    [Fact]
    public void IdenticalHistogramsGiveExactlyZeroAndPOne() =>
        Gen.Select(Counts, Gen.Double[0, 2]).Sample((counts, a) =>
        {
            var h = Categorical(counts, counts);
            var m = DriftMeasures.Compute(h, Smoothing.Of(a));
            var g = GTest.Compute(h);
            return m.PopulationStabilityIndex.Nats == 0 && m.KullbackLeiblerReferenceCurrent.Nats == 0 && m.KullbackLeiblerCurrentReference.Nats == 0
                && m.JensenShannonDivergence.Nats == 0 && m.JensenShannonDistance == 0 && m.Hellinger == 0 && m.TotalVariation == 0
                && m.PopulationStabilityContributions.All(x => x == 0) && g.Statistic == 0 && g.PValue == 1;
        });

    [Fact]
    public void IdenticalSamplesGiveZeroDistanceAndPOne() =>
        Gen.Double[-10, 10].Array[2, 60].Sample(values =>
        {
            var s = TwoSampleStatistics.FromSorted(values.Order().ToArray(), values.Order().ToArray());
            return s.KolmogorovSmirnov.Statistic == 0 && s.KolmogorovSmirnov.PValue == 1 && s.Wasserstein.Distance == 0
                && s.Wasserstein.Normalized == 0 && s.CramerVonMises!.PValue >= 0.99 && s.CramerVonMises!.Statistic < 0.1;
        });

    [Fact]
    public void OneCategoryColumnGivesZeroNotNaN()
    {
        var h = Categorical([1234], [5]);
        var m = DriftMeasures.Compute(h);
        Assert.Equal(0, m.PopulationStabilityIndex.Nats);
        Assert.Equal(0, m.JensenShannonDivergence.Nats);
        Assert.Equal(0, m.Hellinger);
        Assert.Equal(0, m.TotalVariation);
        var g = GTest.Compute(h);
        Assert.Equal((0.0, 0, 1.0), (g.Statistic, g.DegreesOfFreedom, g.PValue));
        var constant = TwoSampleStatistics.FromSorted([3, 3, 3, 3], [3, 3]);
        Assert.Equal(0, constant.KolmogorovSmirnov.Statistic);
        Assert.Equal(1, constant.KolmogorovSmirnov.PValue);
        Assert.Equal(0, constant.Wasserstein.Normalized);   // 0/0 is 0 here: no distance, no spread
        Assert.False(double.IsNaN(constant.CramerVonMises!.PValue));
    }

    [Fact]
    public void ProportionalCountsOfDifferentSizesAreHomogeneous()
    {
        var g = GTest.Compute(Categorical([10, 20, 30], [1000, 2000, 3000]));
        Assert.Equal(0, g.Statistic);
        Assert.Equal(1, g.PValue);
        var psi = DriftMeasures.Compute(Categorical([10, 20, 30], [1000, 2000, 3000]), Smoothing.None).PopulationStabilityIndex;
        Assert.Equal(0, psi.Nats);
    }

    [Fact]
    public void SmoothedProportionsSumToOneAndAreNotFloored() =>
        Gen.Select(Counts, Gen.Double[0, 3]).Where((c, a) => true).Sample((counts, a) =>
        {
            var current = counts.Select((x, i) => (x * 7 + i) % 1000).ToArray();
            if (current.Sum() == 0) return true;
            var m = DriftMeasures.Compute(Categorical(counts, current), Smoothing.Of(a));
            double rTotal = counts.Sum() + a * counts.Length;
            return Math.Abs(m.ReferenceProportions.Sum() - 1) < 1e-12 && Math.Abs(m.CurrentProportions.Sum() - 1) < 1e-12
                && m.ReferenceProportions.Select((p, i) => Math.Abs(p - (counts[i] + a) / rTotal) <= 1e-15 * Math.Max(1, p)).All(x => x);
        });

    [Fact]
    public void JensenShannonIsBoundedByLogTwoInItsUnit() =>
        CountPairs.Sample((r, c) =>
        {
            var m = DriftMeasures.Compute(Categorical(r, c), Smoothing.None);
            var bits = DriftMeasures.Compute(Categorical(r, c), Smoothing.None, InformationUnit.Bits);
            return m.JensenShannonDivergence.Nats <= Math.Log(2) && bits.JensenShannonDistance <= 1
                && Math.Abs(m.JensenShannonDistance - Math.Sqrt(m.JensenShannonDivergence.Nats)) <= 1e-15
                && m.Hellinger is >= 0 and <= 1 && m.TotalVariation is >= 0 and <= 1;
        });

    [Fact]
    public void DisjointSupportsReachTheBounds()
    {
        var m = DriftMeasures.Compute(Categorical([5, 0], [0, 9]), Smoothing.None, InformationUnit.Bits);
        Assert.Equal(1, m.JensenShannonDivergence.Bits, 14);
        Assert.Equal(1, m.Hellinger);
        Assert.Equal(1, m.TotalVariation);
        Assert.True(m.PopulationStabilityIndex.IsInfinite);
    }

    [Fact]
    public void GIsTwiceNTimesTheMutualInformation() =>
        CountPairs.Sample((r, c) =>
        {
            var g = GTest.Compute(Categorical(r, c));
            return Math.Abs(g.Statistic - 2.0 * g.Observations * g.MutualInformation.Nats) <= 1e-12 * Math.Max(1, g.Statistic)
                && g.PValue is >= 0 and <= 1 && g.Observations == r.Sum() + c.Sum();
        });

    [Fact]
    public void HolmIsMonotoneAndNeverBelowTheRawPValue() =>
        Gen.Double[0, 1].Array[0, 40].Sample(p =>
        {
            var adjusted = HolmCorrection.Adjust(p);
            var order = Enumerable.Range(0, p.Length).OrderBy(i => p[i]).ThenBy(i => i).ToArray();
            for (int k = 1; k < order.Length; k++)
                if (adjusted[order[k]] < adjusted[order[k - 1]]) return false;
            return p.Select((x, i) => adjusted[i] >= x && adjusted[i] <= 1).All(b => b);
        });

    [Fact]
    public void HistogramBoundsBracketTheRawStatistics() =>
        Gen.Select(Gen.Int[2, 400], Gen.Int[2, 400], Gen.Double[-1, 1], Gen.Int[1, 40], Gen.Int[0, 3]).Sample((n1, n2, shift, cells, seed) =>
        {
            var rng = new Random(seed * 1000 + n1);
            double[] r = [.. Enumerable.Range(0, n1).Select(_ => Math.Round(rng.NextDouble() * 10, seed))];
            double[] c = [.. Enumerable.Range(0, n2).Select(_ => Math.Round(rng.NextDouble() * 10 + shift, seed))];
            Array.Sort(r);
            Array.Sort(c);
            var raw = TwoSampleStatistics.FromSorted(r, c, TestMethod.Asymptotic);
            var edges = NumericBinning.FromReference(r, new NumericBinningOptions { BinCount = cells, PerValueThreshold = 0 });
            var histogram = edges.Histogram(r, c);
            double min = Math.Min(r[0], c[0]), max = Math.Max(r[^1], c[^1]);
            var bounds = TwoSampleBounds.Compute(BinnedSamples.FromHistogram(histogram, min, max), raw.Wasserstein.ReferenceStandardDeviation, TestMethod.Asymptotic);
            return bounds.KolmogorovSmirnovStatistic.Contains(raw.KolmogorovSmirnov.Statistic)
                && bounds.KolmogorovSmirnovPValue.Contains(raw.KolmogorovSmirnov.PValue)
                && bounds.Wasserstein.Contains(raw.Wasserstein.Distance)
                && bounds.NormalizedWasserstein!.Value.Contains(raw.Wasserstein.Normalized)
                && bounds.CramerVonMisesStatistic!.Value.Contains(raw.CramerVonMises!.Statistic)
                && bounds.CramerVonMisesPValue!.Value.Contains(raw.CramerVonMises!.PValue);
        }, iter: 300);

    [Fact]
    public void PerValueCellsMakeTheBoundsExact()
    {
        double[] r = [1, 1, 2, 2, 2, 3, 5, 5, 8, 8, 8, 8, 9];
        double[] c = [1, 2, 3, 3, 3, 3, 5, 8, 9, 9, 9];
        var raw = TwoSampleStatistics.FromSorted(r, c, TestMethod.Asymptotic);
        var grouped = GroupedSamples.FromSorted(r, c);
        var cells = new BinnedSamples(grouped.Values.AsSpan(), grouped.Values.AsSpan(), grouped.Reference.AsSpan(), grouped.Current.AsSpan());
        var bounds = TwoSampleBounds.Compute(cells, method: TestMethod.Asymptotic);
        Assert.Equal(raw.KolmogorovSmirnov.Statistic, bounds.KolmogorovSmirnovStatistic.Lower);
        Assert.Equal(raw.KolmogorovSmirnov.Statistic, bounds.KolmogorovSmirnovStatistic.Upper);
        Assert.True(bounds.Wasserstein.Width <= 3e-12 * raw.Wasserstein.Distance, bounds.Wasserstein.ToString());
        Assert.True(bounds.CramerVonMisesStatistic!.Value.Width <= 1e-10 * raw.CramerVonMises!.Statistic, $"{bounds.CramerVonMisesStatistic} {raw.CramerVonMises!.Statistic}");
    }

    [Fact]
    public void FinerCellsGiveNarrowerBounds()
    {
        var rng = new Random(3);
        double[] r = [.. Enumerable.Range(0, 20000).Select(_ => rng.NextDouble()).Order()];
        double[] c = [.. Enumerable.Range(0, 15000).Select(_ => Math.Pow(rng.NextDouble(), 1.05)).Order()];
        var raw = TwoSampleStatistics.FromSorted(r, c);
        var widths = new List<double>();
        foreach (int k in new[] { 10, 100, 1000 })
        {
            var h = NumericBinning.FromReference(r, new NumericBinningOptions { BinCount = k }).Histogram(r, c);
            var b = TwoSampleBounds.Compute(BinnedSamples.FromHistogram(h, Math.Min(r[0], c[0]), Math.Max(r[^1], c[^1])));
            Assert.True(b.CramerVonMisesStatistic!.Value.Contains(raw.CramerVonMises!.Statistic), $"{k}: {b.CramerVonMisesStatistic} {raw.CramerVonMises!.Statistic}");
            Assert.True(b.KolmogorovSmirnovStatistic.Contains(raw.KolmogorovSmirnov.Statistic));
            Assert.True(b.Wasserstein.Contains(raw.Wasserstein.Distance));
            widths.Add(b.CramerVonMisesStatistic!.Value.Width + b.KolmogorovSmirnovStatistic.Width + b.Wasserstein.Width);
        }
        // The worst-case arrangement inside a cell moves the statistics by O(1/cells): ten times the cells, a fifth of the width or less.
        Assert.True(widths[1] < widths[0] / 5 && widths[2] < widths[1] / 5, string.Join(", ", widths));
    }

    [Fact]
    public void UnboundedOuterCellsGiveAnInfiniteWassersteinBoundOnlyWhenTheyMatter()
    {
        double[] r = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
        var h = NumericBinning.FromReference(r).Histogram(r, [25.0, 26.0, 2.0]);
        var b = TwoSampleBounds.Compute(BinnedSamples.FromHistogram(h));
        Assert.True(double.IsPositiveInfinity(b.Wasserstein.Upper));
        Assert.True(double.IsFinite(b.Wasserstein.Lower));
        Assert.Null(b.NormalizedWasserstein);
    }

    [Fact]
    public void PermutationPValueCountsTheObservedStatistic() =>
        Gen.Select(Gen.Long[0, 50].Array[2, 8], Gen.Long[0, 50].Array[2, 8], Gen.Int[1, 200], Gen.Int).Where((r, c, _, _) => r.Length == c.Length && r.Sum() > 0 && c.Sum() > 0)
            .Sample((r, c, permutations, seed) =>
            {
                var result = PermutationTest.Run(Categorical(r, c), h => GTest.Compute(h).Statistic, permutations, seed);
                return result.PValue >= 1.0 / (permutations + 1) && result.PValue <= 1
                    && result.PValue == (1.0 + result.AtLeastAsExtreme) / (permutations + 1);
            }, iter: 50);

    [Fact]
    public void PermutationTestIsSeededAndKeepsSampleSizes()
    {
        var samples = GroupedSamples.FromValues([1, 2, 2, 3, 4, 5, 5, 5, 6, 9], [2, 3, 3, 4, 7, 8, 8]);
        var a = PermutationTest.Run(samples, DistributionStatistic.KolmogorovSmirnov, 500, seed: 42);
        var b = PermutationTest.Run(samples, DistributionStatistic.KolmogorovSmirnov, 500, seed: 42);
        Assert.Equal(a, b);
        Assert.Equal(TwoSampleTests.KolmogorovSmirnov(samples).Statistic, a.Observed);
        long n1 = -1;
        PermutationTest.Run(samples.Reference.AsSpan(), samples.Current.AsSpan(), (r, c) =>
        {
            n1 = n1 < 0 ? r.Sum() : n1;
            Assert.Equal(n1, r.Sum());
            Assert.Equal(samples.CurrentCount, c.Sum());
            return 0;
        }, 50, seed: 1);
        // A statistic equal on every labelling: every permutation ties with the observed one, p = 1.
        Assert.Equal(1.0, PermutationTest.Run(samples, DistributionStatistic.KolmogorovSmirnov, 10, 1) is var _ ? PermutationTest.Run(samples.Reference.AsSpan(), samples.Current.AsSpan(), (_, _) => 0.25, 10, 1).PValue : 0);
    }

    [Fact]
    public void PermutationPValueAgreesWithTheExactTest()
    {
        // Two small samples: the permutation distribution of D is the exact null distribution ks_2samp counts.
        var samples = GroupedSamples.FromValues([0.1, 0.4, 0.45, 0.8, 1.3, 1.5, 2.0], [0.9, 1.2, 1.6, 1.7, 2.2, 2.5]);
        var exact = TwoSampleTests.KolmogorovSmirnov(samples, TestMethod.Exact);
        var permutation = PermutationTest.Run(samples, DistributionStatistic.KolmogorovSmirnov, 20000, seed: 7);
        Assert.InRange(permutation.PValue, exact.PValue - 0.015, exact.PValue + 0.015);
    }

    [Theory]
    [InlineData(1_000_000L, 300_000L, 5000L, 4000)]
    [InlineData(1_000_000_000_000_000L, 300_000_000_000_000L, 1_000_000L, 400)]   // no log-gamma cancellation at 1e15
    [InlineData(60L, 20L, 30L, 4000)]
    public void HypergeometricDrawsHaveTheRightMeanAndVariance(long population, long marked, long draws, int trials)
    {
        var random = new Random(11);
        double sum = 0, squares = 0;
        for (int i = 0; i < trials; i++)
        {
            double x = HypergeometricSampler.Sample(random, population, marked, draws);
            sum += x;
            squares += x * x;
        }
        double mean = sum / trials, variance = squares / trials - mean * mean;
        double p = (double)marked / population;
        double expectedMean = draws * p, expectedVariance = draws * p * (1 - p) * (population - draws) / (population - 1.0);
        Assert.InRange(mean, expectedMean - 4 * Math.Sqrt(expectedVariance / trials), expectedMean + 4 * Math.Sqrt(expectedVariance / trials));
        Assert.InRange(variance, 0.8 * expectedVariance, 1.2 * expectedVariance);
    }
}
