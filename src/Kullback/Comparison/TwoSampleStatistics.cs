namespace Kullback.Comparison;

/// <summary>The distribution statistics of a numeric column computed on the raw values (in memory, or grouped by value).</summary>
/// <param name="KolmogorovSmirnov">The two-sample Kolmogorov–Smirnov test.</param>
/// <param name="Wasserstein">The Wasserstein-1 distance, raw and normalised.</param>
/// <param name="CramerVonMises">The two-sample Cramér–von Mises test.</param>
public sealed record TwoSampleStatistics(KolmogorovSmirnovResult KolmogorovSmirnov, WassersteinResult Wasserstein, CramerVonMisesResult CramerVonMises)
{
    /// <summary>Every statistic from the grouped samples.</summary>
    /// <param name="samples">Both samples' distinct values and counts; the Cramér–von Mises test needs at least 2 values in each sample.</param>
    /// <param name="method">How the p-values are computed; <see cref="TestMethod.Auto"/> by default.</param>
    public static TwoSampleStatistics Compute(GroupedSamples samples, TestMethod method = TestMethod.Auto) =>
        new(TwoSampleTests.KolmogorovSmirnov(samples, method), TwoSampleTests.Wasserstein(samples), TwoSampleTests.CramerVonMises(samples, method));

    /// <summary>Every statistic from two sorted in-memory samples.</summary>
    public static TwoSampleStatistics FromSorted(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> sortedCurrent, TestMethod method = TestMethod.Auto) =>
        Compute(GroupedSamples.FromSorted(sortedReference, sortedCurrent), method);
}
