using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Kullback.Benchmarks;

/// <summary>
/// <c>batch</c>: times every <see cref="BatchMeasures"/> form (rows, one-to-many, matrix, from logits) in double and in
/// single precision and — through bench/batch_compare.py — PyTorch's fastest equivalent of each (two threads) on the same
/// matrices, in one run; prints the times and the ratios.
/// </summary>
/// <remarks>
/// <c>batch [--python PATH] [--rows N] [--columns N] [--matrix-rows N] [--cpu]</c>; by default 10⁴ rows of 10³ columns,
/// the matrix form 100 rows against 100 (10⁴ divergences, the same 10⁷ terms). Logits are normal with σ = 3.
/// </remarks>
internal static class BatchCompare
{
    public static int Run(string[] args)
    {
        string python = Option(args, "--python") ?? "/usr/bin/python3";
        int rows = int.Parse(Option(args, "--rows") ?? "10000", CultureInfo.InvariantCulture);
        int columns = int.Parse(Option(args, "--columns") ?? "1000", CultureInfo.InvariantCulture);
        int matrixRows = int.Parse(Option(args, "--matrix-rows") ?? "100", CultureInfo.InvariantCulture);
        Timing.CpuTime = args.Contains("--cpu");
        string directory = Directory.CreateTempSubdirectory("kullback-batch-").FullName;

        var rng = new Random(16);
        double[] p = Rows(rng, rows, columns), q = Rows(rng, rows, columns);
        double[] a = Logits(rng, rows * columns), b = Logits(rng, rows * columns);
        foreach (var (name, data) in new[] { ("p", p), ("q", q), ("a", a), ("b", b) })
            File.WriteAllBytes(Path.Combine(directory, $"{name}.f64"), MemoryMarshal.AsBytes(data.AsSpan()).ToArray());
        float[] pf = Single(p), qf = Single(q), af = Single(a), bf = Single(b);
        var rowsOut = new double[rows];
        var matrixOut = new double[matrixRows * matrixRows];
        int matrixLength = matrixRows * columns;

        var forms = new (string Key, Func<double> Double, Func<double> Float)[]
        {
            ("rows", () => { BatchMeasures.KullbackLeiblerRows(p, q, columns, rowsOut); return rowsOut[0]; },
                     () => { BatchMeasures.KullbackLeiblerRows(pf, qf, columns, rowsOut); return rowsOut[0]; }),
            ("one_to_many", () => { BatchMeasures.KullbackLeiblerOneToMany(p.AsSpan(0, columns), q, rowsOut); return rowsOut[0]; },
                            () => { BatchMeasures.KullbackLeiblerOneToMany(pf.AsSpan(0, columns), qf, rowsOut); return rowsOut[0]; }),
            ("matrix", () => { BatchMeasures.KullbackLeiblerMatrix(p.AsSpan(0, matrixLength), q.AsSpan(0, matrixLength), columns, matrixOut); return matrixOut[0]; },
                       () => { BatchMeasures.KullbackLeiblerMatrix(pf.AsSpan(0, matrixLength), qf.AsSpan(0, matrixLength), columns, matrixOut); return matrixOut[0]; }),
            ("logits", () => { BatchMeasures.KullbackLeiblerFromLogits(a, b, columns, rowsOut); return rowsOut[0]; },
                       () => { BatchMeasures.KullbackLeiblerFromLogits(af, bf, columns, rowsOut); return rowsOut[0]; }),
        };
        foreach (var f in forms)   // the JIT's optimised code before anything is timed
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < 0.5) { f.Double(); f.Float(); }
        }
        string loadBefore = Timing.LoadAverage();
        var ours = forms.ToDictionary(f => f.Key, f => (Double: Timing.Seconds(f.Double, 0.2), Float: Timing.Seconds(f.Float, 0.2)));

        var pythonRun = Process.Start(new ProcessStartInfo(python,
            [Path.Combine(AppContext.BaseDirectory, "batch_compare.py"), .. (Timing.CpuTime ? ["--cpu"] : Array.Empty<string>()), directory,
             rows.ToString(CultureInfo.InvariantCulture), columns.ToString(CultureInfo.InvariantCulture), matrixRows.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
        })!;
        string json = pythonRun.StandardOutput.ReadToEnd();
        pythonRun.WaitForExit();
        Directory.Delete(directory, true);
        using var doc = System.Text.Json.JsonDocument.Parse(json);

        Console.WriteLine($"Batches: {rows} rows x {columns} columns (matrix: {matrixRows} x {matrixRows} rows); PyTorch {Environment.ProcessorCount} threads; "
                          + (Timing.CpuTime ? "times: process CPU time" : "times: wall clock") + $"; load average {loadBefore} before, {Timing.LoadAverage()} after");
        Console.WriteLine("ratio: PyTorch-best time / Kullback time (above 1: Kullback faster)");
        Console.WriteLine();
        Console.WriteLine($"{"form",-12} {"Kullback f64",13} {"torch f64",11} {"ratio",6} {"Kullback f32",13} {"torch f32",11} {"ratio",6}  torch-best (f64; f32)");
        foreach (var f in forms)
        {
            var (d, s) = ours[f.Key];
            var (td, nameD) = Timing.Fastest(doc.RootElement.GetProperty(f.Key).GetProperty("float64"));
            var (ts, nameS) = Timing.Fastest(doc.RootElement.GetProperty(f.Key).GetProperty("float32"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{f.Key,-12} {Timing.Milliseconds(d),13} {Timing.Milliseconds(td),11} {td / d,6:F2} {Timing.Milliseconds(s),13} {Timing.Milliseconds(ts),11} {ts / s,6:F2}  {nameD}; {nameS}"));
        }
        return 0;
    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static float[] Single(double[] x) => Array.ConvertAll(x, v => (float)v);

    /// <summary>Rows of uniform weights (plus 10⁻³), each normalised to sum 1.</summary>
    private static double[] Rows(Random rng, int rows, int columns)
    {
        var x = new double[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            var row = x.AsSpan(i * columns, columns);
            double sum = 0;
            for (int k = 0; k < columns; k++) sum += row[k] = rng.NextDouble() + 1e-3;
            for (int k = 0; k < columns; k++) row[k] /= sum;
        }
        return x;
    }

    /// <summary>Normal logits with σ = 3 (Box–Muller).</summary>
    private static double[] Logits(Random rng, int n)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++)
            x[i] = 3 * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return x;
    }
}

/// <summary>The clock, the best-of-seven timing and the table helpers the side-by-side comparisons share.</summary>
internal static class Timing
{
    /// <summary>Whether times are the process's CPU time (<c>--cpu</c>) rather than the wall clock.</summary>
    public static bool CpuTime { get; set; }

    /// <summary>Now, in seconds, on the chosen clock.</summary>
    public static double Clock() => CpuTime ? Environment.CpuUsage.TotalTime.TotalSeconds : Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    public static string Milliseconds(double seconds) => (seconds * 1e3).ToString(seconds < 1e-4 ? "0.0000 ms" : "0.000 ms", CultureInfo.InvariantCulture);

    public static (double Seconds, string Name) Fastest(System.Text.Json.JsonElement variants)
    {
        var best = variants.EnumerateObject().MinBy(v => v.Value.GetDouble());
        return (best.Value.GetDouble(), best.Name);
    }

    /// <summary>The best time per call over seven rounds of enough calls to take about <paramref name="target"/> seconds each.</summary>
    public static double Seconds(Func<double> call, double target = 0.1)
    {
        double sink = 0;
        int calls = 1;
        double start = Clock();
        while (Clock() - start < target / 2) { sink += call(); calls++; }
        calls = Math.Max(1, (int)(calls * target / (Clock() - start)));
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
}
