namespace Kullback.Tests;

/// <summary>
/// The reference the k-d tree is checked against: every distance, sorted. Distance² = Σⱼ (aⱼ − bⱼ)² summed in order
/// (the definition the tree promises to reproduce bit for bit); copies are points with identical coordinates.
/// </summary>
internal static class BruteForceNeighbours
{
    /// <summary>The max(k, copies + 1)-th smallest distance from <paramref name="query"/> to the points, leaving out index <paramref name="exclude"/>; its rank.</summary>
    public static (double Distance, int Rank) Find(double[] points, int d, ReadOnlySpan<double> query, int k, int exclude) =>
        Sorted(points, d, query, exclude).Kth(k);

    /// <summary>Every distance from <paramref name="query"/> (squared, ascending, copies apart), leaving out index <paramref name="exclude"/>.</summary>
    public static Distances Sorted(double[] points, int d, ReadOnlySpan<double> query, int exclude)
    {
        int n = points.Length / d;
        var squared = new List<double>(n);
        int copies = 0;
        for (int i = 0; i < n; i++)
        {
            if (i == exclude) continue;
            double sum = 0;
            bool same = true;
            for (int j = 0; j < d; j++)
            {
                double diff = points[i * d + j] - query[j];
                same &= diff == 0;
                sum += diff * diff;
            }
            if (same) copies++;
            else squared.Add(sum);
        }
        squared.Sort();
        return new Distances(copies, [.. squared]);
    }

    /// <summary>The copies of a query and the squared distances of the other points, ascending.</summary>
    internal sealed record Distances(int Copies, double[] Squared)
    {
        /// <summary>The max(k, copies + 1)-th smallest distance and its rank.</summary>
        public (double Distance, int Rank) Kth(int k)
        {
            int rank = Math.Max(k, Copies + 1);
            return (Math.Sqrt(Squared[rank - Copies - 1]), rank);
        }
    }

    /// <summary>Kozachenko–Leonenko from brute-force distances: ψ(n) − mean ψ(kᵢ) + ln V_d + d·mean ln ρᵢ.</summary>
    public static double Entropy(double[] x, int d, int k)
    {
        int n = x.Length / d;
        double logs = 0, digammas = 0;
        for (int i = 0; i < n; i++)
        {
            var (rho, rank) = Find(x, d, x.AsSpan(i * d, d), k, i);
            logs += Math.Log(rho);
            digammas += MathNet.Numerics.SpecialFunctions.DiGamma(rank);
        }
        double logUnitBall = d / 2.0 * Math.Log(Math.PI) - MathNet.Numerics.SpecialFunctions.GammaLn(d / 2.0 + 1);
        return MathNet.Numerics.SpecialFunctions.DiGamma(n) - digammas / n + logUnitBall + d * logs / n;
    }

    /// <summary>Wang–Kulkarni–Verdú from brute-force distances, clamped at 0.</summary>
    public static double KullbackLeibler(double[] x, double[] y, int d, int k)
    {
        int n = x.Length / d, m = y.Length / d;
        double logs = 0, digammas = 0;
        for (int i = 0; i < n; i++)
        {
            var (rho, ki) = Find(x, d, x.AsSpan(i * d, d), k, i);
            var (nu, li) = Find(y, d, x.AsSpan(i * d, d), k, -1);
            logs += Math.Log(nu) - Math.Log(rho);
            digammas += MathNet.Numerics.SpecialFunctions.DiGamma(ki) - MathNet.Numerics.SpecialFunctions.DiGamma(li);
        }
        return Math.Max(0, d * logs / n + digammas / n + Math.Log(m / (n - 1.0)));
    }

    /// <summary>The scale of the terms of an entropy estimate (for relative tolerances when the estimate itself is near 0).</summary>
    public static double EntropyMagnitude(double[] x, int d, int k, double entropy)
    {
        int n = x.Length / d;
        double logs = 0;
        for (int i = 0; i < n; i++) logs += Math.Abs(Math.Log(Find(x, d, x.AsSpan(i * d, d), k, i).Distance));
        return Math.Abs(entropy) + Math.Log(n) + d * logs / n;
    }
}
