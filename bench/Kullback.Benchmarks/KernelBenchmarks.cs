using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace Kullback.Benchmarks;

/// <summary>The fast kernels at the sizes of the side-by-side comparison (bench/compare.sh adds numpy, scipy and PyTorch).</summary>
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
        _p = Enumerable.Range(0, N).Select(_ => rng.NextDouble() + 1e-12).ToArray();
        _q = Enumerable.Range(0, N).Select(_ => rng.NextDouble() + 1e-12).ToArray();
        _pf = _p.Select(x => (float)x).ToArray();
        _qf = _q.Select(x => (float)x).ToArray();
    }

    [Benchmark(Baseline = true)]
    public double KullbackLeibler() => Measures.KullbackLeibler(_p, _q);

    [Benchmark]
    public double KullbackLeiblerFloat() => Measures.KullbackLeibler(_pf, _qf);

    [Benchmark]
    public DivergencePair BothDirections() => Measures.KullbackLeiblerBothDirections(_p, _q);

    [Benchmark]
    public double Entropy() => Measures.Entropy(_p);

    [Benchmark]
    public double JensenShannon() => Measures.JensenShannonDivergence(_p, _q);

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
