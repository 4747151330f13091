using Kullback.Comparison;

namespace Kullback.Tests.Comparison;

/// <summary>The usage example given to the engines and the command: a numeric and a categorical column from counts to verdict.</summary>
public class UsageExampleTests
{
    [Fact]
    public void NumericAndCategoricalColumnsFromCountsToVerdict()
    {
        var rng = new Random(2026);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        double[] referenceAmounts = [.. Enumerable.Range(0, 20_000).Select(_ => 100 + 15 * Normal())];
        double[] currentAmounts = [.. Enumerable.Range(0, 8_000).Select(_ => rng.NextDouble() < 0.02 ? double.NaN : 106 + 15 * Normal())];
        Array.Sort(referenceAmounts);

        // Numeric column. An engine asks for percentile_disc at these probabilities on the reference only…
        double[] probabilities = NumericBinning.QuantileProbabilities(10);
        double[] quantiles = [.. probabilities.Select(p => referenceAmounts[Math.Max(0, (int)Math.Ceiling(p * referenceAmounts.Length) - 1)])];
        NumericBinEdges edges = NumericBinning.FromQuantiles(quantiles);
        // …and counts both samples over edges.Bins (underflow, 10 bins, overflow, missing).
        ColumnHistogram amount = edges.Histogram(referenceAmounts, currentAmounts);
        DriftMeasures amountMeasures = DriftMeasures.Compute(amount);      // Jeffreys a = ½, nats
        GTest amountTest = GTest.Compute(amount);
        // Distribution statistics on the raw values (file sources)…
        double[] presentCurrent = [.. currentAmounts.Where(x => !double.IsNaN(x)).Order()];
        TwoSampleStatistics raw = TwoSampleStatistics.FromSorted(referenceAmounts, presentCurrent);
        // …or, pushed down, from a fine histogram with its error bounds.
        ColumnHistogram fine = NumericBinning.FromReference(referenceAmounts, new NumericBinningOptions { BinCount = 1000 }).Histogram(referenceAmounts, presentCurrent);
        TwoSampleBounds bounds = TwoSampleBounds.Compute(
            BinnedSamples.FromHistogram(fine, Math.Min(referenceAmounts[0], presentCurrent[0]), Math.Max(referenceAmounts[^1], presentCurrent[^1])),
            raw.Wasserstein.ReferenceStandardDeviation);

        // Categorical column from value counts (GROUP BY), with the missing counts.
        var colour = CategoricalBinning.Build(
            new Dictionary<string, long> { ["red"] = 9_000, ["green"] = 7_000, ["blue"] = 4_000 },
            new Dictionary<string, long> { ["red"] = 3_650, ["green"] = 2_750, ["blue"] = 1_500, ["violet"] = 100 },
            referenceMissing: 0, currentMissing: 0);
        DriftMeasures colourMeasures = DriftMeasures.Compute(colour.Histogram);
        GTest colourTest = GTest.Compute(colour.Histogram);

        // Verdicts: Holm across the columns, then p_adjusted < α and PSI ≥ 0.1.
        DriftCriteria criteria = DriftCriteria.Default;
        var verdicts = criteria.DecideAll([
            new ColumnEvidence("amount", amountTest.PValue, criteria.EffectOf(amountMeasures, raw)),
            new ColumnEvidence("colour", colourTest.PValue, criteria.EffectOf(colourMeasures)),
        ]);

        Assert.True(verdicts[0].Drifted);                             // a shift of 0.4 σ and a 2 % missing rate
        Assert.True(verdicts[1].Significant);                         // a new category is significant at this size…
        Assert.False(verdicts[1].Drifted);                            // …but its PSI stays below 0.1
        Assert.Equal(["violet"], colour.NewCategories.ToArray());
        Assert.True(amountMeasures.PopulationStabilityContributions[^1] > 0);   // the missing bin contributes
        Assert.True(bounds.KolmogorovSmirnovStatistic.Contains(raw.KolmogorovSmirnov.Statistic));
        Assert.True(bounds.Wasserstein.Contains(raw.Wasserstein.Distance));
        Assert.InRange(raw.Wasserstein.Normalized, 0.3, 0.5);
        Assert.Equal(TestMethod.Asymptotic, raw.KolmogorovSmirnov.Method);

        // A permutation p-value, seeded: the observed statistic counts among the shuffles.
        PermutationResult permutation = PermutationTest.Run(colour.Histogram, h => DriftMeasures.Compute(h).PopulationStabilityIndex.Nats, permutations: 199, seed: 1);
        Assert.Equal(1.0 / 200, permutation.PValue);
    }
}
