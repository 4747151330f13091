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
        if (samples.ReferenceCount < 2 || samples.CurrentCount < 2)
            throw new InvalidArgumentException("The Cramér–von Mises test needs at least 2 values in each sample.", nameof(samples));
        return TwoSampleAccumulator.Of(samples).CramerVonMises(method)!;
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
}
