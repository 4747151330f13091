using BenchmarkDotNet.Attributes;
using Kullback.Continuous;

namespace Kullback.Benchmarks;

/// <summary>
/// The k-nearest-neighbour estimators (k = 5) on correlated normal samples in 3 and 10 dimensions, on every core and
/// on one; and 10⁶ dice rolls against 10⁶ (heavy duplicates, once super-linear). Side by side with scipy: the
/// <c>knn</c> mode (<see cref="KnnCompare"/>).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class EstimatorBenchmarks
{
    private double[] _x = [], _y = [], _diceX = [], _diceY = [];

    [Params(3, 10)]
    public int Dimensions { get; set; }

    [Params(10_000, 100_000)]
    public int Points { get; set; }

    [GlobalSetup]
    public void Draw()
    {
        (_x, _y) = KnnCompare.Points(Dimensions, Points);
        var rng = new Random(1);
        _diceX = Enumerable.Range(0, 1_000_000).Select(_ => (double)rng.Next(1, 7)).ToArray();
        _diceY = Enumerable.Range(0, 1_000_000).Select(_ => (double)rng.Next(1, 7)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public NearestNeighbourEstimates KullbackLeiblerAndEntropiesK5() => NearestNeighbourEstimators.KullbackLeiblerAndEntropies(_x, _y, Dimensions, 5);

    [Benchmark]
    public NearestNeighbourEstimates KullbackLeiblerAndEntropiesK5OneThread() => NearestNeighbourEstimators.KullbackLeiblerAndEntropies(_x, _y, Dimensions, 5, maxDegreeOfParallelism: 1);

    [Benchmark]
    public double KullbackLeiblerK5() => NearestNeighbourEstimators.KullbackLeibler(_x, _y, Dimensions, 5);

    [Benchmark]
    public double EntropyK5() => NearestNeighbourEstimators.Entropy(_x, Dimensions, 5);

    /// <summary>10⁶ rolls against 10⁶ in one dimension (the parameters do not apply).</summary>
    [Benchmark]
    public NearestNeighbourEstimates DiceMillionK5() => NearestNeighbourEstimators.KullbackLeiblerAndEntropies(_diceX, _diceY, 1, 5);
}
