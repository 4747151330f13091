using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// The average of the city-block and Chebyshev distances (Σ |p̂ᵢ − q̂ᵢ| + maxᵢ |p̂ᵢ − q̂ᵢ|)/2 (philentropy's <c>avg</c>).
    /// </summary>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <returns>0 ≤ value ≤ 1.5 (no unit), symmetric, a metric; exactly 0 for p̂ = q̂. Equals TV + max|p̂ᵢ − q̂ᵢ|/2.</returns>
    /// <remarks>
    /// One pass gives both parts with the total variation's fast kernel (normalisation to first order, with a bound) when
    /// the bounds allow; otherwise the total variation and the largest difference are taken from the exact differences
    /// p̂ᵢ − q̂ᵢ: for a pair without entries more than 270 decades below its vectors' largest, in one vectorised pass after
    /// one read for the totals.
    /// </remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double AverageL1LInf(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var settings = KernelSettings.Default;
        if (TotalVariationKernel.TryAverageL1LInf(p, q, settings, out double fast)) return fast;
        if (PairScaling.TryFast(p, q, settings, out var scaling))
        {
            // One read for the totals, one for Σ|d| and max|d| of the exact differences (every term ≥ 0: no cancellation).
            var s = PairTermsPass.Run<AverageL1LInfExactTerms>(scaling, p, q, settings);
            double normaliser = scaling.Sp.Hi * scaling.Sq.Hi;
            return Math.Clamp(0.5 * (s.A.Total / normaliser), 0.0, 1.0) + 0.5 * (s.Max / normaliser);
        }
        double total = TotalVariation(p, q);
        var c = new ExactPair(p, q);
        double largest = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] == 0 && q[i] == 0) continue;
            var e = c.Entry(i);
            largest = Math.Max(largest, Math.Abs(Math.ScaleB(c.NormalizedDifference(e.D), -e.Level)));
        }
        return total + 0.5 * largest;
    }

    /// <inheritdoc cref="AverageL1LInf(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static double AverageL1LInf(DiscreteDistribution p, DiscreteDistribution q)
    {
        var a = Align(p, q);
        return AverageL1LInf(a.P.AsSpan(), a.Q.AsSpan());
    }
}
