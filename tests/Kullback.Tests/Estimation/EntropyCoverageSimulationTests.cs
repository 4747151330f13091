using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kullback.Estimation;
using Xunit.Abstractions;

namespace Kullback.Tests.Estimation;

/// <summary>
/// Coverage of the 95% intervals and bias of the entropy estimators, by simulation: 1,000 seeded samples of each size
/// from each distribution, every estimator and interval method on each (the bootstrap with 1,000 replicates shared by
/// the estimators, as the library's resamples depend only on the counts and the seed). The table is printed.
/// </summary>
public class EntropyCoverageSimulationTests(ITestOutputHelper output)
{
    private const int Repetitions = 1000;
    private const int Resamples = 1000;
    private const double Level = 0.95;

    private static readonly EntropyEstimator[] Bootstrapped =
        [EntropyEstimator.PlugIn, EntropyEstimator.MillerMadow, EntropyEstimator.Grassberger, EntropyEstimator.ChaoShen];

    internal sealed record Row(string Distribution, long N, string Estimator, double Bias, double RootMeanSquare, double Percentile, double Bca, double Posterior);

    [Fact]
    [Trait("Category", "Simulation")]
    public void Coverage_and_bias_of_every_estimator_and_interval()
    {
        var watch = Stopwatch.StartNew();
        var rows = new List<Row>();
        foreach (var truth in new[] { SimulatedSample.Teeth, SimulatedSample.Zipf(20), SimulatedSample.Zipf(200), SimulatedSample.Uniform(10) })
            foreach (long n in new long[] { 50, 500, 5000 })
                rows.AddRange(Simulate(truth, n));
        output.WriteLine(Table(rows));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds:F1} s"));
    }

    internal static IEnumerable<Row> Simulate(SimulatedSample truth, long n)
    {
        double h = truth.Entropy;
        int k = truth.Probabilities.Length;
        var estimates = new double[Bootstrapped.Length + 1, Repetitions];
        var percentile = new bool[Bootstrapped.Length, Repetitions];
        var bca = new bool[Bootstrapped.Length, Repetitions];
        var posterior = new bool[Repetitions];
        Parallel.For(0, Repetitions, r =>
        {
            var random = new Random(1_000_003 * (int)n + r);
            long[] counts = truth.Draw(random, n);
            var statistics = new CountStatistic[Bootstrapped.Length];
            var leaveOneOut = new CountStatistic[Bootstrapped.Length];
            for (int e = 0; e < Bootstrapped.Length; e++)
            {
                statistics[e] = new EntropyEvaluator(Bootstrapped[e], n, k).Evaluate;
                leaveOneOut[e] = new EntropyEvaluator(Bootstrapped[e], n - 1, k).Evaluate;
            }
            var (replicates, accelerations) = CountBootstrap.OneSampleReplicates(counts, statistics, leaveOneOut, Resamples, r, jackknife: true);
            for (int e = 0; e < Bootstrapped.Length; e++)
            {
                double estimate = statistics[e](counts);
                estimates[e, r] = estimate;
                var p = BootstrapInterval.From((double[])replicates[e].Clone(), estimate, double.NaN,
                    new BootstrapOptions { Method = IntervalMethod.Percentile, Level = Level, Resamples = Resamples, Seed = r });
                var b = BootstrapInterval.From(replicates[e], estimate, accelerations[e],
                    new BootstrapOptions { Method = IntervalMethod.BiasCorrectedAccelerated, Level = Level, Resamples = Resamples, Seed = r });
                percentile[e, r] = p.Lower.Nats <= h && h <= p.Upper.Nats;
                bca[e, r] = b.Lower.Nats <= h && h <= b.Upper.Nats;
            }
            var nsb = EntropyEstimators.Estimate(counts, EntropyEstimator.Nsb, new BootstrapOptions { Method = IntervalMethod.Posterior, Level = Level }, k);
            estimates[Bootstrapped.Length, r] = nsb.Value.Nats;
            posterior[r] = nsb.Interval!.Contains(Information.FromNats(h));
        });
        for (int e = 0; e <= Bootstrapped.Length; e++)
        {
            double bias = 0, squares = 0;
            for (int r = 0; r < Repetitions; r++)
            {
                bias += estimates[e, r] - h;
                squares += (estimates[e, r] - h) * (estimates[e, r] - h);
            }
            bool isNsb = e == Bootstrapped.Length;
            yield return new Row(truth.Name, n, isNsb ? "NSB" : Bootstrapped[e].ToString(), bias / Repetitions, Math.Sqrt(squares / Repetitions),
                isNsb ? double.NaN : Share(percentile, e), isNsb ? double.NaN : Share(bca, e), isNsb ? Share(posterior) : double.NaN);
        }
    }

    private static double Share(bool[,] covered, int e)
    {
        int hits = 0;
        for (int r = 0; r < Repetitions; r++) if (covered[e, r]) hits++;
        return (double)hits / Repetitions;
    }

    private static double Share(bool[] covered) => (double)covered.Count(c => c) / covered.Length;

    internal static string Table(IEnumerable<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| distribution | N | estimator | bias (nats) | RMSE | percentile | BCa | posterior |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Distribution} | {row.N} | {row.Estimator} | {row.Bias:+0.0000;-0.0000} | {row.RootMeanSquare:0.0000} | {Percent(row.Percentile)} | {Percent(row.Bca)} | {Percent(row.Posterior)} |"));
        }
        return text.ToString();
    }

    private static string Percent(double share) => double.IsNaN(share) ? "—" : string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0}%");
}
