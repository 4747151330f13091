using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace Kullback.Benchmarks;

/// <summary>
/// <c>compare</c>: times Kullback's KL (double and float), the memory read limit (a vectorised sum over both arrays,
/// on all cores for large n) and — through bench/compare.py — numpy, scipy and PyTorch, on the same random
/// probability vectors, in one run; prints elements per second and the ratios the fast-kernel issue asks for.
/// </summary>
internal static class Compare
{
    private static readonly int[] Sizes = [100, 10_000, 1_000_000, 10_000_000];

    public static int Run(string[] args)
    {
        string python = args.SkipWhile(a => a != "--python").Skip(1).FirstOrDefault() ?? "/usr/bin/python3";
        string directory = Directory.CreateTempSubdirectory("kullback-compare-").FullName;
        var rows = new List<string[]>();
        var ours = new Dictionary<int, (double Kl, double Float, double Read, double Value)>();
        // Warm up: let the JIT produce its optimised code for every path before anything is timed.
        foreach (int size in new[] { 4096, 1 << 20 })   // the single-threaded and the multi-core paths
        {
            var warm = Normalised(new Random(1), size);
            var other = warm.Reverse().ToArray();
            var warmFloat = warm.Select(x => (float)x).ToArray();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < 1.5)
            {
                Measures.KullbackLeibler(warm, other);
                Measures.KullbackLeibler(warmFloat, warmFloat);
                ReadLimit(warm, other);
            }
        }
        foreach (int n in Sizes)
        {
            var rng = new Random(n);
            double[] p = Normalised(rng, n), q = Normalised(rng, n);
            File.WriteAllBytes(Path.Combine(directory, $"p-{n}.f64"), MemoryMarshal.AsBytes(p.AsSpan()).ToArray());
            File.WriteAllBytes(Path.Combine(directory, $"q-{n}.f64"), MemoryMarshal.AsBytes(q.AsSpan()).ToArray());
            float[] pf = p.Select(x => (float)x).ToArray(), qf = q.Select(x => (float)x).ToArray();
            double value = Measures.KullbackLeibler(p, q);
            ours[n] = (Seconds(() => Measures.KullbackLeibler(p, q)), Seconds(() => Measures.KullbackLeibler(pf, qf)), Seconds(() => ReadLimit(p, q)), value);
        }

        var pythonRun = Process.Start(new ProcessStartInfo(python, [Path.Combine(AppContext.BaseDirectory, "compare.py"), directory, .. Sizes.Select(s => s.ToString(CultureInfo.InvariantCulture))])
        {
            RedirectStandardOutput = true,
        })!;
        string json = pythonRun.StandardOutput.ReadToEnd();
        pythonRun.WaitForExit();
        Directory.Delete(directory, true);
        using var doc = JsonDocument.Parse(json);

        Console.WriteLine($"CPU: {CpuModel()}, {Environment.ProcessorCount} cores; .NET {Environment.Version}; Vector512 accelerated: {Vector512.IsHardwareAccelerated}");
        Console.WriteLine();
        Console.WriteLine($"{"n",10} {"implementation",-36} {"elements/s",12} {"vs numpy-best",14} {"vs read limit",14}");
        foreach (int n in Sizes)
        {
            var py = doc.RootElement.GetProperty(n.ToString(CultureInfo.InvariantCulture));
            var others = new[] { "numpy", "scipy_rel_entr", "scipy_entropy", "torch_kl_div" }.ToDictionary(k => k, k => py.GetProperty(k).GetDouble());
            double numpyBest = Math.Min(others["numpy"], Math.Min(others["scipy_rel_entr"], others["scipy_entropy"]));
            var (kl, fl, read, _) = ours[n];
            void Line(string name, double seconds) =>
                Console.WriteLine($"{n,10} {name,-36} {Rate(n, seconds),12} {numpyBest / seconds,13:F2}× {read / seconds,13:F2}×");
            Line("Kullback KL (double)", kl);
            Line("Kullback KL (float)", fl);
            Line("read limit (Σp + Σq, C#)", read);
            Line("numpy np.sum(p*np.log(p/q))", others["numpy"]);
            Line("scipy.special.rel_entr(p, q).sum()", others["scipy_rel_entr"]);
            Line("scipy.stats.entropy(p, q)", others["scipy_entropy"]);
            Line("torch kl_div(q.log(), p, 'sum')", others["torch_kl_div"]);
            Console.WriteLine($"{"",10} Kullback/numpy-best {numpyBest / kl:F1}×, Kullback/read-limit {read / kl:F2}×, float/double {kl / fl:F2}×");
        }
        return 0;
    }

    private static string Rate(int n, double seconds) => (n / seconds).ToString("0.00e+0", CultureInfo.InvariantCulture);

    private static double[] Normalised(Random rng, int n)
    {
        var x = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) sum += x[i] = rng.NextDouble() + 1e-12;
        for (int i = 0; i < n; i++) x[i] /= sum;
        return x;
    }

    /// <summary>The best time per call over several rounds of enough calls to take about 0.2 s.</summary>
    private static double Seconds(Func<double> call)
    {
        double sink = 0;
        int calls = 1;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < 0.05) { sink += call(); calls++; }
        calls = Math.Max(1, (int)(calls * 0.2 / watch.Elapsed.TotalSeconds));
        double best = double.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            watch.Restart();
            for (int i = 0; i < calls; i++) sink += call();
            best = Math.Min(best, watch.Elapsed.TotalSeconds / calls);
        }
        GC.KeepAlive(sink);
        return best;
    }

    /// <summary>Σp + Σq with Vector512 on all cores for large n: what reading both arrays costs at the least.</summary>
    private static double ReadLimit(double[] p, double[] q)
    {
        int n = p.Length;
        int chunks = n >= 1 << 15 ? Environment.ProcessorCount * 4 : 1;   // as the kernels' threshold
        int size = (n + chunks - 1) / chunks;
        var partial = new double[chunks];
        void Chunk(int c)
        {
            int start = c * size, end = Math.Min(n, start + size);
            var acc = Vector512<double>.Zero;
            int i = start;
            for (; i + 8 <= end; i += 8) acc += Vector512.LoadUnsafe(ref p[i]) + Vector512.LoadUnsafe(ref q[i]);
            double s = Vector512.Sum(acc);
            for (; i < end; i++) s += p[i] + q[i];
            partial[c] = s;
        }
        if (chunks == 1) Chunk(0);
        else Parallel.For(0, chunks, Chunk);
        return partial.Sum();
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
}
