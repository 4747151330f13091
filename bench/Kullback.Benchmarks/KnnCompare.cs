using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;
using Kullback.Continuous;

namespace Kullback.Benchmarks;

/// <summary>
/// <c>knn</c>: Kullback's k-nearest-neighbour estimates (D̂(P‖Q), Ĥ(P), Ĥ(Q) from one call) side by side with
/// scipy's cKDTree pipeline for the same three (bench/knn_compare.py), on the same points in memory, in one run; prints
/// seconds, the ratios, and how many digits the two agree to.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project bench/Kullback.Benchmarks -- knn [--k 5] [--cases 3:10000,10:100000] [--repeat 3]
/// [--python /usr/bin/python3]</c>. Points: x ~ N(0, Σ), y ~ N(0.5, 1.44·Σ), Σ with correlation 0.3 between neighbouring
/// coordinates; no duplicates, so both sides compute the same numbers.
/// </remarks>
internal static class KnnCompare
{
    /// <summary>d:n, or d:n:s where scipy would run for hours: it then queries s of the points and its time is scaled up.</summary>
    private static readonly string[] DefaultCases = ["3:10000", "3:100000", "3:1000000", "10:10000", "10:100000", "10:1000000:20000"];

    public static int Run(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        string python = Option("--python", "/usr/bin/python3");
        int k = int.Parse(Option("--k", "5"), CultureInfo.InvariantCulture);
        int repeat = int.Parse(Option("--repeat", "3"), CultureInfo.InvariantCulture);
        var cases = Option("--cases", string.Join(",", DefaultCases)).Split(',')
            .Select(c => c.Split(':')).Select(p => (D: int.Parse(p[0], CultureInfo.InvariantCulture), N: int.Parse(p[1], CultureInfo.InvariantCulture),
                Sample: p.Length > 2 ? int.Parse(p[2], CultureInfo.InvariantCulture) : 0)).ToArray();
        string script = FindScript();
        string directory = Directory.CreateTempSubdirectory("kullback-knn-").FullName;
        try
        {
            Warm(k);
            var ours = new Dictionary<string, (double All, double One, double Cpu, NearestNeighbourEstimates Values)>();
            foreach (var (d, n, _) in cases)
            {
                var (x, y) = Points(d, n);
                File.WriteAllBytes(Path.Combine(directory, $"x-{d}-{n}.f64"), MemoryMarshal.AsBytes(x.AsSpan()).ToArray());
                File.WriteAllBytes(Path.Combine(directory, $"y-{d}-{n}.f64"), MemoryMarshal.AsBytes(y.AsSpan()).ToArray());
                var values = NearestNeighbourEstimators.KullbackLeiblerAndEntropies(x, y, d, k);
                var (all, cpu) = Best(repeat, () => NearestNeighbourEstimators.KullbackLeiblerAndEntropies(x, y, d, k));
                double one = all > 30 ? double.NaN   // one thread would take minutes more: not measured
                    : Best(repeat, () => NearestNeighbourEstimators.KullbackLeiblerAndEntropies(x, y, d, k, maxDegreeOfParallelism: 1)).Seconds;
                ours[$"{d}:{n}"] = (all, one, cpu, values);
                Console.Error.WriteLine($"Kullback {d}:{n}: {all:F3} s ({one:F3} s on one thread, {cpu:F3} s CPU)");
            }

            var run = Process.Start(new ProcessStartInfo(python, [script, directory, k.ToString(CultureInfo.InvariantCulture), repeat.ToString(CultureInfo.InvariantCulture), .. cases.Select(c => $"{c.D}:{c.N}:{c.Sample}")])
            {
                RedirectStandardOutput = true,
            })!;
            string json = run.StandardOutput.ReadToEnd();
            run.WaitForExit();
            using var doc = JsonDocument.Parse(json);

            Console.WriteLine($"CPU: {CpuModel()}, {Environment.ProcessorCount} cores; .NET {Environment.Version}; Vector512 accelerated: {Vector512.IsHardwareAccelerated}; k = {k}; load average before: {LoadAverage()}");
            Console.WriteLine("Times in seconds, best of the runs; scipy = cKDTree(x), cKDTree(y) and three queries with workers=-1, then the estimates;");
            Console.WriteLine("scipy tree = its trees and queries alone; CPU = processor time summed over threads (both sides), less disturbed by a shared machine;");
            Console.WriteLine("* = scipy queried a sample of the points and its times are scaled up (digits not comparable).");
            Console.WriteLine();
            Console.WriteLine($"{"d",3} {"n",9} {"Kullback",10} {"1 thread",10} {"scipy",10} {"scipy tree",11} {"scipy build",12} {"scipy/ours",11} {"tree/ours",10} {"CPU ours",10} {"CPU scipy",10} {"CPU ratio",10} {"max rel diff",13}");
            foreach (var (d, n, sample) in cases)
            {
                string key = $"{d}:{n}";
                var py = doc.RootElement.GetProperty(key);
                var (all, one, cpu, values) = ours[key];
                double pipeline = py.GetProperty("pipeline").GetDouble(), tree = py.GetProperty("tree_only").GetDouble(), build = py.GetProperty("build").GetDouble();
                double cpuScipy = py.GetProperty("cpu").GetDouble();
                var theirs = py.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                double[] mine = [values.KullbackLeibler, values.EntropyP, values.EntropyQ];
                double difference = mine.Zip(theirs).Max(p => Math.Abs(p.First - p.Second) / Math.Max(Math.Abs(p.First), Math.Abs(p.Second)));
                string digits = sample > 0 ? "—" : difference.ToString("0.0e+0", CultureInfo.InvariantCulture);
                string mark = sample > 0 ? "*" : " ";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{d,3} {n,9} {all,10:F4} {one,10:F4} {pipeline,9:F4}{mark} {tree,10:F4}{mark} {build,12:F4} {pipeline / all,10:F2}× {tree / all,9:F2}× {cpu,10:F3} {cpuScipy,9:F3}{mark} {cpuScipy / cpu,9:F2}× {digits,13}"));
            }
            Console.WriteLine();
            foreach (var (d, n, _) in cases)
            {
                var (_, _, _, v) = ours[$"{d}:{n}"];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{d,3} {n,9}  D(P‖Q) = {v.KullbackLeibler:R}  H(P) = {v.EntropyP:R}  H(Q) = {v.EntropyQ:R}"));
            }
            return 0;
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    /// <summary>Lets the JIT reach its optimised code for every path (one and several threads) before anything is timed.</summary>
    private static void Warm(int k)
    {
        foreach (int d in new[] { 3, 10 })
        {
            var (x, y) = Points(d, 20_000);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < 1.5)
            {
                NearestNeighbourEstimators.KullbackLeiblerAndEntropies(x, y, d, k);
                NearestNeighbourEstimators.KullbackLeiblerAndEntropies(x, y, d, k, maxDegreeOfParallelism: 1);
            }
        }
    }

    /// <summary>n points of P and of Q in d dimensions, row-major (seeded: the same points every run).</summary>
    internal static (double[] X, double[] Y) Points(int d, int n)
    {
        var rng = new Random(n + d);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        double[] Draw(double shift, double scale)
        {
            var points = new double[n * d];
            for (int i = 0; i < n; i++)
            {
                double previous = 0;
                for (int j = 0; j < d; j++)
                {
                    double z = Gaussian();
                    points[i * d + j] = shift + scale * (z + 0.3 * previous);
                    previous = z;
                }
            }
            return points;
        }
        return (Draw(0, 1), Draw(0.5, 1.2));
    }

    /// <summary>The least wall time and the least processor time (summed over threads) of up to <paramref name="repeat"/> calls.</summary>
    private static (double Seconds, double Cpu) Best(int repeat, Action call)
    {
        double best = double.MaxValue, bestCpu = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (int i = 0; i < repeat; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            call();
            double seconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            best = Math.Min(best, seconds);
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
            if (seconds > 60) break;
        }
        return (best, bestCpu);
    }

    /// <summary>bench/knn_compare.py, found from the build output upwards.</summary>
    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "bench", "knn_compare.py");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("bench/knn_compare.py not found above " + AppContext.BaseDirectory);
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
}
