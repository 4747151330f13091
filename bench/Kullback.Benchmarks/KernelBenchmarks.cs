using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace Kullback.Benchmarks;

/// <summary>
/// Every measure's fast pass at the sizes of the side-by-side comparison (bench/compare.sh adds numpy, scipy and PyTorch),
/// in double and in single precision, with one thread's read limit for scale.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private double[] _p = [], _q = [];
    private float[] _pf = [], _qf = [];

    [Params(100, 10_000, 1_000_000, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Draw()
    {
        var rng = new Random(N);
        _p = Normalised(rng, N);
        _q = Normalised(rng, N);
        _pf = _p.Select(x => (float)x).ToArray();
        _qf = _q.Select(x => (float)x).ToArray();
    }

    private static double[] Normalised(Random rng, int n)
    {
        var x = Enumerable.Range(0, n).Select(_ => rng.NextDouble() + 1e-12).ToArray();
        double sum = x.Sum();
        return x.Select(v => v / sum).ToArray();
    }

    [Benchmark(Baseline = true)]
    public double KullbackLeibler() => Measures.KullbackLeibler(_p, _q);

    [Benchmark]
    public double KullbackLeiblerFloat() => Measures.KullbackLeibler(_pf, _qf);

    [Benchmark]
    public DivergencePair BothDirections() => Measures.KullbackLeiblerBothDirections(_p, _q);

    [Benchmark]
    public double Jeffreys() => Measures.Jeffreys(_p, _q);

    [Benchmark]
    public double Entropy() => Measures.Entropy(_p);

    [Benchmark]
    public double CrossEntropy() => Measures.CrossEntropy(_p, _q);

    [Benchmark]
    public double JensenShannon() => Measures.JensenShannonDivergence(_p, _q);

    [Benchmark]
    public double Hellinger() => Measures.Hellinger(_p, _q);

    [Benchmark]
    public double HellingerFloat() => Measures.Hellinger(_pf, _qf);

    [Benchmark]
    public double TotalVariation() => Measures.TotalVariation(_p, _q);

    [Benchmark]
    public double TotalVariationFloat() => Measures.TotalVariation(_pf, _qf);

    [Benchmark]
    public double Bhattacharyya() => Measures.Bhattacharyya(_p, _q);

    [Benchmark]
    public double ChiSquared() => Measures.PearsonChiSquared(_p, _q);

    [Benchmark]
    public double Renyi2() => Measures.Renyi(_p, _q, 2);

    [Benchmark]
    public double Renyi3() => Measures.Renyi(_p, _q, 3);

    [Benchmark]
    public double InformationContent() => Measures.InformationContent(_p, 7);

    /// <summary>One thread's read limit: Σp + Σq with Vector512.</summary>
    [Benchmark]
    public double ReadLimitOneThread()
    {
        var acc = Vector512<double>.Zero;
        int i = 0;
        for (; i + 8 <= N; i += 8) acc += Vector512.LoadUnsafe(ref _p[i]) + Vector512.LoadUnsafe(ref _q[i]);
        double s = Vector512.Sum(acc);
        for (; i < N; i++) s += _p[i] + _q[i];
        return s;
    }
}
