using System.Numerics;
using Kullback.Numerics;

namespace Kullback.Comparison;

public static partial class TwoSampleTests
{
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
        bool fitsInLong = k < 9e18;   // then R·n₂ and C·n₁ fit in a long and their difference is exact
        var main = new NeumaierSum();
        long r = 0, c = 0;
        double before = 0;
        var reference = samples.Reference.AsSpan();
        var current = samples.Current.AsSpan();
        for (int g = 0; g < reference.Length; g++)
        {
            r += reference[g];
            c += current[g];
            double gap = fitsInLong ? r * n2 - c * n1 : (double)((Int128)r * n2 - (Int128)c * n1);
            double after = gap / k;
            long tg = reference[g] + current[g];
            main.Add(tg * (before * before + before * after + after * after) / 3);
            before = after;
        }
        double local = (double)LocalTerms(samples) / (12 * k * n);
        return Math.Max(0.0, k / (n * n) * main.Total + local);
    }

    /// <summary>Σ_g (r_g² − c_g²)(n₁r_g − n₂c_g) − (n₁ − n₂)², exactly (Int128 while it cannot overflow, BigInteger past that).</summary>
    private static BigInteger LocalTerms(GroupedSamples samples)
    {
        long n1 = samples.ReferenceCount, n2 = samples.CurrentCount;
        var reference = samples.Reference.AsSpan();
        var current = samples.Current.AsSpan();
        long largest = 0;
        for (int g = 0; g < reference.Length; g++) largest = Math.Max(largest, Math.Max(reference[g], current[g]));
        // |τ_g| < 2^41·2^61 when counts < 2^20 and sizes < 2^40, and fewer than 2^24 groups keep the sum below 2^126.
        if (largest < 1L << 20 && Math.Max(n1, n2) < 1L << 40 && reference.Length < 1 << 24)
        {
            Int128 sum = 0;
            for (int g = 0; g < reference.Length; g++)
            {
                long rg = reference[g], cg = current[g];
                sum += (Int128)(rg * rg - cg * cg) * (n1 * rg - n2 * cg);
            }
            Int128 d = (Int128)n1 - n2;
            return (BigInteger)(sum - d * d);
        }
        BigInteger total = 0;
        for (int g = 0; g < reference.Length; g++)
        {
            BigInteger rg = reference[g], cg = current[g];
            total += (rg * rg - cg * cg) * (n1 * rg - n2 * cg);
        }
        BigInteger difference = (BigInteger)n1 - n2;
        return total - difference * difference;
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
