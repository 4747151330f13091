using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Kullback.Data.Input;
using Kullback.Fitting;

namespace Kullback.Benchmarks;

/// <summary>
/// Reading, tallying and fitting every family on 10 million samples, one per row (issue: well under 5 s on 2 cores).
/// The file is made once, in the temporary directory, from seeded negative-binomial draws.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class FitBenchmarks
{
    private string _path = "";

    [Params(10_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void MakeFile()
    {
        _path = Path.Combine(Path.GetTempPath(), $"kullback-bench-{Rows}.txt");
        if (File.Exists(_path)) return;
        var rng = new Random(5);
        using var writer = new StreamWriter(_path, false, Encoding.ASCII, 1 << 20);
        for (int i = 0; i < Rows; i++)
        {
            double rate = MathNet.Numerics.Distributions.Gamma.Sample(rng, 3.0, 3.0 / 7.0);
            writer.Write(MathNet.Numerics.Distributions.Poisson.Sample(rng, rate).ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    /// <summary>Read and tally only.</summary>
    [Benchmark]
    public long ReadAndTally() =>
        TextInput.ReadObservations(InputSource.FromPath(_path), ObservationKind.Samples).Data.ObservationCount!.Value;

    /// <summary>What <c>kullback fit FILE</c> does before it prints: read (kind inferred), tally, fit all seven families, rank.</summary>
    [Benchmark]
    public string ReadTallyAndFitEveryFamily()
    {
        var data = TextInput.ReadObservations(InputSource.FromPath(_path)).Data;
        return ModelFitter.Fit(data).Best!.Family.Key;
    }
}
