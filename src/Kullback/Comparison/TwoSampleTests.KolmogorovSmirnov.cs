using System.Numerics;

namespace Kullback.Comparison;

public static partial class TwoSampleTests
{
    /// <summary>The two-sample Kolmogorov–Smirnov test (two-sided), as scipy.stats.ks_2samp.</summary>
    /// <param name="samples">The grouped samples.</param>
    /// <param name="method">
    /// Auto: exact when max(n₁, n₂) ≤ 10,000, else asymptotic. Exact: lattice-path counting (Hodges; the reflection sum
    /// when n₁ = n₂). Asymptotic: the one-sample distribution of Dₙ at n = round(n₁n₂/(n₁ + n₂)) (scipy's <c>kstwo</c>).
    /// </param>
    /// <remarks>D is computed as max|R·n₂ − C·n₁|/(n₁n₂) over the cumulative counts R, C, exactly in integers before one division.</remarks>
    /// <exception cref="NotComputableException">Exact was asked for samples so large (n₁ ≠ n₂, n₁·n₂ &gt; 10⁹) that counting paths would take too long.</exception>
    public static KolmogorovSmirnovResult KolmogorovSmirnov(GroupedSamples samples, TestMethod method = TestMethod.Auto)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return KolmogorovSmirnovFromGap(samples.ReferenceCount, samples.CurrentCount, MaximumGap(samples), method);
    }

    /// <summary>The KS test for samples of sizes n₁, n₂ whose largest gap n₁n₂·D is <paramref name="gap"/> (the test depends on nothing else).</summary>
    internal static KolmogorovSmirnovResult KolmogorovSmirnovFromGap(long n1, long n2, Int128 gap, TestMethod method)
    {
        double d = Math.Clamp((double)gap / ((double)n1 * n2), 0.0, 1.0);
        if (method == TestMethod.Auto) method = Math.Max(n1, n2) <= KolmogorovSmirnovExactLimit ? TestMethod.Exact : TestMethod.Asymptotic;
        if (method == TestMethod.Exact)
        {
            if (n1 != n2 && (double)n1 * n2 > 1e9)
                throw new NotComputableException("The exact Kolmogorov–Smirnov p-value for samples this large would take too long to count: use the asymptotic method.");
            long g = (long)BigInteger.GreatestCommonDivisor(n1, n2);
            return new KolmogorovSmirnovResult(d, TwoSampleSmirnovExact.Survival(n1, n2, (long)(gap / g)), TestMethod.Exact);
        }
        double en = (double)n1 * n2 / ((double)n1 + n2);
        long n = Math.Max(1, (long)Math.Round(en, MidpointRounding.ToEven));
        return new KolmogorovSmirnovResult(d, KolmogorovDistribution.Survival(n, d), TestMethod.Asymptotic);
    }

    /// <summary>max over the distinct values of |R·n₂ − C·n₁|, R and C the cumulative counts: n₁n₂·D exactly.</summary>
    internal static Int128 MaximumGap(GroupedSamples samples)
    {
        long n1 = samples.ReferenceCount, n2 = samples.CurrentCount;
        var reference = samples.Reference.AsSpan();
        var current = samples.Current.AsSpan();
        long r = 0, c = 0;
        if ((double)n1 * n2 < 9e18)
        {
            long largest = 0;   // R·n₂ − C·n₁ is exact in a long
            for (int k = 0; k < reference.Length; k++)
            {
                r += reference[k];
                c += current[k];
                largest = Math.Max(largest, Math.Abs(r * n2 - c * n1));
            }
            return largest;
        }
        Int128 best = 0;
        for (int k = 0; k < reference.Length; k++)
        {
            r += reference[k];
            c += current[k];
            Int128 gap = Int128.Abs((Int128)r * n2 - (Int128)c * n1);
            if (gap > best) best = gap;
        }
        return best;
    }
}
