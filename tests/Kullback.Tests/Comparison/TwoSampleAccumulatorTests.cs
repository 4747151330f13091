using Kullback.Comparison;

namespace Kullback.Tests.Comparison;

/// <summary>The one-pass form an engine streams into: its guards (the statistics themselves are checked against scipy through it).</summary>
public class TwoSampleAccumulatorTests
{
    [Fact]
    public void Values_must_arrive_in_increasing_order_and_add_up_to_the_sizes()
    {
        var a = new TwoSampleAccumulator(3, 2);
        a.Add(1.0, 2, 0);
        Assert.Throws<InvalidArgumentException>(() => a.Add(1.0, 1, 1));
        Assert.Throws<InvalidArgumentException>(() => a.Add(0.5, 1, 1));
        Assert.Throws<InvalidArgumentException>(() => a.Add(double.NaN, 1, 1));
        Assert.Throws<InvalidArgumentException>(() => a.Add(2.0, 5, 0));
        Assert.Contains("add up to 2 reference", Assert.Throws<InvalidArgumentException>(() => a.Result()).Reason, StringComparison.Ordinal);
        a.Add(2.0, 1, 2);
        var result = a.Result();
        // Reference {1, 1, 2}, current {2, 2}: D = 2/3, W₁ = (2/3)·1.
        Assert.Equal(2.0 / 3, result.KolmogorovSmirnov.Statistic, 1e-15);
        Assert.Equal(2.0 / 3, result.Wasserstein.Distance, 1e-15);
    }

    [Fact]
    public void Streaming_equals_grouping_in_memory()
    {
        var random = new Random(7);
        double[] reference = [.. Enumerable.Range(0, 500).Select(_ => Math.Round(random.NextDouble() * 30) / 3)];
        double[] current = [.. Enumerable.Range(0, 300).Select(_ => Math.Round(random.NextDouble() * 33) / 3)];
        var grouped = GroupedSamples.FromValues(reference, current);
        var stream = new TwoSampleAccumulator(500, 300);
        for (int g = 0; g < grouped.Values.Length; g++) stream.Add(grouped.Values[g], grouped.Reference[g], grouped.Current[g]);
        Assert.Equal(TwoSampleStatistics.Compute(grouped), stream.Result());
    }
}
