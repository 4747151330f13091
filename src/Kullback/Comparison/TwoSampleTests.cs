using System.Numerics;
using Kullback.Numerics;

namespace Kullback.Comparison;

/// <summary>
/// Two-sample distribution statistics from grouped values, computed with exact integer arithmetic where the textbook
/// formulas cancel: Kolmogorov–Smirnov, Wasserstein-1 and Cramér–von Mises, each matching scipy.stats.
/// </summary>
public static class TwoSampleTests
{
    /// <summary>Largest sample size for which <see cref="TestMethod.Auto"/> computes the exact KS p-value (scipy's threshold).</summary>
    public const long KolmogorovSmirnovExactLimit = 10_000;

    /// <summary>Largest sample size for which <see cref="TestMethod.Auto"/> computes the exact Cramér–von Mises p-value (scipy's threshold).</summary>
    public const int CramerVonMisesExactLimit = 20;

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
        Int128 best = 0;
        long r = 0, c = 0;
        for (int k = 0; k < samples.Values.Length; k++)
        {
            r += samples.Reference[k];
            c += samples.Current[k];
            Int128 gap = Int128.Abs((Int128)r * n2 - (Int128)c * n1);
            if (gap > best) best = gap;
        }
        return best;
    }

    /// <summary>The Wasserstein-1 distance ∫|F_ref − F_cur| dx = Σₖ |Rₖ/n₁ − Cₖ/n₂|·(vₖ₊₁ − vₖ), as scipy.stats.wasserstein_distance.</summary>
    /// <remarks>Divided by the reference's population standard deviation for <see cref="WassersteinResult.Normalized"/>.</remarks>
    public static WassersteinResult Wasserstein(GroupedSamples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        long n1 = samples.ReferenceCount, n2 = samples.CurrentCount;
        double scale = (double)n1 * n2;
        var sum = new NeumaierSum();
        long r = 0, c = 0;
        var v = samples.Values;
        for (int k = 0; k + 1 < v.Length; k++)
        {
            r += samples.Reference[k];
            c += samples.Current[k];
            Int128 gap = Int128.Abs((Int128)r * n2 - (Int128)c * n1);
            if (gap != 0) sum.Add((double)gap / scale * (v[k + 1] - v[k]));
        }
        double distance = Math.Max(0.0, sum.Total);
        double deviation = ReferenceStandardDeviation(samples);
        double normalized = deviation > 0 ? distance / deviation : distance == 0 ? 0.0 : double.PositiveInfinity;
        return new WassersteinResult(distance, normalized, deviation);
    }

    /// <summary>√(Σ rₖ(vₖ − mean)²/n₁): the reference's population standard deviation, two passes with compensated sums.</summary>
    internal static double ReferenceStandardDeviation(GroupedSamples samples)
    {
        var total = new NeumaierSum();
        for (int k = 0; k < samples.Values.Length; k++)
            if (samples.Reference[k] > 0) total.Add(samples.Reference[k] * samples.Values[k]);
        double mean = total.Total / samples.ReferenceCount;
        var squares = new NeumaierSum();
        for (int k = 0; k < samples.Values.Length; k++)
        {
            if (samples.Reference[k] == 0) continue;
            double d = samples.Values[k] - mean;
            squares.Add(samples.Reference[k] * d * d);
        }
        return Math.Sqrt(Math.Max(0.0, squares.Total / samples.ReferenceCount));
    }

    /// <summary>The two-sample Cramér–von Mises test, as scipy.stats.cramervonmises_2samp (midranks for ties).</summary>
    /// <param name="samples">The grouped samples, at least 2 values in each.</param>
    /// <param name="method">
    /// Auto: exact when max(n₁, n₂) ≤ 20, else asymptotic. Exact: the distribution of U over all arrangements.
    /// Asymptotic: the standardised statistic T′ = 1/6 + (T − E T)/√(45·Var T) against the limiting ω² distribution,
    /// its upper tail computed directly (scipy takes 1 − CDF and loses p-values below about 1e-7).
    /// </param>
    /// <remarks>
    /// T is computed in a form without cancellation, T = (n₁n₂/N²)·Σ_g t_g·(D²₋ + D₋D₊ + D²₊)/3 + (Σ_g τ_g − (n₁ − n₂)²)/(12n₁n₂N)
    /// over the distinct values g (t_g values, D₋ and D₊ the ECDF gaps before and after, τ_g = (r² − c²)(n₁r − n₂c) exact in
    /// integers), equal to the rank formula, which loses log₁₀(N) digits to cancellation.
    /// </remarks>
    /// <exception cref="InvalidArgumentException">A sample has fewer than 2 values.</exception>
    /// <exception cref="NotComputableException">Exact was asked for with a sample larger than 20 (the count of arrangements grows as C(N, n₁)).</exception>
    public static CramerVonMisesResult CramerVonMises(GroupedSamples samples, TestMethod method = TestMethod.Auto)
    {
        ArgumentNullException.ThrowIfNull(samples);
        long n1 = samples.ReferenceCount, n2 = samples.CurrentCount;
        if (n1 < 2 || n2 < 2)
            throw new InvalidArgumentException("The Cramér–von Mises test needs at least 2 values in each sample.", nameof(samples));
        double t = CramerVonMisesStatistic(samples);
        if (method == TestMethod.Auto) method = Math.Max(n1, n2) <= CramerVonMisesExactLimit ? TestMethod.Exact : TestMethod.Asymptotic;
        if (method == TestMethod.Exact)
        {
            if (Math.Max(n1, n2) > CramerVonMisesExactLimit)
                throw new NotComputableException("The exact Cramér–von Mises p-value is counted over every arrangement and is offered up to 20 values per sample: use the asymptotic method.");
            return new CramerVonMisesResult(t, CramerVonMisesDistribution.ExactSurvival((int)n1, (int)n2, FourU(samples)), TestMethod.Exact);
        }
        return new CramerVonMisesResult(t, CramerVonMisesAsymptoticPValue(t, n1, n2), TestMethod.Asymptotic);
    }

    /// <summary>The asymptotic p-value of T (Anderson 1962, eqs. 11, 14, 15).</summary>
    internal static double CramerVonMisesAsymptoticPValue(double t, long n1, long n2)
    {
        double n = (double)n1 + n2, k = (double)n1 * n2;
        double mean = (1 + 1 / n) / 6;
        double variance = (n + 1) * (4 * k * n - 3 * ((double)n1 * n1 + (double)n2 * n2) - 2 * k) / (45 * n * n * 4 * k);
        double standardised = 1.0 / 6 + (t - mean) / Math.Sqrt(45 * variance);
        return CramerVonMisesDistribution.LimitingSurvival(standardised);
    }

    /// <summary>T in the cancellation-free form described on <see cref="CramerVonMises"/>.</summary>
    internal static double CramerVonMisesStatistic(GroupedSamples samples)
    {
        long n1 = samples.ReferenceCount, n2 = samples.CurrentCount;
        double n = (double)n1 + n2, k = (double)n1 * n2;
        var main = new NeumaierSum();
        long r = 0, c = 0;
        double before = 0;
        for (int g = 0; g < samples.Values.Length; g++)
        {
            r += samples.Reference[g];
            c += samples.Current[g];
            double after = (double)((Int128)r * n2 - (Int128)c * n1) / k;
            long tg = samples.Reference[g] + samples.Current[g];
            main.Add(tg * (before * before + before * after + after * after) / 3);
            before = after;
        }
        double local = (double)LocalTerms(samples) / (12 * k * n);
        return Math.Max(0.0, k / (n * n) * main.Total + local);
    }

    /// <summary>Σ_g (r_g² − c_g²)(n₁r_g − n₂c_g) − (n₁ − n₂)², exactly (Int128, BigInteger past its range).</summary>
    private static BigInteger LocalTerms(GroupedSamples samples)
    {
        long n1 = samples.ReferenceCount, n2 = samples.CurrentCount;
        try
        {
            Int128 sum = 0;
            for (int g = 0; g < samples.Values.Length; g++)
            {
                Int128 rg = samples.Reference[g], cg = samples.Current[g];
                sum = checked(sum + checked((rg * rg - cg * cg) * checked(n1 * rg - n2 * cg)));
            }
            Int128 d = (Int128)n1 - n2;
            return (BigInteger)checked(sum - d * d);
        }
        catch (OverflowException)
        {
            BigInteger sum = 0;
            for (int g = 0; g < samples.Values.Length; g++)
            {
                BigInteger rg = samples.Reference[g], cg = samples.Current[g];
                sum += (rg * rg - cg * cg) * (n1 * rg - n2 * cg);
            }
            BigInteger d = (BigInteger)n1 - n2;
            return sum - d * d;
        }
    }

    /// <summary>4U = Σ_g n₁[r(2C₋ + c)² + (r³ − r)/3] + n₂[c(2R₋ + r)² + (c³ − c)/3]: U from the midranks, times 4 (an integer).</summary>
    private static Int128 FourU(GroupedSamples samples)
    {
        long n1 = samples.ReferenceCount, n2 = samples.CurrentCount;
        Int128 sum = 0;
        long rBefore = 0, cBefore = 0;
        for (int g = 0; g < samples.Values.Length; g++)
        {
            long rg = samples.Reference[g], cg = samples.Current[g];
            Int128 a = 2 * cBefore + cg, b = 2 * rBefore + rg;
            sum += n1 * (rg * a * a + (Int128)(rg * rg * rg - rg) / 3) + n2 * (cg * b * b + (Int128)(cg * cg * cg - cg) / 3);
            rBefore += rg;
            cBefore += cg;
        }
        return sum;
    }
}
