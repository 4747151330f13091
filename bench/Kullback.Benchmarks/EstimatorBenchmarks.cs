using BenchmarkDotNet.Attributes;
using Kullback.Continuous;

namespace Kullback.Benchmarks;

/// <summary>The k-nearest-neighbour divergence estimator on 10⁵ × 10⁵ points in 3-D (issue: seconds, not hours).</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class EstimatorBenchmarks
{
    private List<double[]> _x = [], _y = [];

    [Params(100_000)]
    public int Points { get; set; }

    [GlobalSetup]
    public void Draw()
    {
        var p = MultivariateNormal.Of([0, 0, 0], new double[,] { { 1, 0.3, 0 }, { 0.3, 1, 0.2 }, { 0, 0.2, 1 } });
        var q = MultivariateNormal.Of([1, -0.5, 0.2], new double[,] { { 2, 0, 0.4 }, { 0, 1.5, 0 }, { 0.4, 0, 1 } });
        var rng = new Random(1);
        _x = Enumerable.Range(0, Points).Select(_ => p.Sample(rng)).ToList();
        _y = Enumerable.Range(0, Points).Select(_ => q.Sample(rng)).ToList();
    }

    [Benchmark]
    public double KullbackLeiblerK5() => NearestNeighbourEstimators.KullbackLeibler(_x, _y, 5);

    [Benchmark]
    public double EntropyK5() => NearestNeighbourEstimators.Entropy(_x, 5);
}
