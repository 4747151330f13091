namespace Kullback.Comparison;

/// <summary>
/// The exact null distribution of the two-sample Kolmogorov–Smirnov statistic: P(D_{m,n} ≥ h/lcm(m, n)) for samples of
/// sizes m and n without ties, by counting lattice paths (Hodges 1958), in the form that computes the probability of
/// leaving the band directly (Viehmann 2021), so that small p-values keep their digits.
/// </summary>
internal static class TwoSampleSmirnovExact
{
    /// <summary>P(D ≥ h/lcm) where h = lcm·D is an integer ≥ 0.</summary>
    public static double Survival(long m, long n, long h)
    {
        if (h <= 0) return 1.0;
        if (m < n) (m, n) = (n, m);
        long g = (long)ulong.CreateChecked(System.Numerics.BigInteger.GreatestCommonDivisor(m, n));
        long mg = m / g, ng = n / g;
        if (h > mg * n) return 0.0;   // beyond the largest possible distance, 1
        return m == n ? EqualSizes(n, h) : LatticePaths(m, n, mg, ng, h);
    }

    /// <summary>
    /// m = n: P(D ≥ h/n) = 2·Σ_{k≥1} (−1)^{k+1} C(2n, n − kh)/C(2n, n) (the reflection principle), each ratio a product
    /// of h factors times the previous one, summed from the smallest term up.
    /// </summary>
    private static double EqualSizes(long n, long h)
    {
        var ratios = new List<double>();
        double ratio = 1.0;
        for (long k = 1; k * h <= n; k++)
        {
            for (long j = (k - 1) * h; j < k * h; j++) ratio *= (double)(n - j) / (n + j + 1);
            if (ratio == 0) break;
            ratios.Add(ratio);
        }
        double sum = 0;
        for (int k = ratios.Count - 1; k >= 0; k--) sum = ratios[k] - sum;   // ρ₁ − (ρ₂ − (ρ₃ − …))
        return Math.Clamp(2 * sum, 0.0, 1.0);
    }

    /// <summary>
    /// m ≠ n: A(i, j) = the probability that a uniformly random monotone path from (0, 0) to (i, j) has touched
    /// |i·n − j·m| ≥ h·g; A = 1 on such points and A(i, j) = (i·A(i−1, j) + j·A(i, j−1))/(i + j) inside the band, a
    /// convex combination (no cancellation, no overflow). Only the band of each column is visited.
    /// </summary>
    private static double LatticePaths(long m, long n, long mg, long ng, long h)
    {
        // Inside the band for column i: j·mg ∈ (i·ng − h, i·ng + h), i.e. j from FloorDiv(i·ng − h, mg) + 1 to CeilDiv(i·ng + h, mg) − 1.
        var a = new double[n + 1];
        Array.Fill(a, 1.0);
        long hi0 = Math.Min(n, CeilDiv(h, mg) - 1);
        for (long j = 0; j <= hi0; j++) a[j] = 0.0;
        // 1/(i + j) from a table: one multiplication per lattice point instead of a division.
        var reciprocal = new double[m + n + 1];
        for (long s = 1; s <= m + n; s++) reciprocal[s] = 1.0 / s;
        long previousLow = 0;
        for (long i = 1; i <= m; i++)
        {
            long low = Math.Max(0, FloorDiv(i * ng - h, mg) + 1);
            long high = Math.Min(n, CeilDiv(i * ng + h, mg) - 1);
            for (long j = previousLow; j < Math.Min(low, n + 1); j++) a[j] = 1.0;
            previousLow = low;
            if (low > high) return 1.0;   // every path has left the band
            double di = i;
            double left = low == 0 ? 0.0 : a[low - 1];
            for (long j = low; j <= high; j++)
            {
                double value = (di * a[j] + j * left) * reciprocal[i + j];
                a[j] = value;
                left = value;
            }
        }
        return Math.Clamp(a[n], 0.0, 1.0);
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long CeilDiv(long a, long b) => a >= 0 ? (a + b - 1) / b : -(-a / b);
}
