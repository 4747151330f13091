namespace Kullback.Comparison;

/// <summary>
/// The distribution statistics of a numeric column (KS, Wasserstein-1, Cramér–von Mises): exact from the raw values when
/// the engine could stream them, or intervals from a fine histogram of reference quantiles when only counts crossed.
/// </summary>
/// <param name="Exact">From the raw values; null when only counts were available.</param>
/// <param name="Bounds">Intervals that contain the raw-value statistics; null when <paramref name="Exact"/> is given.</param>
/// <param name="FineBins">The number of fine bins behind <paramref name="Bounds"/>; null with exact statistics.</param>
public sealed record DistributionComparison(TwoSampleStatistics? Exact, TwoSampleBounds? Bounds, int? FineBins)
{
    /// <summary>True when the statistics come from the raw values.</summary>
    public bool IsExact => Exact is not null;

    /// <summary>The KS statistic: exact, or the midpoint of its interval.</summary>
    public double KolmogorovSmirnov => Exact?.KolmogorovSmirnov.Statistic ?? Bounds!.KolmogorovSmirnovStatistic.Midpoint;

    /// <summary>W₁ divided by the reference standard deviation: exact, or the midpoint of its interval (NaN-free: +∞ when unbounded).</summary>
    public double NormalizedWasserstein => Exact?.Wasserstein.Normalized ?? Bounds!.NormalizedWasserstein?.Midpoint ?? double.PositiveInfinity;
}
