using MathNet.Numerics;
using MathNet.Numerics.Integration;

namespace Kullback.Comparison;

/// <summary>
/// The null distribution of the two-sample Cramér–von Mises statistic: exact for small samples (every arrangement of
/// the pooled sample counted), and the limiting distribution of the one-sample ω² statistic otherwise (Anderson 1962).
/// </summary>
internal static class CramerVonMisesDistribution
{
    /// <summary>
    /// The exact p-value P(U* ≥ U) over all C(m+n, m) arrangements without ties, U = m·Σᵢ(rᵢ − i)² + n·Σⱼ(sⱼ − j)²
    /// given as 4U (an integer, also with midranks). An arrangement is a lattice path; an x-step taken after j y's adds
    /// m·j², a y-step after i x's adds n·i². The comparison is scipy's: ζ(U*) ≥ ⌊ζ(U)⌋ with
    /// ζ(U) = lcm²·(m+n)·(6U − mn(4mn − 1))/(6m²n²) (Xiao, Gordon &amp; Yakovlev 2006).
    /// </summary>
    public static double ExactSurvival(int m, int n, Int128 fourU)
    {
        long lcm = (long)m / (long)System.Numerics.BigInteger.GreatestCommonDivisor(m, n) * n;
        Int128 mn = (Int128)m * n;
        Int128 scale = (Int128)lcm * lcm * (m + n);
        // ζ(U) = scale·(6U − mn(4mn−1))/(6 m²n²) = scale·(6·4U − 4mn(4mn−1))/(24 m²n²).
        Int128 denominator = 24 * mn * mn;
        Int128 observedNumerator = scale * (6 * fourU - 4 * mn * (4 * mn - 1));
        Int128 zetaFloor = FloorDiv(observedNumerator, denominator);

        // Distribution of U over paths, column by column: row[j] maps U to the number of paths reaching (i, j).
        var row = new Dictionary<long, long>[n + 1];
        for (int j = 0; j <= n; j++) row[j] = new Dictionary<long, long>();
        row[0][0] = 1;
        for (int j = 1; j <= n; j++) Shift(row[j - 1], row[j], 0);   // y-steps with no x before: + n·0²
        for (int i = 1; i <= m; i++)
        {
            var next = new Dictionary<long, long>[n + 1];
            for (int j = 0; j <= n; j++)
            {
                next[j] = new Dictionary<long, long>();
                Shift(row[j], next[j], (long)m * j * j);                      // x-step from (i−1, j)
                if (j > 0) Shift(next[j - 1], next[j], (long)n * i * i);      // y-step from (i, j−1)
            }
            row = next;
        }
        long total = 0, atLeast = 0;
        foreach (var (u, count) in row[n])
        {
            total += count;
            Int128 numerator = scale * (6 * 4 * (Int128)u - 4 * mn * (4 * mn - 1));
            if (numerator >= zetaFloor * denominator) atLeast += count;
        }
        return Math.Clamp((double)atLeast / total, 0.0, 1.0);
    }

    private static void Shift(Dictionary<long, long> from, Dictionary<long, long> to, long add)
    {
        foreach (var (u, count) in from)
            to[u + add] = to.TryGetValue(u + add, out long c) ? c + count : count;
    }

    private static Int128 FloorDiv(Int128 a, Int128 b)
    {
        Int128 q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }

    /// <summary>
    /// P(ω² ≥ x) for the limiting distribution of the Cramér–von Mises statistic. Below x = 0.5 (p &gt; 0.035) as
    /// 1 − V(x) with Csörgő &amp; Faraway's series for V, summed until the terms no longer change it; above, directly by
    /// Smirnov's formula P(ω² ≥ x) = (1/π)·Σⱼ (−1)^(j+1) ∫_{(2j−1)π}^{2jπ} √(−t/sin t)·e^(−xt²/2)·(2/t) dt, so that small
    /// p-values keep their digits (1 − V would lose them all).
    /// </summary>
    public static double LimitingSurvival(double x)
    {
        if (!(x > 0)) return 1.0;
        if (x < 0.003) return 1.0;   // V(0.003) < 1.3e-18
        if (x < 0.5) return Math.Clamp(1 - LimitingCdf(x), 0.0, 1.0);
        return Math.Clamp(SmirnovTail(x), 0.0, 1.0);
    }

    /// <summary>V(x) = (1/(π^(3/2)√x))·Σ_k Γ(k+½)/Γ(k+1)·√(4k+1)·e^(−q)·K_{1/4}(q), q = (4k+1)²/(16x).</summary>
    internal static double LimitingCdf(double x)
    {
        double sum = 0;
        double coefficient = Math.Sqrt(Math.PI);   // Γ(k + ½)/Γ(k + 1) at k = 0
        for (int k = 0; k < 200; k++)
        {
            double y = 4 * k + 1;
            double q = y * y / (16 * x);
            // e^(−q)·K(q) = e^(−2q)·(e^q K(q)), the scaled Bessel function.
            double term = coefficient * Math.Sqrt(y) * Math.Exp(-2 * q) * SpecialFunctions.BesselKScaled(0.25, q);
            sum += term;
            if (term <= 1e-17 * sum) break;
            coefficient *= (k + 0.5) / (k + 1);
        }
        return sum / (Math.Pow(Math.PI, 1.5) * Math.Sqrt(x));
    }

    private static double SmirnovTail(double x)
    {
        // e^(−x·π²/2) is factored out, so the integrands stay O(1) for large x; term j is at most a modest multiple of
        // e^(−x(a_j² − π²)/2) relative to the first, so the sum stops once that is below 1e-18. Each interval is split at
        // its midpoint and each half written as t = end ∓ s², which makes the integrand smooth in s (|sin t| = sin s²);
        // the half at the lower end, where e^(−x t²/2) falls fastest, is split again where that fall has run its course;
        // 128-point Gauss–Legendre on each smooth piece.
        double first = Math.PI * Math.PI;
        double half = Math.Sqrt(Math.PI / 2);
        double total = 0;
        for (int j = 1; j < 1000; j++)
        {
            double a = (2 * j - 1) * Math.PI, b = 2 * j * Math.PI;
            if (j > 1 && x * (a * a - first) / 2 > 41.5) break;
            double Term(double t, double s)
            {
                double s2 = s * s;
                double ratio = s2 == 0 ? 1 : s / Math.Sqrt(Math.Sin(s2));   // s/√sin(s²) → 1 as s → 0
                return Math.Sqrt(t) * ratio * Math.Exp(-x * (t * t - first) / 2) * (2 / t) * 2;
            }
            double Lower(double s) => Term(a + s * s, s);
            double Upper(double s) => Term(b - s * s, s);
            // A piece whose integrand stays below e^(−41.5) ≈ 1e-18 of the first term's scale is left out.
            bool Negligible(double tMin) => x * (tMin * tMin - first) / 2 > 41.5;
            double split = Math.Min(half, 8 / Math.Sqrt(x * a));
            double integral = GaussLegendreRule.Integrate(Lower, 0, split, 128);
            if (split < half && !Negligible(a + split * split)) integral += GaussLegendreRule.Integrate(Lower, split, half, 128);
            if (!Negligible(a + Math.PI / 2)) integral += GaussLegendreRule.Integrate(Upper, 0, half, 128);
            total += (j % 2 == 1 ? 1 : -1) * integral;
        }
        return total * Math.Exp(-x * first / 2) / Math.PI;
    }
}
