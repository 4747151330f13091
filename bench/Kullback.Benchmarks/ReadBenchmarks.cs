using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using csFastFloat;
using Kullback.Data.Input;
using Sylvan.Data.Csv;

namespace Kullback.Benchmarks;

/// <summary>
/// The input layer on the speed issue's three files of 10⁷ rows (one column of integers, one of floats, three of
/// floats), against Sylvan's CSV reader with the runtime's number parsing and with fast_float's. The files are made
/// once by <see cref="ReadFiles.Make"/>; <c>read</c> mode (<see cref="ReadComparison"/>) times pandas beside them.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private string _path = "";

    [Params("ints.csv", "floats.csv", "floats3.csv")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void MakeFiles() => _path = Path.Combine(ReadFiles.Make(ReadFiles.DefaultDirectory, 10_000_000), File);

    /// <summary>Every column as points (what <c>estimate</c> reads).</summary>
    [Benchmark(Baseline = true)]
    public int KullbackPoints() => TextInput.ReadPoints(InputSource.FromPath(_path)).Count;

    /// <summary>The first column as samples, tallied as they stream (what <c>fit</c> reads; floats become labels, so integers only).</summary>
    [Benchmark]
    public long KullbackSamples() =>
        File == "ints.csv" ? TextInput.ReadObservations(InputSource.FromPath(_path), ObservationKind.Samples).Data.ObservationCount!.Value : 0;

    /// <summary>Sylvan.Data.Csv with <see cref="double.Parse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?)"/> on each field.</summary>
    [Benchmark]
    public double SylvanRuntimeParse() => Sylvan(static field => double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture));

    /// <summary>Sylvan.Data.Csv with fast_float on each field.</summary>
    [Benchmark]
    public double SylvanFastFloat() => Sylvan(static field => FastDoubleParser.ParseDouble(field));

    private delegate double Parser(ReadOnlySpan<char> field);

    private double Sylvan(Parser parse)
    {
        using var csv = CsvDataReader.Create(_path, new CsvDataReaderOptions { HasHeaders = true });
        double sum = 0;
        while (csv.Read())
            for (int j = 0; j < csv.FieldCount; j++) sum += parse(csv.GetFieldSpan(j));
        return sum;
    }
}

/// <summary>The benchmark files: seeded, written once, reused while they exist.</summary>
internal static class ReadFiles
{
    public static string DefaultDirectory => Path.Combine(Path.GetTempPath(), "kullback-read-bench");

    public static readonly string[] Names = ["ints.csv", "floats.csv", "floats3.csv"];

    /// <summary>Writes the files of <paramref name="rows"/> rows into <paramref name="directory"/> unless they are there.</summary>
    /// <returns>The directory.</returns>
    public static string Make(string directory, int rows)
    {
        Directory.CreateDirectory(directory);
        string stamp = Path.Combine(directory, $"rows-{rows}");
        if (System.IO.File.Exists(stamp)) return directory;
        var rng = new Random(42);
        Write(Path.Combine(directory, "ints.csv"), "x", rows, w =>
        {
            double rate = MathNet.Numerics.Distributions.Gamma.Sample(rng, 3.0, 3.0 / 7.0);
            w.Append(MathNet.Numerics.Distributions.Poisson.Sample(rng, rate).ToString(CultureInfo.InvariantCulture));
        });
        Write(Path.Combine(directory, "floats.csv"), "x", rows, w => w.Append(Normal(rng)));
        Write(Path.Combine(directory, "floats3.csv"), "a,b,c", rows, w => w.Append(Normal(rng)).Append(',').Append(Normal(rng)).Append(',').Append(Normal(rng)));
        System.IO.File.WriteAllText(stamp, "");
        return directory;
    }

    /// <summary>A standard normal draw in shortest round-trip form, as pandas and numpy write floats.</summary>
    private static string Normal(Random rng) =>
        MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1).ToString("R", CultureInfo.InvariantCulture);

    private static void Write(string path, string header, int rows, Action<StringBuilder> row)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write(header);
        writer.Write('\n');
        var line = new StringBuilder(80);
        for (int i = 0; i < rows; i++)
        {
            line.Clear();
            row(line);
            line.Append('\n');
            writer.Write(line);
        }
    }
}

/// <summary>
/// <c>read</c>: times the input layer and pandas <c>read_csv</c> (bench/read_compare.py) on the same three files in
/// one run, best of several runs each, and prints seconds, rows per second, memory and the ratios.
/// </summary>
internal static class ReadComparison
{
    public static int Run(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        string python = Option("--python", "/usr/bin/python3");
        string script = Option("--script", Path.Combine(AppContext.BaseDirectory, "read_compare.py"));
        int rows = int.Parse(Option("--rows", "10000000"), CultureInfo.InvariantCulture);
        int repeat = int.Parse(Option("--repeat", "3"), CultureInfo.InvariantCulture);
        string directory = ReadFiles.Make(Option("--dir", ReadFiles.DefaultDirectory), rows);

        // Warm up: let the JIT reach its optimised code on a small file before anything is timed.
        string small = Path.Combine(Path.GetTempPath(), "kullback-read-warm.csv");
        System.IO.File.WriteAllText(small, "a,b,c\n" + string.Concat(Enumerable.Range(0, 200_000).Select(i => $"{i},{i * 0.5},-{i}.25\n")));
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 3)
        {
            TextInput.ReadPoints(InputSource.FromPath(small));
            TextInput.ReadObservations(InputSource.FromPath(small), ObservationKind.Samples, ColumnSelector.ByNumber(1));
        }

        var ours = new List<(string File, string What, double Seconds, double Cpu, long Allocated, long Kept, double Mean)>();
        foreach (string name in ReadFiles.Names)
        {
            string path = Path.Combine(directory, name);
            ours.Add(Time(name, "Kullback ReadPoints", repeat, () =>
            {
                var points = TextInput.ReadPoints(InputSource.FromPath(path));
                return ((long)points.Coordinates.Length * sizeof(double), points.Coordinates.Average());
            }));
            if (name == "ints.csv")
                ours.Add(Time(name, "Kullback ReadObservations (tally)", repeat, () =>
                {
                    var read = TextInput.ReadObservations(InputSource.FromPath(path), ObservationKind.Samples);
                    return (0, read.Data.Mean);
                }));
        }

        var pythonRun = Process.Start(new ProcessStartInfo(python, [script, directory, repeat.ToString(CultureInfo.InvariantCulture), .. ReadFiles.Names])
        {
            RedirectStandardOutput = true,
        })!;
        string json = pythonRun.StandardOutput.ReadToEnd();
        pythonRun.WaitForExit();
        using var doc = JsonDocument.Parse(json);

        Console.WriteLine($"CPU: {Environment.ProcessorCount} cores; .NET {Environment.Version}; pandas {doc.RootElement.GetProperty("pandas").GetString()}; {rows:N0} rows per file; best of {repeat}; load average {LoadAverage()}");
        Console.WriteLine("seconds: wall clock; cpu: processor time of every thread (pandas reads on one core, Kullback on two)");
        Console.WriteLine();
        Console.WriteLine($"{"file",-12} {"reader",-36} {"seconds",8} {"cpu s",7} {"Mrows/s",8} {"MB/s",7} {"alloc MB",9} {"kept MB",8} {"mean",22} {"pandas/this",12} {"cpu ratio",10}");
        foreach (string name in ReadFiles.Names)
        {
            var py = doc.RootElement.GetProperty(name);
            double pandas = py.GetProperty("seconds").GetDouble(), pandasCpu = py.GetProperty("cpu").GetDouble();
            double size = new FileInfo(Path.Combine(directory, name)).Length / 1e6;
            void Line(string what, double seconds, double cpu, long allocated, long kept, double mean) =>
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-12} {what,-36} {seconds,8:F3} {cpu,7:F3} {rows / seconds / 1e6,8:F1} {size / seconds,7:F0} {(allocated < 0 ? "" : (allocated / 1e6).ToString("F1", CultureInfo.InvariantCulture)),9} {(kept < 0 ? "" : (kept / 1e6).ToString("F0", CultureInfo.InvariantCulture)),8} {mean,22:R} {pandas / seconds,11:F2}× {pandasCpu / cpu,9:F2}×"));
            foreach (var o in ours.Where(o => o.File == name)) Line(o.What, o.Seconds, o.Cpu, o.Allocated, o.Kept, o.Mean);
            Line("pandas read_csv", pandas, pandasCpu, -1, -1, py.GetProperty("mean").GetDouble());
        }
        return 0;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static (string, string, double, double, long, long, double) Time(string file, string what, int repeat, Func<(long Kept, double Mean)> read)
    {
        double best = double.MaxValue, bestCpu = double.MaxValue;
        long allocated = 0;
        (long Kept, double Mean) result = default;
        for (int i = 0; i < repeat; i++)
        {
            GC.Collect();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            result = read();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        }
        return (file, what, best, bestCpu, allocated, result.Kept, result.Mean);
    }
}
