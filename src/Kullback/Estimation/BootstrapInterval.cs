using MathNet.Numerics.Distributions;

namespace Kullback.Estimation;

/// <summary>The interval from bootstrap replicates: percentile or BCa (Efron and Tibshirani 1993, ch. 14).</summary>
internal static class BootstrapInterval
{
    /// <summary>A replicate within this relative distance of the estimate counts as a tie (half below, half above).</summary>
    private const double TieTolerance = 1e-12;

    /// <summary>The interval; <paramref name="replicates"/> is sorted in place.</summary>
    /// <param name="replicates">The replicates (never NaN; +∞ allowed).</param>
    /// <param name="estimate">The estimate on the data.</param>
    /// <param name="acceleration">BCa's a from the jackknife; NaN when it cannot be had (then the percentile interval, with a note).</param>
    /// <param name="options">Method, level, resamples, seed.</param>
    /// <param name="resampledValue">
    /// The quantity's true value in the distribution the replicates were drawn from (the plug-in on the data), when the
    /// estimate is not that plug-in: the replicates are then moved by estimate − resampledValue, so that they spread
    /// around the estimate as the estimator's errors spread around the truth. NaN (the default) leaves them as drawn.
    /// </param>
    public static ConfidenceInterval From(double[] replicates, double estimate, double acceleration, BootstrapOptions options, double resampledValue = double.NaN)
    {
        if (double.IsFinite(resampledValue) && double.IsFinite(estimate) && estimate != resampledValue)
        {
            double shift = estimate - resampledValue;
            for (int i = 0; i < replicates.Length; i++) replicates[i] += shift;
        }
        Array.Sort(replicates);
        double alpha = 1 - options.Level;
        double lowerShare = alpha / 2, upperShare = 1 - alpha / 2;
        var method = options.Method;
        string? note = null;
        if (method == IntervalMethod.BiasCorrectedAccelerated)
        {
            if (!double.IsFinite(acceleration) || !double.IsFinite(estimate))
            {
                method = IntervalMethod.Percentile;
                note = "BCa needs a finite estimate and finite jackknife values (a divergence is infinite on the data or when one observation is left out): the percentile interval is given instead.";
            }
            else
            {
                double z0 = MedianBias(replicates, estimate);
                lowerShare = AdjustedShare(z0, acceleration, Normal.InvCDF(0, 1, lowerShare));
                upperShare = AdjustedShare(z0, acceleration, Normal.InvCDF(0, 1, upperShare));
            }
        }
        double lower = Math.Max(0, Quantile(replicates, lowerShare));
        double upper = Math.Max(lower, Quantile(replicates, upperShare));
        if (double.IsPositiveInfinity(upper))
        {
            note = (note is null ? "" : note + " ") + string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The upper bound is infinite: in {Share(replicates, double.PositiveInfinity):P1} of the resamples the first sample showed a category the second did not (a divergence of +∞); larger samples, or smoothing, are needed for a finite bound.");
        }
        return new ConfidenceInterval(Information.FromNats(lower), Information.FromNats(upper), options.Level, method,
            options.Resamples, options.Seed, Information.FromNats(StandardDeviation(replicates)), note);
    }

    /// <summary>The share of the sorted values equal to <paramref name="value"/>.</summary>
    private static double Share(double[] sorted, double value) => (double)sorted.Count(v => v == value) / sorted.Length;

    /// <summary>z₀ = Φ⁻¹(share of replicates below the estimate, ties counted half), the share kept within [1/(2B), 1 − 1/(2B)].</summary>
    private static double MedianBias(double[] sorted, double estimate)
    {
        double tolerance = TieTolerance * Math.Abs(estimate);
        double below = 0;
        foreach (double r in sorted)
        {
            if (r < estimate - tolerance) below += 1;
            else if (r <= estimate + tolerance) below += 0.5;
            else break;
        }
        double b = sorted.Length;
        double share = Math.Clamp(below / b, 0.5 / b, 1 - 0.5 / b);
        return Normal.InvCDF(0, 1, share);
    }

    /// <summary>Φ(z₀ + (z₀ + z)/(1 − a(z₀ + z))); 0 or 1 where the denominator is no longer positive.</summary>
    private static double AdjustedShare(double z0, double a, double z)
    {
        double shifted = z0 + z, denominator = 1 - a * shifted;
        if (denominator <= 0) return z < 0 ? 0 : 1;
        return Normal.CDF(0, 1, z0 + shifted / denominator);
    }

    /// <summary>The p-quantile of sorted values by linear interpolation between order statistics (type 7); +∞ values stay +∞.</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * Math.Clamp(p, 0, 1);
        int lo = (int)Math.Floor(h);
        double fraction = h - lo;
        if (lo >= sorted.Length - 1 || fraction == 0) return sorted[Math.Min(lo, sorted.Length - 1)];
        double a = sorted[lo], b = sorted[lo + 1];
        if (double.IsPositiveInfinity(b)) return b;
        return a + fraction * (b - a);
    }

    private static double StandardDeviation(double[] values)
    {
        double mean = 0;
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) return double.PositiveInfinity;
            mean += v;
        }
        mean /= values.Length;
        double squares = 0;
        foreach (double v in values) squares += (v - mean) * (v - mean);
        return Math.Sqrt(squares / (values.Length - 1));
    }
}
