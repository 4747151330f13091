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
        return TwoSampleAccumulator.Of(samples).KolmogorovSmirnov(method);
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
}
