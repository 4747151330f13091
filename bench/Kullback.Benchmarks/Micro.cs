using System.Diagnostics;
using System.Globalization;

namespace Kullback.Benchmarks;

/// <summary>
/// <c>micro MEASURE N [SECONDS]</c>: calls one measure (kl, entropy, js; klf, entropyf, jsf on floats; logits: one row of
/// n logits; matrix: 100 × 100 rows of n/100) on random vectors of n doubles for a while and
/// prints the CPU time per call: a steady loop to run under <c>perf record</c> (with DOTNET_PerfMapEnabled=1) or
/// <c>perf stat</c>, to see where a call's time goes.
/// </summary>
internal static class Micro
{
    public static int Run(string[] args)
    {
        string measure = args[1];
        int n = int.Parse(args[2], CultureInfo.InvariantCulture);
        double seconds = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 5;
        var rng = new Random(n);
        double[] p = Enumerable.Range(0, n).Select(_ => rng.NextDouble() + 1e-12).ToArray(), q = Enumerable.Range(0, n).Select(_ => rng.NextDouble() + 1e-12).ToArray();
        double sp = p.Sum(), sq = q.Sum();
        for (int i = 0; i < n; i++) { p[i] /= sp; q[i] /= sq; }
        float[] pf = Array.ConvertAll(p, x => (float)x), qf = Array.ConvertAll(q, x => (float)x);
        double[] one = new double[1], matrix = new double[100 * 100];
        Func<double> call = measure switch
        {
            "kl" => () => Measures.KullbackLeibler(p, q),
            "klf" => () => Measures.KullbackLeibler(pf, qf),
            "entropy" => () => Measures.Entropy(p),
            "entropyf" => () => Measures.Entropy(pf),
            "js" => () => Measures.JensenShannonDivergence(p, q),
            "jsf" => () => Measures.JensenShannonDivergence(pf, qf),
            // One batch row of logits on this thread (n logits each side).
            "logits" => () => { BatchMeasures.KullbackLeiblerFromLogits(p, q, n, one, maxDegreeOfParallelism: 1); return one[0]; },
            "matrix" => () => { BatchMeasures.KullbackLeiblerMatrix(p, q, n / 100, matrix, maxDegreeOfParallelism: 1); return matrix[0]; },
            _ => throw new ArgumentException($"unknown measure {measure}"),
        };
        double sink = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < 1) sink += call();   // tiered JIT settles
        long calls = 0;
        var cpu = Environment.CpuUsage.TotalTime;
        clock.Restart();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 100; i++) sink += call();
            calls += 100;
        }
        double perCall = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds / calls;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{measure} n={n}: {perCall * 1e6:F3} µs CPU per call ({perCall * 1e9 / n:F3} ns per element), {calls} calls, sink {sink:G3}"));
        return 0;
    }
}
