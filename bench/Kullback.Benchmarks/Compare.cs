using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace Kullback.Benchmarks;

/// <summary>
/// <c>compare</c>: times every Kullback measure in double and in single precision, the memory read limit (a vectorised
/// sum over the arrays the measure reads, on all cores for large n) and — through bench/compare.py — numpy's fastest
/// equivalent of each measure (scipy's and PyTorch's where they have one), on the same random probability vectors, in
/// one run; prints elements per second and the ratios the fast-kernel issue asks for.
/// </summary>
/// <remarks>
/// <c>compare [--python PATH] [--sizes N,N,…] [--measures KEY,KEY,…] [--cpu]</c>. "numpy-best" is the fastest numpy,
/// scipy or PyTorch variant of the measure in the same precision; the read limit is the time to read the measure's
/// inputs once (two arrays, or one for entropy and information content) with 512-bit loads on every core. With
/// <c>--cpu</c> every time is the process's CPU time (all its threads) instead of the wall clock: on a machine others
/// are using, that is what a call costs, not how long it waited; the ratios are then per core-second.
/// </remarks>
internal static class Compare
{
    private static readonly int[] DefaultSizes = [100_000, 10_000_000];

    /// <summary>A measure as the benchmark calls it: in double, in single precision, and how many arrays it reads.</summary>
    private sealed record Timed(string Key, Func<double[], double[], double> Double, Func<float[], float[], double>? Single, int Arrays);

    private static readonly Timed[] Measured =
    [
        new("entropy", (p, _) => Measures.Entropy(p), (p, _) => Measures.Entropy(p), 1),
        new("cross_entropy", (p, q) => Measures.CrossEntropy(p, q), (p, q) => Measures.CrossEntropy(p, q), 2),
        new("kl", (p, q) => Measures.KullbackLeibler(p, q), (p, q) => Measures.KullbackLeibler(p, q), 2),
        new("kl_both", (p, q) => Measures.KullbackLeiblerBothDirections(p, q).Reverse, (p, q) => Measures.KullbackLeiblerBothDirections(p, q).Reverse, 2),
        new("jeffreys", (p, q) => Measures.Jeffreys(p, q), (p, q) => Measures.Jeffreys(p, q), 2),
        new("js_divergence", (p, q) => Measures.JensenShannonDivergence(p, q), (p, q) => Measures.JensenShannonDivergence(p, q), 2),
        new("js_distance", (p, q) => Measures.JensenShannonDistance(p, q), (p, q) => Measures.JensenShannonDistance(p, q), 2),
        new("hellinger", (p, q) => Measures.Hellinger(p, q), (p, q) => Measures.Hellinger(p, q), 2),
        new("total_variation", (p, q) => Measures.TotalVariation(p, q), (p, q) => Measures.TotalVariation(p, q), 2),
        new("bhattacharyya", (p, q) => Measures.Bhattacharyya(p, q), (p, q) => Measures.Bhattacharyya(p, q), 2),
        new("chi2", (p, q) => Measures.PearsonChiSquared(p, q), (p, q) => Measures.PearsonChiSquared(p, q), 2),
        new("renyi_0.5", (p, q) => Measures.Renyi(p, q, 0.5), (p, q) => Measures.Renyi(p, q, 0.5), 2),
        new("renyi_2", (p, q) => Measures.Renyi(p, q, 2), (p, q) => Measures.Renyi(p, q, 2), 2),
        new("renyi_3", (p, q) => Measures.Renyi(p, q, 3), (p, q) => Measures.Renyi(p, q, 3), 2),
        new("information_content", (p, _) => Measures.InformationContent(p, 7), (p, _) => Measures.InformationContent(p, 7), 1),
        // Issue 17's further measures (double only): the exact-term fused passes and the power-sum passes.
        new("triangular_discrimination", (p, q) => Measures.TriangularDiscrimination(p, q), null, 2),
        new("additive_symmetric_chi2", (p, q) => Measures.AdditiveSymmetricChiSquared(p, q), null, 2),
        new("clark", (p, q) => Measures.Clark(p, q), null, 2),
        new("divergence_distance", (p, q) => Measures.DivergenceDistance(p, q), null, 2),
        new("kumar_johnson", (p, q) => Measures.KumarJohnson(p, q), null, 2),
        new("avg_l1_linf", (p, q) => Measures.AverageL1LInf(p, q), null, 2),
        new("k_divergence", (p, q) => Measures.KDivergence(p, q), null, 2),
        new("taneja", (p, q) => Measures.Taneja(p, q), null, 2),
        new("tsallis_divergence_2", (p, q) => Measures.TsallisDivergence(p, q, 2), null, 2),
        new("renyi_entropy_2", (p, _) => Measures.RenyiEntropy(p, 2), null, 1),
        new("tsallis_entropy_2", (p, _) => Measures.TsallisEntropy(p, 2), null, 1),
        new("extropy", (p, _) => Measures.Extropy(p), null, 1),
    ];

    public static int Run(string[] args)
    {
        string python = Option(args, "--python") ?? "/usr/bin/python3";
        int[] sizes = Option(args, "--sizes")?.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() ?? DefaultSizes;
        string[]? only = Option(args, "--measures")?.Split(',');
        s_cpuTime = args.Contains("--cpu");
        var measured = Measured.Where(m => only is null || only.Contains(m.Key)).ToArray();
        string directory = Directory.CreateTempSubdirectory("kullback-compare-").FullName;

        WarmUp(measured);
        string loadBefore = LoadAverage();
        var ours = new Dictionary<(int N, string Key), (double Double, double Single)>();
        var readLimit = new Dictionary<(int N, int Arrays), (double Double, double Single)>();
        foreach (int n in sizes)
        {
            var rng = new Random(n);
            double[] p = Normalised(rng, n), q = Normalised(rng, n);
            File.WriteAllBytes(Path.Combine(directory, $"p-{n}.f64"), MemoryMarshal.AsBytes(p.AsSpan()).ToArray());
            File.WriteAllBytes(Path.Combine(directory, $"q-{n}.f64"), MemoryMarshal.AsBytes(q.AsSpan()).ToArray());
            float[] pf = p.Select(x => (float)x).ToArray(), qf = q.Select(x => (float)x).ToArray();
            foreach (var m in measured)
                ours[(n, m.Key)] = (Seconds(() => m.Double(p, q)), m.Single is null ? double.NaN : Seconds(() => m.Single(pf, qf)));
            readLimit[(n, 1)] = (Seconds(() => ReadLimit<double>(p, null)), Seconds(() => ReadLimit<float>(pf, null)));
            readLimit[(n, 2)] = (Seconds(() => ReadLimit<double>(p, q)), Seconds(() => ReadLimit<float>(pf, qf)));
        }

        var pythonRun = Process.Start(new ProcessStartInfo(python, [Path.Combine(AppContext.BaseDirectory, "compare.py"), .. (s_cpuTime ? ["--cpu"] : Array.Empty<string>()),
            .. (only is null ? Array.Empty<string>() : ["--measures", string.Join(',', only)]), directory, .. sizes.Select(s => s.ToString(CultureInfo.InvariantCulture))])
        {
            RedirectStandardOutput = true,
        })!;
        string json = pythonRun.StandardOutput.ReadToEnd();
        pythonRun.WaitForExit();
        Directory.Delete(directory, true);
        using var doc = JsonDocument.Parse(json);

        Console.WriteLine($"CPU: {CpuModel()}, {Environment.ProcessorCount} cores; .NET {Environment.Version}; Vector512 accelerated: {Vector512.IsHardwareAccelerated}; "
                          + (s_cpuTime ? "times: process CPU time" : "times: wall clock") + $"; load average {loadBefore} before Kullback's timing, {LoadAverage()} after numpy's");
        Console.WriteLine("ratios: numpy-best time / Kullback time (above 1: Kullback faster); read limit time / Kullback time (1 = as fast as reading the inputs)");
        Console.WriteLine();
        Console.WriteLine($"{"n",10} {"measure",-20} {"double el/s",12} {"×numpy",7} {"×read",6} {"float el/s",12} {"×numpy",7} {"×read",6}  numpy-best (double; float)");
        foreach (int n in sizes)
        {
            var byMeasure = doc.RootElement.GetProperty(n.ToString(CultureInfo.InvariantCulture));
            foreach (var m in measured)
            {
                var (d, s) = ours[(n, m.Key)];
                var (rd, rs) = readLimit[(n, m.Arrays)];
                var (nd, nameD) = Fastest(byMeasure.GetProperty(m.Key).GetProperty("float64"));
                var (ns, nameS) = Fastest(byMeasure.GetProperty(m.Key).GetProperty("float32"));
                Console.WriteLine($"{n,10} {m.Key,-20} {Rate(n, d),12} {nd / d,7:F2} {rd / d,6:F2} {Rate(n, s),12} {ns / s,7:F2} {rs / s,6:F2}  {nameD}; {nameS}");
            }
            var (r2, r2f) = readLimit[(n, 2)];
            Console.WriteLine($"{n,10} {"read limit (2 arrays)",-20} {Rate(n, r2),12} {"",7} {"",6} {Rate(n, r2f),12}");
            Console.WriteLine();
        }
        return 0;
    }

    /// <summary>Whether times are the process's CPU time (<c>--cpu</c>) rather than the wall clock.</summary>
    private static bool s_cpuTime;

    /// <summary>Now, in seconds, on the chosen clock.</summary>
    private static double Clock() => s_cpuTime ? Environment.CpuUsage.TotalTime.TotalSeconds : Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static (double Seconds, string Name) Fastest(JsonElement variants)
    {
        var best = variants.EnumerateObject().MinBy(v => v.Value.GetDouble());
        return (best.Value.GetDouble(), best.Name);
    }

    /// <summary>Lets the JIT produce its optimised code for every path (one thread and several cores) before anything is timed.</summary>
    private static void WarmUp(Timed[] measured)
    {
        foreach (int size in new[] { 4096, 1 << 20 })
        {
            var rng = new Random(1);
            double[] p = Normalised(rng, size), q = Normalised(rng, size);
            float[] pf = p.Select(x => (float)x).ToArray(), qf = q.Select(x => (float)x).ToArray();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < 1.0)
            {
                foreach (var m in measured)
                {
                    m.Double(p, q);
                    m.Single?.Invoke(pf, qf);
                }
                ReadLimit<double>(p, q);
                ReadLimit<float>(pf, qf);
            }
        }
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

    /// <summary>The best time per call over seven rounds of enough calls to take about 0.1 s (the best round is the one least disturbed).</summary>
    private static double Seconds(Func<double> call)
    {
        double sink = 0;
        int calls = 1;
        double start = Clock();
        while (Clock() - start < 0.05) { sink += call(); calls++; }
        calls = Math.Max(1, (int)(calls * 0.1 / (Clock() - start)));
        double best = double.MaxValue;
        for (int round = 0; round < 7; round++)
        {
            double begin = Clock();
            for (int i = 0; i < calls; i++) sink += call();
            best = Math.Min(best, (Clock() - begin) / calls);
        }
        GC.KeepAlive(sink);
        return best;
    }

    /// <summary>Σp (+ Σq) with 512-bit loads on all cores for large n: what reading the inputs once costs at the least.</summary>
    private static double ReadLimit<T>(T[] p, T[]? q) where T : unmanaged, System.Numerics.INumber<T>
    {
        int n = p.Length;
        int chunks = n >= 1 << 15 ? Environment.ProcessorCount * 4 : 1;   // as the kernels' threshold
        int size = (n + chunks - 1) / chunks;
        var partial = new double[chunks];
        void Chunk(int c)
        {
            int start = c * size, end = Math.Min(n, start + size);
            var acc = Vector512<T>.Zero;
            int i = start;
            for (; i + Vector512<T>.Count <= end; i += Vector512<T>.Count)
            {
                acc += Vector512.LoadUnsafe(ref p[i]);
                if (q is not null) acc += Vector512.LoadUnsafe(ref q[i]);
            }
            partial[c] = double.CreateTruncating(Vector512.Sum(acc)) + (end - i);
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
