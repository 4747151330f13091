using Kullback.Numerics;
using MathNet.Numerics;

namespace Kullback.Comparison;

/// <summary>
/// The distribution of the one-sample two-sided Kolmogorov–Smirnov statistic Dₙ for finite n (scipy's
/// <c>kstwo</c>), whose survival function at n = round(m·n/(m + n)) is the two-sample test's asymptotic p-value.
/// </summary>
/// <remarks>
/// The method follows Simard &amp; L'Ecuyer (2011), as scipy does: Ruben–Gambino's closed forms at the ends of the
/// support, the one-sided Smirnov sum doubled where the two one-sided events cannot (or can hardly) both happen, the
/// Durbin matrix (Marsaglia–Tsang–Wang) for small n·d², and Pelz–Good's asymptotic series for large n elsewhere.
/// Where Simard &amp; L'Ecuyer use Pomeranz's recursion (n ≤ 140, 0.754693 &lt; n·d² ≤ 4) the Durbin matrix is used
/// instead: it is exact too, and there its size is at most 47.
/// </remarks>
internal static class KolmogorovDistribution
{
    private const double Log2Pi = 1.8378770664093454836;

    /// <summary>P(Dₙ ≥ d).</summary>
    public static double Survival(long n, double d)
    {
        if (d >= 1) return 0.0;
        if (d <= 0) return 1.0;
        double t = n * d;
        if (t <= 0.5) return 1.0;
        if (t <= 1)
        {
            // Ruben–Gambino: P(Dₙ ≤ d) = n!/nⁿ·(2t − 1)ⁿ for 1/(2n) ≤ d ≤ 1/n.
            double logCdf = LogFactorialOverPower(n) + n * Math.Log(2 * t - 1);
            return Math.Clamp(-Elementary.ExpMinusOne(logCdf), 0.0, 1.0);
        }
        if (t >= n - 1) return Math.Clamp(2 * Math.Exp(n * Elementary.LogOnePlus(-d)), 0.0, 1.0);
        if (d >= 0.5) return Math.Clamp(2 * Smirnov(n, d), 0.0, 1.0);
        double nd2 = t * d;
        if (n <= 140)
        {
            if (nd2 <= 4) return Math.Clamp(1 - DurbinMatrixCdf(n, d), 0.0, 1.0);
            return Math.Clamp(2 * Smirnov(n, d), 0.0, 1.0);
        }
        if (nd2 >= 2.2) return Math.Clamp(2 * Smirnov(n, d), 0.0, 1.0);
        double cdf = n <= 100000 && n * Math.Pow(d, 1.5) <= 1.4 ? DurbinMatrixCdf(n, d) : PelzGoodCdf(n, d);
        return Math.Clamp(1 - cdf, 0.0, 1.0);
    }

    /// <summary>ln(n!/nⁿ).</summary>
    private static double LogFactorialOverPower(long n) =>
        n <= 170 ? SpecialFunctions.FactorialLn((int)n) - n * Math.Log(n)
        : 0.5 * Math.Log(n) - n + 0.5 * Log2Pi + StirlingError(n);

    /// <summary>
    /// The one-sided Smirnov survival P(Dₙ⁺ ≥ d) = d·Σ_{v=0}^{⌊n(1−d)⌋} C(n, v)·(d + v/n)^{v−1}·(1 − d − v/n)^{n−v}
    /// (Birnbaum–Tingey), each term in log space with Stirling's series arranged so that nothing large cancels;
    /// for n &gt; 10⁶ the approximation exp(−(6nd + 1)²/(18n)) (as scipy).
    /// </summary>
    internal static double Smirnov(long n, double d)
    {
        if (d <= 0) return 1.0;
        if (d >= 1) return 0.0;
        if (n == 1) return 1 - d;
        if (-2.0 * n * d * d < -745) return 0.0;
        if (n > 1_000_000) return Math.Exp(-Math.Pow(6.0 * n * d + 1, 2) / (18.0 * n));
        long last = (long)Math.Floor(n * (1 - d));
        var sum = new NeumaierSum();
        double logD = Math.Log(d);
        double logDeltaN = StirlingError(n);
        sum.Add(Math.Exp(n * Elementary.LogOnePlus(-d)));   // v = 0: (1 − d)ⁿ
        for (long v = 1; v <= last && v < n; v++)
        {
            double s = (double)v / n;
            double rest = 1 - d - s;
            if (rest <= 0) break;
            double logTerm = logD - Math.Log(d + s)
                + v * Elementary.LogOnePlus(n * d / v)
                + (n - v) * Elementary.LogOnePlus(-d / (1 - s))
                + 0.5 * (Math.Log((double)n / ((double)v * (n - v))) - Log2Pi)
                + logDeltaN - StirlingError(v) - StirlingError(n - v);
            double term = Math.Exp(logTerm);
            sum.Add(term);
            if (4.0 * (last - v) * term < 1e-17 * sum.Total && v > 2) break;
        }
        return Math.Clamp(sum.Total, 0.0, 1.0);
    }

    /// <summary>δ(k) = ln k! − (k ln k − k + ½ ln(2πk)), Stirling's error, for k ≥ 1.</summary>
    internal static double StirlingError(long k)
    {
        if (k < 16) return SpecialFunctions.FactorialLn((int)k) - (k * Math.Log(k) - k + 0.5 * (Log2Pi + Math.Log(k)));
        double r = 1.0 / k, r2 = r * r;
        return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))));
    }

    /// <summary>
    /// P(Dₙ &lt; d) by Durbin's matrix (Marsaglia, Tsang &amp; Wang 2003): with d = (k − h)/n, k = ⌈n·d⌉, the k-th
    /// diagonal entry of n!/nⁿ·Hⁿ for the (2k − 1)-square matrix H, powers by squaring with exact power-of-two scaling.
    /// </summary>
    internal static double DurbinMatrixCdf(long n, double d)
    {
        double nd = n * d;
        int k = (int)Math.Ceiling(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        var hm = new double[m, m];
        var inverseFactorial = new double[m + 1];
        inverseFactorial[0] = 1;
        for (int i = 1; i <= m; i++) inverseFactorial[i] = inverseFactorial[i - 1] / i;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
                if (i - j + 1 >= 0) hm[i, j] = inverseFactorial[i - j + 1];
        for (int i = 0; i < m; i++)
        {
            hm[i, 0] -= Math.Pow(h, i + 1) * inverseFactorial[i + 1];
            hm[m - 1, i] -= Math.Pow(h, m - i) * inverseFactorial[m - i];
        }
        hm[m - 1, 0] += (2 * h - 1 > 0 ? Math.Pow(2 * h - 1, m) : 0) * inverseFactorial[m];

        var result = Identity(m);
        int resultExponent = 0, baseExponent = 0;
        long power = n;
        while (power > 0)
        {
            if ((power & 1) == 1)
            {
                result = Multiply(result, hm);
                resultExponent += baseExponent;
                resultExponent += Rescale(result, k - 1);
            }
            power >>= 1;
            if (power > 0)
            {
                hm = Multiply(hm, hm);
                baseExponent *= 2;
                baseExponent += Rescale(hm, k - 1);
            }
        }
        double p = result[k - 1, k - 1];
        int exponent = resultExponent;
        for (long i = 1; i <= n; i++)
        {
            p = p * i / n;
            if (Math.Abs(p) < 1e-140)
            {
                p = Math.ScaleB(p, 256);
                exponent -= 256;
            }
        }
        return Math.Clamp(Math.ScaleB(p, exponent), 0.0, 1.0);
    }

    /// <summary>Divides the matrix by a power of two when its entry [i, i] grows past 2^256; returns the exponent taken out.</summary>
    private static int Rescale(double[,] a, int i)
    {
        if (!(Math.Abs(a[i, i]) > 1e77)) return 0;
        int m = a.GetLength(0);
        for (int r = 0; r < m; r++)
            for (int c = 0; c < m; c++) a[r, c] = Math.ScaleB(a[r, c], -256);
        return 256;
    }

    private static double[,] Identity(int m)
    {
        var a = new double[m, m];
        for (int i = 0; i < m; i++) a[i, i] = 1;
        return a;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int m = a.GetLength(0);
        var c = new double[m, m];
        for (int i = 0; i < m; i++)
            for (int l = 0; l < m; l++)
            {
                double ail = a[i, l];
                if (ail == 0) continue;
                for (int j = 0; j < m; j++) c[i, j] += ail * b[l, j];
            }
        return c;
    }

    /// <summary>
    /// Pelz &amp; Good's (1976) approximation P(Dₙ ≤ d) ≈ K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^(3/2), z = d√n, each
    /// Kᵢ in its theta-function form for small z.
    /// </summary>
    internal static double PelzGoodCdf(long n, double d)
    {
        double z = Math.Sqrt(n) * d;
        double z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2, z8 = z4 * z4;
        double pi2 = Math.PI * Math.PI, pi4 = pi2 * pi2, pi6 = pi4 * pi2;
        if (-pi2 / (8 * z2) < -708) return 0.0;
        int maxK = (int)Math.Ceiling(16 * z / Math.PI);
        double k1a = -z2, k1b = pi2 / 4;
        double k2a = 6 * z6 + 2 * z4, k2b = (2 * z4 - 5 * z2) * pi2 / 4, k2c = pi4 * (1 - 2 * z2) / 16;
        double k3a = -30 * z6 - 90 * z8, k3b = pi2 * (135 * z4 - 96 * z6) / 4, k3c = pi4 * (-60 * z2 + 212 * z4) / 16, k3d = pi6 * (5 - 30 * z2) / 64;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int k = maxK; k >= 1; k--)
        {
            double odd = 2 * k - 1, o2 = odd * odd, o4 = o2 * o2, o6 = o4 * o2;
            double w = Math.Exp(-o2 * pi2 / (8 * z2));
            s0 += w;
            s1 += (k1a + k1b * o2) * w;
            s2 += (k2a + k2b * o2 + k2c * o4) * w;
            s3 += (k3a + k3b * o2 + k3c * o4 + k3d * o6) * w;
        }
        double root2Pi = Math.Sqrt(2 * Math.PI);
        double k0 = root2Pi * s0 / z;
        double kk1 = root2Pi * s1 / (6 * z4);
        double kk2 = root2Pi * s2 / (72 * z * z6);
        double kk3 = root2Pi * s3 / (6480 * z4 * z6);
        double e2 = 0, e3 = 0;
        for (int k = maxK; k >= 1; k--)
        {
            double kk = (double)k * k;
            double w = Math.Exp(-kk * pi2 / (2 * z2));
            e2 += kk * w;
            e3 += (3 * z2 - pi2 * kk) * kk * w;
        }
        kk2 += e2 * pi2 * root2Pi / (-36 * z3);
        kk3 += e3 * pi2 * root2Pi / (216 * z6);
        double rn = Math.Sqrt((double)n);
        return k0 + kk1 / rn + kk2 / n + kk3 / (n * rn);
    }
}
