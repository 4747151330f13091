using Kullback.Numerics;
using MathNet.Numerics;

namespace Kullback.Continuous;

/// <summary>
/// Divergence and entropy estimated from samples alone, in d dimensions, by k-nearest-neighbour distances
/// (Euclidean, through a k-d tree): Wang, Kulkarni and Verdú (2009) for D(P‖Q), Kozachenko and Leonenko (1987)
/// for differential entropy. Both in nats.
/// </summary>
/// <remarks>
/// <para>Points come as one flat row-major array: point i is <c>points[i·d .. (i + 1)·d)</c>. The
/// <see cref="IReadOnlyList{T}"/> overloads copy into that layout.</para>
/// <para>Duplicate points (zero distances) are handled by the adaptive form of the estimators: where the k-th neighbour
/// is at distance 0, kᵢ grows to the first positive distance, kᵢ = max(k, cᵢ + 1) with cᵢ the copies of xᵢ among the
/// other points, and the digamma terms ψ(kᵢ) keep the estimate consistent. Copies are stored once with their count, so
/// the time is O(n log n) (for low d) and the memory O(n·d) whatever the duplicates: 10⁶ dice rolls against 10⁶ take 0.13 s of processor time.</para>
/// <para>Distances are exact: squared in coordinates rescaled by a power of two (so data at 1e−160 or 1e300 neither
/// underflow nor overflow; each entropy gets d·ln 2^S back exactly, D(P‖Q) is unchanged), and distances whose squares
/// would still be subnormal are recomputed with scaled differences. The neighbour distances equal, bit for bit, those of
/// a brute-force search that sums (xⱼ − yⱼ)² in order.</para>
/// <para>Speed: queries run on every core (<c>maxDegreeOfParallelism</c> −1) or as many as given, in fixed blocks, and
/// every sum is taken in one order afterwards: the result does not depend on the number of threads.
/// <see cref="KullbackLeiblerAndEntropies(ReadOnlySpan{double}, ReadOnlySpan{double}, int, int, int)"/> shares the trees
/// and the x-to-x distances between the three estimates.</para>
/// </remarks>
public static class NearestNeighbourEstimators
{
    /// <summary>
    /// D̂(P‖Q) = (d/n)·Σᵢ ln(νᵢ/ρᵢ) + (1/n)·Σᵢ [ψ(kᵢ) − ψ(lᵢ)] + ln(m/(n − 1)), where ρᵢ is the distance from xᵢ to its
    /// kᵢ-th nearest other x and νᵢ to its lᵢ-th nearest y (kᵢ = max(k, copies of xᵢ among the other x + 1), lᵢ = max(k,
    /// copies of xᵢ among the y + 1)): the mean of ln p̂(xᵢ) − ln q̂(xᵢ) with p̂ ∝ e^ψ(kᵢ)/((n − 1)ρᵢᵈ) and
    /// q̂ ∝ e^ψ(lᵢ)/(m νᵢᵈ). In nats.
    /// </summary>
    /// <returns>The estimate, clamped at 0 (sampling error can push the raw estimate below the true D ≥ 0).</returns>
    /// <param name="x">n ≥ k + 1 samples of P, row-major: n·d finite coordinates.</param>
    /// <param name="y">m ≥ k samples of Q, row-major, with the same d.</param>
    /// <param name="dimensions">d ≥ 1, the coordinates per point.</param>
    /// <param name="k">The neighbour rank, ≥ 1; larger k lowers the variance and raises the bias.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; −1 (the default) for every core.</param>
    /// <exception cref="InvalidArgumentException">k or d below 1; a length that is not a whole number of points; too
    /// few points; a non-finite coordinate; every x the same point; every y the same point and that point one of the x
    /// (no positive distance exists there).</exception>
    public static double KullbackLeibler(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimensions, int k = 1, int maxDegreeOfParallelism = -1)
    {
        var (treeX, treeY) = Trees(x, y, dimensions, k, k, maxDegreeOfParallelism);
        var self = NeighbourJob.Of(treeX, treeX);
        var cross = NeighbourJob.Of(treeX, treeY);
        NeighbourQuery.FindAll([self, cross], k, maxDegreeOfParallelism, NeighbourQuery.BestWidth);
        return Divergence(treeX, treeY, self.Results, cross.Results);
    }

    /// <summary>
    /// Ĥ = ψ(n) − (1/n)·Σᵢ ψ(kᵢ) + ln V_d + (d/n)·Σᵢ ln ρᵢ, with ρᵢ the distance from xᵢ to its kᵢ-th nearest other point
    /// (kᵢ = max(k, copies of xᵢ among the other points + 1)) and V_d = π^(d/2)/Γ(d/2 + 1) the volume of the unit ball.
    /// In nats; negative for concentrated densities, as differential entropy may be. Scaling every point by c adds d·ln|c|.
    /// </summary>
    /// <param name="x">n ≥ k + 1 samples, row-major: n·d finite coordinates.</param>
    /// <param name="dimensions">d ≥ 1.</param>
    /// <param name="k">The neighbour rank, ≥ 1.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; −1 (the default) for every core.</param>
    /// <exception cref="InvalidArgumentException">k or d below 1; a length that is not a whole number of points; too
    /// few points; a non-finite coordinate; every point the same.</exception>
    public static double Entropy(ReadOnlySpan<double> x, int dimensions, int k = 1, int maxDegreeOfParallelism = -1)
    {
        CheckRank(k);
        Check(x, dimensions, nameof(x), k + 1);
        var tree = KdTree.Create(x, dimensions, KdTree.ScaleFor(x));
        CheckNotSinglePoint(tree, nameof(x));
        var self = NeighbourJob.Of(tree, tree);
        NeighbourQuery.FindAll([self], k, maxDegreeOfParallelism, NeighbourQuery.BestWidth);
        return EntropyOf(tree, self.Results);
    }

    /// <summary>
    /// D̂(P‖Q), Ĥ(P) and Ĥ(Q) together, as <see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, int, int, int)"/>
    /// and <see cref="Entropy(ReadOnlySpan{double}, int, int, int)"/> define them, building each tree once and finding each x's
    /// neighbours among the x once: about three quarters of the time of the three calls. In nats.
    /// </summary>
    /// <param name="x">n ≥ k + 1 samples of P, row-major.</param>
    /// <param name="y">m ≥ k + 1 samples of Q, row-major, with the same d.</param>
    /// <param name="dimensions">d ≥ 1.</param>
    /// <param name="k">The neighbour rank, ≥ 1.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; −1 (the default) for every core.</param>
    /// <exception cref="InvalidArgumentException">As for the two estimators; y needs k + 1 points here, for its entropy.</exception>
    public static NearestNeighbourEstimates KullbackLeiblerAndEntropies(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimensions, int k = 1, int maxDegreeOfParallelism = -1)
    {
        var (treeX, treeY) = Trees(x, y, dimensions, k, k + 1, maxDegreeOfParallelism);
        CheckNotSinglePoint(treeY, nameof(y));
        var selfX = NeighbourJob.Of(treeX, treeX);
        var cross = NeighbourJob.Of(treeX, treeY);
        var selfY = NeighbourJob.Of(treeY, treeY);
        NeighbourQuery.FindAll([selfX, cross, selfY], k, maxDegreeOfParallelism, NeighbourQuery.BestWidth);
        return new NearestNeighbourEstimates(
            Divergence(treeX, treeY, selfX.Results, cross.Results),
            EntropyOf(treeX, selfX.Results),
            EntropyOf(treeY, selfY.Results));
    }

    /// <inheritdoc cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, int, int, int)"/>
    /// <param name="x">n ≥ k + 1 samples of P, each a point with d coordinates.</param>
    /// <param name="y">m ≥ k samples of Q, with the same d.</param>
    /// <param name="k">The neighbour rank, ≥ 1; larger k lowers the variance and raises the bias.</param>
    /// <exception cref="InvalidArgumentException">Too few samples, points of different dimensions, non-finite
    /// coordinates, or no positive distance (every x the same point, or every y the same point and equal to an x).</exception>
    public static double KullbackLeibler(IReadOnlyList<double[]> x, IReadOnlyList<double[]> y, int k = 1)
    {
        var (flatX, flatY, d) = FlattenPair(x, y);
        return KullbackLeibler(flatX, flatY, d, k);
    }

    /// <inheritdoc cref="Entropy(ReadOnlySpan{double}, int, int, int)"/>
    /// <param name="x">n ≥ k + 1 samples, each a point with d coordinates.</param>
    /// <param name="k">The neighbour rank, ≥ 1.</param>
    /// <exception cref="InvalidArgumentException">Too few samples, points of different dimensions, non-finite
    /// coordinates, or every point the same.</exception>
    public static double Entropy(IReadOnlyList<double[]> x, int k = 1)
    {
        var (flat, d) = Flatten(x, nameof(x));
        return Entropy(flat, d, k);
    }

    /// <inheritdoc cref="KullbackLeiblerAndEntropies(ReadOnlySpan{double}, ReadOnlySpan{double}, int, int, int)"/>
    /// <param name="x">n ≥ k + 1 samples of P, each a point with d coordinates.</param>
    /// <param name="y">m ≥ k + 1 samples of Q, with the same d.</param>
    /// <param name="k">The neighbour rank, ≥ 1.</param>
    public static NearestNeighbourEstimates KullbackLeiblerAndEntropies(IReadOnlyList<double[]> x, IReadOnlyList<double[]> y, int k = 1)
    {
        var (flatX, flatY, d) = FlattenPair(x, y);
        return KullbackLeiblerAndEntropies(flatX, flatY, d, k);
    }

    private const double Ln2 = 0.69314718055994530942;

    /// <summary>Checks both samples (y needs <paramref name="yMinimum"/> points) and builds their trees with one scale (so that D(P‖Q) is exactly scale-free).</summary>
    private static (KdTree X, KdTree Y) Trees(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimensions, int k, int yMinimum, int maxDegreeOfParallelism)
    {
        CheckRank(k);
        Check(x, dimensions, nameof(x), k + 1);
        Check(y, dimensions, nameof(y), yMinimum);
        int scale = Math.Max(KdTree.ScaleFor(x), KdTree.ScaleFor(y));
        var (treeX, treeY) = KdTree.CreatePair(x, y, dimensions, scale, maxDegreeOfParallelism);
        CheckNotSinglePoint(treeX, nameof(x));
        if (treeY.IsSinglePoint) CheckNotAmong(treeY, treeX, nameof(y));
        return (treeX, treeY);
    }

    private static double Divergence(KdTree x, KdTree y, NeighbourResults self, NeighbourResults cross)
    {
        int n = x.PointCount, m = y.PointCount;
        var logRatios = new NeumaierSum();
        var digammas = new NeumaierSum();
        long exponents = 0;
        for (int slot = 0; slot < x.SlotCount; slot++)
        {
            int w = x.Weights[slot];
            if (w == 0) continue;
            logRatios.Add(w * 0.5 * Math.Log(cross.SquaredDistance[slot] / self.SquaredDistance[slot]));
            exponents += (long)w * (self.Exponent[slot] - cross.Exponent[slot]);
            digammas.Add(w * (Digamma(self.Rank[slot]) - Digamma(cross.Rank[slot])));
        }
        double meanLogRatio = logRatios.Total / n + (double)exponents / n * Ln2;
        return Math.Max(0, x.Dimensions * meanLogRatio + digammas.Total / n + Math.Log(m / (n - 1.0)));
    }

    private static double EntropyOf(KdTree x, NeighbourResults self)
    {
        int n = x.PointCount, d = x.Dimensions;
        var logs = new NeumaierSum();
        var digammas = new NeumaierSum();
        long exponents = 0;
        for (int slot = 0; slot < x.SlotCount; slot++)
        {
            int w = x.Weights[slot];
            if (w == 0) continue;
            logs.Add(w * 0.5 * Math.Log(self.SquaredDistance[slot]));
            exponents += (long)w * self.Exponent[slot];
            digammas.Add(w * Digamma(self.Rank[slot]));
        }
        double meanLog = logs.Total / n + (x.Scale - (double)exponents / n) * Ln2;
        double logUnitBall = d / 2.0 * Math.Log(Math.PI) - SpecialFunctions.GammaLn(d / 2.0 + 1);
        return SpecialFunctions.DiGamma(n) - digammas.Total / n + logUnitBall + d * meanLog;
    }

    private static readonly double[] SmallDigammas = Enumerable.Range(0, 129).Select(i => i == 0 ? double.NaN : SpecialFunctions.DiGamma(i)).ToArray();

    private static double Digamma(int rank) => rank < SmallDigammas.Length ? SmallDigammas[rank] : SpecialFunctions.DiGamma(rank);

    private static void CheckRank(int k)
    {
        if (k < 1) throw new InvalidArgumentException($"k = {k}: the neighbour rank must be at least 1.", nameof(k));
    }

    /// <summary>Checks a flat sample; returns its number of points.</summary>
    private static int Check(ReadOnlySpan<double> points, int dimensions, string name, int minimum)
    {
        if (dimensions < 1)
            throw new InvalidArgumentException($"dimensions = {dimensions}: a point needs at least one coordinate.", nameof(dimensions));
        if (points.Length % dimensions != 0)
            throw new InvalidArgumentException($"{name} holds {points.Length} numbers, which is not a whole number of points of {dimensions} coordinates.", name);
        int n = points.Length / dimensions;
        if (n < minimum)
            throw new InvalidArgumentException($"{name} has {n} points; at least {minimum} are needed.", name);
        for (int i = 0; i < points.Length; i++)
            if (!double.IsFinite(points[i]))
                throw new InvalidArgumentException(
                    $"{name}[{i / dimensions}] has a non-finite coordinate ({Preconditions.Format(points[i])} at position {i % dimensions}): every coordinate must be a finite number.", name);
        return n;
    }

    private static void CheckNotSinglePoint(KdTree tree, string name)
    {
        if (tree.IsSinglePoint)
            throw new InvalidArgumentException(
                $"Every point of {name} coincides with ({Coordinates(tree, 0)}): with no positive distance between them the density cannot be estimated.", name);
    }

    /// <summary>When every y is one point: refuses if that point is also an x (the x there has no y at positive distance).</summary>
    private static void CheckNotAmong(KdTree single, KdTree x, string name)
    {
        int d = x.Dimensions;
        Span<double> point = d <= 64 ? stackalloc double[d] : new double[d];
        single.CopySlot(0, point);
        for (int slot = 0; slot < x.SlotCount; slot++)
        {
            if (x.Weights[slot] == 0) continue;
            bool same = true;
            for (int j = 0; j < d && same; j++) same = x.Coordinates[x.Position(slot, j)] == point[j];
            if (same)
                throw new InvalidArgumentException(
                    $"Every point of {name} coincides with x[{x.FirstIndex[slot]}] = ({Coordinates(single, 0)}): no y lies at a positive distance from it, so q cannot be estimated there.", name);
        }
    }

    private static string Coordinates(KdTree tree, int slot) =>
        string.Join(", ", Enumerable.Range(0, tree.Dimensions).Select(j => Preconditions.Format(Math.ScaleB(tree.Coordinates[tree.Position(slot, j)], tree.Scale))));

    private static (double[] Points, int Dimensions) Flatten(IReadOnlyList<double[]> points, string name)
    {
        ArgumentNullException.ThrowIfNull(points, name);
        if (points.Count == 0) throw new InvalidArgumentException($"{name} has no points.", name);
        int d = points[0]?.Length ?? throw new InvalidArgumentException($"{name}[0] is null.", name);
        if (d == 0) throw new InvalidArgumentException($"{name}[0] has no coordinates.", name);
        var flat = new double[points.Count * d];
        for (int i = 0; i < points.Count; i++)
        {
            var point = points[i] ?? throw new InvalidArgumentException($"{name}[{i}] is null.", name);
            if (point.Length != d)
                throw new InvalidArgumentException($"{name}[{i}] has {point.Length} coordinates but {name}[0] has {d}.", name);
            point.CopyTo(flat, i * d);
        }
        return (flat, d);
    }

    private static (double[] X, double[] Y, int Dimensions) FlattenPair(IReadOnlyList<double[]> x, IReadOnlyList<double[]> y)
    {
        var (flatX, d) = Flatten(x, nameof(x));
        var (flatY, dy) = Flatten(y, nameof(y));
        if (dy != d) throw new InvalidArgumentException($"x has {d} dimensions but y has {dy}: they must match.", nameof(y));
        return (flatX, flatY, d);
    }
}
