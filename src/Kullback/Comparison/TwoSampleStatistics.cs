namespace Kullback.Comparison;

/// <summary>The distribution statistics of a numeric column computed on the raw values (in memory, or grouped by value).</summary>
/// <param name="KolmogorovSmirnov">The two-sample Kolmogorov–Smirnov test.</param>
/// <param name="Wasserstein">The Wasserstein-1 distance, raw and normalised.</param>
/// <param name="CramerVonMises">The two-sample Cramér–von Mises test; null when a sample has fewer than 2 values (the test is not defined).</param>
public sealed record TwoSampleStatistics(KolmogorovSmirnovResult KolmogorovSmirnov, WassersteinResult Wasserstein, CramerVonMisesResult? CramerVonMises)
{
    /// <summary>Every statistic from the grouped samples.</summary>
    /// <param name="samples">Both samples' distinct values and counts.</param>
    /// <param name="method">How the p-values are computed; <see cref="TestMethod.Auto"/> by default.</param>
    public static TwoSampleStatistics Compute(GroupedSamples samples, TestMethod method = TestMethod.Auto)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return new(TwoSampleTests.KolmogorovSmirnov(samples, method), TwoSampleTests.Wasserstein(samples),
            samples.ReferenceCount >= 2 && samples.CurrentCount >= 2 ? TwoSampleTests.CramerVonMises(samples, method) : null);
    }

    /// <summary>Every statistic from two sorted in-memory samples.</summary>
    public static TwoSampleStatistics FromSorted(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> sortedCurrent, TestMethod method = TestMethod.Auto) =>
        Compute(GroupedSamples.FromSorted(sortedReference, sortedCurrent), method);
}
