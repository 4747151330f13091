using Kullback.Numerics;

namespace Kullback.Comparison;

/// <summary>
/// The G-test of homogeneity between the two samples' bin counts: G = 2·Σ O·ln(O/E) over the 2 × B table, which is
/// 2·N·I(sample; bin), twice the number of observations times the mutual information (in nats) between "which
/// sample" and "which bin". Bins empty in both samples are dropped; no continuity correction.
/// </summary>
/// <remarks>
/// <para>Each term is taken as E·φ(O/E) with φ(r) = r·ln r − r + 1 ≥ 0 (the same sum, as ΣO = ΣE) and O − E from exact
/// integer arithmetic, so G keeps its digits when the samples barely differ and is exactly 0 when the two samples'
/// counts are proportional. Different sample sizes are fine. The p-value is the χ² upper tail with B′ − 1 degrees of
/// freedom, Q((B′−1)/2, G/2) by the regularized upper incomplete gamma function (not 1 − CDF), accurate far into the
/// tail, down to subnormal p-values; with one non-empty bin, G = 0, df = 0 and p = 1.</para>
/// </remarks>
/// <param name="Statistic">G ≥ 0.</param>
/// <param name="DegreesOfFreedom">B′ − 1, B′ the bins not empty in both samples.</param>
/// <param name="PValue">P(χ²_df ≥ G); 1 when df = 0.</param>
/// <param name="MutualInformation">I(sample; bin) = G / (2N).</param>
/// <param name="Observations">N, both samples together.</param>
public sealed record GTest(double Statistic, int DegreesOfFreedom, double PValue, Information MutualInformation, long Observations)
{
    /// <summary>The test on a column's histogram.</summary>
    /// <exception cref="InvalidArgumentException">A sample has no values in the column.</exception>
    public static GTest Compute(ColumnHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        long n1 = histogram.ReferenceTotal, n2 = histogram.CurrentTotal;
        if (n1 == 0 || n2 == 0)
            throw new InvalidArgumentException("A sample has no values in this column: the G-test needs both.", nameof(histogram));
        double g = StatisticOf(histogram.Reference.AsSpan(), histogram.Current.AsSpan(), out int used);
        int df = used - 1;
        double p = df == 0 || g == 0 ? 1.0 : ChiSquaredTail.Survival(df, g);
        double total = (double)n1 + n2;
        return new GTest(g, df, p, Information.FromNats(g / (2 * total)), n1 + n2);
    }

    /// <summary>G alone, for counts already checked (both samples non-empty, no negative count); allocation-free, for permutations.</summary>
    /// <param name="reference">The reference's count in each bin.</param>
    /// <param name="current">The current sample's count in each bin, as many.</param>
    /// <param name="used">The bins not empty in both samples.</param>
    internal static double StatisticOf(ReadOnlySpan<long> reference, ReadOnlySpan<long> current, out int used)
    {
        long n1 = 0, n2 = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            n1 += reference[i];
            n2 += current[i];
        }
        Int128 n = (Int128)n1 + n2;
        var sum = new NeumaierSum();
        used = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            long r = reference[i], c = current[i];
            if (r == 0 && c == 0) continue;
            used++;
            long t = r + c;
            sum.Add(Term(r, n1, t, n));
            sum.Add(Term(c, n2, t, n));
        }
        return Math.Max(0.0, 2 * sum.Total);
    }

    /// <summary>E·φ(O/E) with E = sampleTotal·binTotal/N and O − E = (O·N − sampleTotal·binTotal)/N exactly.</summary>
    private static double Term(long observed, long sampleTotal, long binTotal, Int128 n)
    {
        Int128 product = (Int128)sampleTotal * binTotal;
        Int128 excess = observed * n - product;           // (O − E)·N, exact
        double expected = (double)product / (double)n;
        double x = (double)excess / (double)product;      // O/E − 1
        if (observed == 0) return expected;              // φ(0) = 1
        return expected * Elementary.Phi(x, Elementary.LogOnePlus(x));
    }
}
