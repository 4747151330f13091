using Kullback.Numerics;

namespace Kullback.Comparison;

public static partial class TwoSampleTests
{
    /// <summary>The Wasserstein-1 distance ∫|F_ref − F_cur| dx = Σₖ |Rₖ/n₁ − Cₖ/n₂|·(vₖ₊₁ − vₖ), as scipy.stats.wasserstein_distance.</summary>
    /// <remarks>Divided by the reference's population standard deviation for <see cref="WassersteinResult.Normalized"/>.</remarks>
    public static WassersteinResult Wasserstein(GroupedSamples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        long n1 = samples.ReferenceCount, n2 = samples.CurrentCount;
        double scale = (double)n1 * n2;
        bool fitsInLong = scale < 9e18;   // then R·n₂ − C·n₁ is exact in a long
        var sum = new NeumaierSum();
        long r = 0, c = 0;
        var v = samples.Values.AsSpan();
        var reference = samples.Reference.AsSpan();
        var current = samples.Current.AsSpan();
        for (int k = 0; k + 1 < v.Length; k++)
        {
            r += reference[k];
            c += current[k];
            double gap = fitsInLong ? Math.Abs(r * n2 - c * n1) : (double)Int128.Abs((Int128)r * n2 - (Int128)c * n1);
            if (gap != 0) sum.Add(gap / scale * (v[k + 1] - v[k]));
        }
        double distance = Math.Max(0.0, sum.Total);
        double deviation = ReferenceStandardDeviation(samples);
        double normalized = deviation > 0 ? distance / deviation : distance == 0 ? 0.0 : double.PositiveInfinity;
        return new WassersteinResult(distance, normalized, deviation);
    }

    /// <summary>√(Σ rₖ(vₖ − mean)²/n₁): the reference's population standard deviation, two passes with compensated sums.</summary>
    internal static double ReferenceStandardDeviation(GroupedSamples samples)
    {
        var values = samples.Values.AsSpan();
        var counts = samples.Reference.AsSpan();
        var total = new NeumaierSum();
        for (int k = 0; k < values.Length; k++)
            if (counts[k] > 0) total.Add(counts[k] * values[k]);
        double mean = total.Total / samples.ReferenceCount;
        var squares = new NeumaierSum();
        for (int k = 0; k < values.Length; k++)
        {
            if (counts[k] == 0) continue;
            double d = values[k] - mean;
            squares.Add(counts[k] * d * d);
        }
        return Math.Sqrt(Math.Max(0.0, squares.Total / samples.ReferenceCount));
    }
}
