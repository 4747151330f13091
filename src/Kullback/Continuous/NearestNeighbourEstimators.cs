using MathNet.Numerics;

namespace Kullback.Continuous;

/// <summary>
/// Divergence and entropy estimated from samples alone, in d dimensions, by k-nearest-neighbour distances
/// (Euclidean, through a k-d tree): Wang, Kulkarni and Verdú (2009) for D(P‖Q), Kozachenko and Leonenko (1987)
/// for differential entropy. Both in nats.
/// </summary>
/// <remarks>
/// Duplicate points (zero distances) are handled by the adaptive form of the estimators: where the k-th neighbour is
/// at distance 0, kᵢ grows to the first positive distance and the digamma terms ψ(kᵢ) keep the estimate consistent.
/// </remarks>
public static class NearestNeighbourEstimators
{
    /// <summary>
    /// D̂(P‖Q) = (d/n)·Σᵢ ln(νᵢ/ρᵢ) + (1/n)·Σᵢ [ψ(kᵢ) − ψ(lᵢ)] + ln(m/(n − 1)), where ρᵢ is the distance from xᵢ to its
    /// kᵢ-th nearest other x and νᵢ to its lᵢ-th nearest y (kᵢ = lᵢ = k unless duplicates force them up): the mean of
    /// ln p̂(xᵢ) − ln q̂(xᵢ) with p̂ ∝ e^ψ(kᵢ)/((n − 1)ρᵢᵈ) and q̂ ∝ e^ψ(lᵢ)/(m νᵢᵈ).
    /// </summary>
    /// <returns>The estimate, clamped at 0 (sampling error can push the raw estimate below the true D ≥ 0).</returns>
    /// <param name="x">n ≥ k + 1 samples of P, each a point with d coordinates.</param>
    /// <param name="y">m ≥ k samples of Q, with the same d.</param>
    /// <param name="k">The neighbour rank, ≥ 1; larger k lowers the variance and raises the bias.</param>
    /// <exception cref="ArgumentException">Too few samples, mismatched dimensions, non-finite coordinates, or all points identical.</exception>
    public static double KullbackLeibler(IReadOnlyList<double[]> x, IReadOnlyList<double[]> y, int k = 1)
    {
        int d = CheckSamples(x, nameof(x), k + 1);
        if (CheckSamples(y, nameof(y), k) != d)
            throw new InvalidArgumentException($"x has {d} dimensions but y has {y[0].Length}: they must match.", nameof(y));
        if (k < 1) throw new InvalidArgumentException("k must be at least 1.", nameof(k));
        var treeX = new KdTree(x);
        var treeY = new KdTree(y);
        int n = x.Count, m = y.Count;
        double logRatios = 0, digammas = 0;
        for (int i = 0; i < n; i++)
        {
            var (rho, ki) = PositiveNeighbourDistance(treeX, x[i], k, exclude: i, nameof(x));
            var (nu, li) = PositiveNeighbourDistance(treeY, x[i], k, exclude: -1, nameof(y));
            logRatios += Math.Log(nu) - Math.Log(rho);
            digammas += SpecialFunctions.DiGamma(ki) - SpecialFunctions.DiGamma(li);
        }
        return Math.Max(0, d * logRatios / n + digammas / n + Math.Log(m / (n - 1.0)));
    }

    /// <summary>
    /// Ĥ = ψ(n) − (1/n)·Σᵢ ψ(kᵢ) + ln V_d + (d/n)·Σᵢ ln ρᵢ, with V_d = π^(d/2)/Γ(d/2 + 1) the volume of the unit ball.
    /// </summary>
    /// <param name="x">n ≥ k + 1 samples, each a point with d coordinates.</param>
    /// <param name="k">The neighbour rank, ≥ 1.</param>
    /// <exception cref="ArgumentException">Too few samples, non-finite coordinates, or all points identical.</exception>
    public static double Entropy(IReadOnlyList<double[]> x, int k = 1)
    {
        int d = CheckSamples(x, nameof(x), k + 1);
        if (k < 1) throw new InvalidArgumentException("k must be at least 1.", nameof(k));
        var tree = new KdTree(x);
        int n = x.Count;
        double logs = 0, digammas = 0;
        for (int i = 0; i < n; i++)
        {
            var (rho, ki) = PositiveNeighbourDistance(tree, x[i], k, exclude: i, nameof(x));
            logs += Math.Log(rho);
            digammas += SpecialFunctions.DiGamma(ki);
        }
        double logUnitBall = d / 2.0 * Math.Log(Math.PI) - SpecialFunctions.GammaLn(d / 2.0 + 1);
        return SpecialFunctions.DiGamma(n) - digammas / n + logUnitBall + d * logs / n;
    }

    /// <summary>The k-th neighbour distance, or, when it is 0 (duplicates), the first positive one and its rank.</summary>
    private static (double Distance, int Rank) PositiveNeighbourDistance(KdTree tree, double[] point, int k, int exclude, string name)
    {
        int wanted = k;
        while (true)
        {
            var distances = tree.NearestDistances(point, wanted, exclude);
            int zeros = 0;
            while (zeros < distances.Length && distances[zeros] == 0) zeros++;
            int rank = Math.Max(k, zeros + 1);
            if (rank <= distances.Length) return (distances[rank - 1], rank);
            if (distances.Length < wanted)
                throw new InvalidArgumentException($"Every point of {name} coincides with ({string.Join(", ", point)}): no positive distance exists, so the density cannot be estimated.", name);
            wanted *= 2;
        }
    }

    private static int CheckSamples(IReadOnlyList<double[]> points, string name, int minimum)
    {
        ArgumentNullException.ThrowIfNull(points, name);
        if (points.Count < minimum)
            throw new InvalidArgumentException($"{name} has {points.Count} points; at least {minimum} are needed.", name);
        int d = points[0].Length;
        if (d == 0) throw new InvalidArgumentException($"{name}[0] has no coordinates.", name);
        for (int i = 0; i < points.Count; i++)
        {
            if (points[i].Length != d)
                throw new InvalidArgumentException($"{name}[{i}] has {points[i].Length} coordinates but {name}[0] has {d}.", name);
            foreach (double v in points[i])
                if (!double.IsFinite(v)) throw new InvalidArgumentException($"{name}[{i}] has a non-finite coordinate ({v}).", name);
        }
        return d;
    }
}
