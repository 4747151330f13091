using MathNet.Numerics;

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

    /// <summary>Every point's sorted distances to the other points of its own sample.</summary>
    public static Distances[] Self(double[] x, int d) =>
        Enumerable.Range(0, x.Length / d).Select(i => Sorted(x, d, x.AsSpan(i * d, d), i)).ToArray();

    /// <summary>Every point of x's sorted distances to the points of y.</summary>
    public static Distances[] Cross(double[] x, double[] y, int d) =>
        Enumerable.Range(0, x.Length / d).Select(i => Sorted(y, d, x.AsSpan(i * d, d), -1)).ToArray();

    /// <summary>Kozachenko–Leonenko from brute-force distances: ψ(n) − mean ψ(kᵢ) + ln V_d + d·mean ln ρᵢ.</summary>
    public static double Entropy(Distances[] self, int d, int k)
    {
        int n = self.Length;
        double logs = 0, digammas = 0;
        foreach (var distances in self)
        {
            var (rho, rank) = distances.Kth(k);
            logs += Math.Log(rho);
            digammas += SpecialFunctions.DiGamma(rank);
        }
        double logUnitBall = d / 2.0 * Math.Log(Math.PI) - SpecialFunctions.GammaLn(d / 2.0 + 1);
        return SpecialFunctions.DiGamma(n) - digammas / n + logUnitBall + d * logs / n;
    }

    /// <summary>The size of the terms of an entropy estimate, ψ(n) + |ln V_d| + d·mean |ln ρᵢ|: the scale of its rounding errors.</summary>
    public static double EntropyMagnitude(Distances[] self, int d, int k) =>
        Math.Log(self.Length) + Math.Abs(d / 2.0 * Math.Log(Math.PI) - SpecialFunctions.GammaLn(d / 2.0 + 1)) + d * self.Average(s => Math.Abs(Math.Log(s.Kth(k).Distance)));

    /// <summary>Wang–Kulkarni–Verdú from brute-force distances, before the clamp at 0.</summary>
    public static double KullbackLeibler(Distances[] self, Distances[] cross, int d, int m, int k)
    {
        int n = self.Length;
        double logs = 0, digammas = 0;
        for (int i = 0; i < n; i++)
        {
            var (rho, ki) = self[i].Kth(k);
            var (nu, li) = cross[i].Kth(k);
            logs += Math.Log(nu) - Math.Log(rho);
            digammas += SpecialFunctions.DiGamma(ki) - SpecialFunctions.DiGamma(li);
        }
        return d * logs / n + digammas / n + Math.Log(m / (n - 1.0));
    }

    /// <summary>The size of the terms of a divergence estimate: the scale of its rounding errors.</summary>
    public static double KullbackLeiblerMagnitude(Distances[] self, Distances[] cross, int d, int m, int k) =>
        Math.Abs(Math.Log(m / (self.Length - 1.0))) + d * self.Zip(cross).Average(p => Math.Abs(Math.Log(p.Second.Kth(k).Distance / p.First.Kth(k).Distance)))
        + self.Zip(cross).Average(p => Math.Abs(SpecialFunctions.DiGamma(p.First.Kth(k).Rank) - SpecialFunctions.DiGamma(p.Second.Kth(k).Rank)));
}
