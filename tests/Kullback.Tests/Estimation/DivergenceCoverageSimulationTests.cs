using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kullback.Estimation;
using Xunit.Abstractions;

namespace Kullback.Tests.Estimation;

/// <summary>
/// Coverage of the 95% intervals and bias of the Kullback–Leibler and mutual-information estimators, by simulation:
/// 1,000 seeded samples of each size from each pair of distributions (KL: two independent samples of N each) and each
/// joint table (MI), the plug-in and the Miller–Madow estimate on each, both intervals (percentile and BCa), as drawn
/// and re-centred on the estimate (the library's default), on shared resamples. The table is printed.
/// </summary>
/// <remarks>
/// At a true value of 0 (identical distributions, independent variables) every estimate and bound is ≥ 0, so an
/// interval covers exactly when its lower bound is 0: coverage there is the share of samples whose interval reaches
/// down to 0, i.e. 1 − the rate at which the interval would wrongly exclude "no divergence" (a test of size 5% would
/// give 95%). Where the plug-in is +∞ (Q's sample missed a category P's showed) the interval is the percentile one with
/// an infinite upper bound, which covers any finite truth above its lower bound; the share of such samples is printed.
/// </remarks>
public class DivergenceCoverageSimulationTests(ITestOutputHelper output)
{
    private const double Level = 0.95;

    private static readonly DivergenceEstimator[] Estimators = [DivergenceEstimator.PlugIn, DivergenceEstimator.MillerMadow];

    internal sealed record Row(string Case, long N, string Estimator, double Truth, double Bias, double RootMeanSquare, double Infinite,
        double RawPercentile, double RawBca, double Percentile, double Bca, double Seconds);

    /// <summary>A pair of distributions for D(P‖Q).</summary>
    internal sealed record Pair(string Name, SimulatedSample P, SimulatedSample Q)
    {
        public double Divergence => Measures.KullbackLeibler(P.Probabilities, Q.Probabilities);
    }

    /// <summary>A joint distribution of X (rows) and Y (columns), row-major.</summary>
    internal sealed record Table(string Name, int Rows, int Columns, SimulatedSample Joint)
    {
        public double MutualInformation
        {
            get
            {
                var p = Joint.Probabilities;
                var product = new double[p.Length];
                for (int r = 0; r < Rows; r++)
                {
                    for (int c = 0; c < Columns; c++)
                    {
                        double row = 0, column = 0;
                        for (int j = 0; j < Columns; j++) row += p[r * Columns + j];
                        for (int i = 0; i < Rows; i++) column += p[i * Columns + c];
                        product[r * Columns + c] = row * column;
                    }
                }
                return Measures.KullbackLeibler(p, product);
            }
        }
    }

    private static SimulatedSample Normalised(string name, IEnumerable<double> weights)
    {
        var w = weights.ToArray();
        double total = w.Sum();
        return new SimulatedSample(name, w.Select(x => x / total).ToArray());
    }

    /// <summary>Binomial(10, 0.544), the tutorial's model of the teeth: its probabilities from MathNet.</summary>
    private static SimulatedSample Binomial { get; } =
        Normalised("binomial (10, 0.544)", Enumerable.Range(0, 11).Select(k => MathNet.Numerics.Distributions.Binomial.PMF(0.544, 10, k)));

    internal static Pair[] Pairs { get; } =
    [
        new("teeth ‖ binomial(10, 0.544)", SimulatedSample.Teeth, Binomial),
        new("Zipf (20) ‖ perturbed Zipf (20)", SimulatedSample.Zipf(20),
            Normalised("perturbed Zipf (20)", Enumerable.Range(1, 20).Select(i => (1.0 / i) * (1 + 0.3 * (i % 2 == 0 ? 1 : -1))))),
        new("teeth ‖ 0.95 teeth + 0.05 uniform", SimulatedSample.Teeth,
            Normalised("near teeth", SimulatedSample.Teeth.Probabilities.Select(p => 0.95 * p + 0.05 / 11))),
        new("teeth ‖ teeth (D = 0)", SimulatedSample.Teeth, SimulatedSample.Teeth),
    ];

    private static readonly double[] RowShares = [0.5, 0.3, 0.2];
    private static readonly double[] ColumnShares = [0.4, 0.3, 0.2, 0.1];

    internal static Table[] Tables { get; } =
    [
        // Y copies X's value (columns 0–2) with probability 0.6, else falls uniformly on the 4 columns.
        new("3 × 4, dependent", 3, 4, Normalised("dependent",
            Enumerable.Range(0, 12).Select(cell => RowShares[cell / 4] * ((cell % 4 == cell / 4 ? 0.6 : 0) + 0.4 / 4)))),
        new("3 × 4, independent (I = 0)", 3, 4, Normalised("independent",
            Enumerable.Range(0, 12).Select(cell => RowShares[cell / 4] * ColumnShares[cell % 4]))),
    ];

    internal static long[] SampleSizes { get; } = [50, 500, 5000];

    /// <summary>Per repetition and estimator: the estimate, whether it is infinite, and the four intervals' coverage.</summary>
    private sealed class Tally(int estimators, int repetitions)
    {
        public double[,] Estimates { get; } = new double[estimators, repetitions];
        public bool[,,] Covered { get; } = new bool[estimators, repetitions, 4];

        public void Record(int e, int r, double[] replicates, double estimate, double acceleration, double plugIn, double truth, int resamples)
        {
            Estimates[e, r] = estimate;
            var percentile = new BootstrapOptions { Method = IntervalMethod.Percentile, Level = Level, Resamples = resamples, Seed = r };
            var bca = percentile with { Method = IntervalMethod.BiasCorrectedAccelerated };
            Covered[e, r, 0] = Contains(BootstrapInterval.From((double[])replicates.Clone(), estimate, double.NaN, percentile), truth);
            Covered[e, r, 1] = Contains(BootstrapInterval.From((double[])replicates.Clone(), estimate, acceleration, bca), truth);
            Covered[e, r, 2] = Contains(BootstrapInterval.From((double[])replicates.Clone(), estimate, double.NaN, percentile, plugIn), truth);
            Covered[e, r, 3] = Contains(BootstrapInterval.From(replicates, estimate, acceleration, bca, plugIn), truth);
        }

        private static bool Contains(ConfidenceInterval interval, double truth) => interval.Lower.Nats <= truth && truth <= interval.Upper.Nats;

        public List<Row> Rows(string name, long n, double truth, double seconds)
        {
            int repetitions = Estimates.GetLength(1);
            var rows = new List<Row>();
            for (int e = 0; e < Estimates.GetLength(0); e++)
            {
                double bias = 0, squares = 0;
                int infinite = 0, finite = 0;
                var hits = new int[4];
                for (int r = 0; r < repetitions; r++)
                {
                    for (int m = 0; m < 4; m++) if (Covered[e, r, m]) hits[m]++;
                    double error = Estimates[e, r] - truth;
                    if (double.IsPositiveInfinity(error)) { infinite++; continue; }
                    finite++;
                    bias += error;
                    squares += error * error;
                }
                rows.Add(new Row(name, n, Estimators[e] == DivergenceEstimator.PlugIn ? "plug-in" : "Miller–Madow", truth,
                    finite == 0 ? double.NaN : bias / finite, finite == 0 ? double.NaN : Math.Sqrt(squares / finite), (double)infinite / repetitions,
                    (double)hits[0] / repetitions, (double)hits[1] / repetitions, (double)hits[2] / repetitions, (double)hits[3] / repetitions, seconds));
            }
            return rows;
        }
    }

    internal static List<Row> Simulate(Pair pair, long n, int repetitions, int resamples)
    {
        var watch = Stopwatch.StartNew();
        double truth = pair.Divergence;
        int k = pair.P.Probabilities.Length;
        var tally = new Tally(Estimators.Length, repetitions);
        Parallel.For(0, repetitions, EntropyCoverageSimulationTests.OneThreadPerCore, r =>
        {
            var random = new Random(2_000_003 * (int)n + r);
            long[] p = pair.P.Draw(random, n), q = pair.Q.Draw(random, n);
            var statistics = Estimators.Select(e => KullbackLeiblerEstimators.StatisticOf(k, e)).ToArray();
            var (replicates, accelerations) = CountBootstrap.TwoSampleReplicates(p, q, statistics, resamples, r, jackknife: true);
            double plugIn = statistics[0](p, q);
            for (int e = 0; e < Estimators.Length; e++)
                tally.Record(e, r, replicates[e], statistics[e](p, q), accelerations[e], plugIn, truth, resamples);
        });
        return tally.Rows(pair.Name, n, truth, watch.Elapsed.TotalSeconds);
    }

    internal static List<Row> Simulate(Table table, long n, int repetitions, int resamples)
    {
        var watch = Stopwatch.StartNew();
        double truth = table.MutualInformation;
        var tally = new Tally(Estimators.Length, repetitions);
        Parallel.For(0, repetitions, EntropyCoverageSimulationTests.OneThreadPerCore, r =>
        {
            var random = new Random(3_000_017 * (int)n + r);
            long[] counts = table.Joint.Draw(random, n);
            var statistics = Estimators.Select(e => MutualInformationEstimators.StatisticOf(table.Rows, table.Columns, e)).ToArray();
            var (replicates, accelerations) = CountBootstrap.OneSampleReplicates(counts, statistics, statistics, resamples, r, jackknife: true);
            double plugIn = statistics[0](counts);
            for (int e = 0; e < Estimators.Length; e++)
                tally.Record(e, r, replicates[e], statistics[e](counts), accelerations[e], plugIn, truth, resamples);
        });
        return tally.Rows(table.Name, n, truth, watch.Elapsed.TotalSeconds);
    }

    internal static string Print(IEnumerable<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| case | N | estimator | true (nats) | bias | RMSE | +∞ | percentile (raw) | BCa (raw) | percentile | BCa |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Case} | {row.N} | {row.Estimator} | {row.Truth:0.0000} | {Math.Round(row.Bias, 4) + 0.0:+0.0000;-0.0000;0.0000} | {row.RootMeanSquare:0.0000} | {EntropyCoverageSimulationTests.Percent(row.Infinite)} | {EntropyCoverageSimulationTests.Percent(row.RawPercentile)} | {EntropyCoverageSimulationTests.Percent(row.RawBca)} | {EntropyCoverageSimulationTests.Percent(row.Percentile)} | {EntropyCoverageSimulationTests.Percent(row.Bca)} |"));
        }
        return text.ToString();
    }

    /// <summary>
    /// 4 KL pairs and 2 MI tables × 3 sample sizes × 1,000 samples, 1,000 shared resamples each. Asserts that the
    /// Miller–Madow estimate has less bias than the plug-in wherever the plug-in is finite in every sample, and the
    /// default interval's coverage as the table shows it (see the README).
    /// </summary>
    [Fact]
    [Trait("Category", "Simulation")]
    public void Coverage_and_bias_of_the_divergence_and_mutual_information_estimators()
    {
        var rows = new List<Row>();
        foreach (var pair in Pairs)
        {
            foreach (long n in SampleSizes)
            {
                var found = Simulate(pair, n, EntropyCoverageSimulationTests.Repetitions, EntropyCoverageSimulationTests.Resamples);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pair.Name}, N = M = {n}: {found[0].Seconds:F1} s"));
                rows.AddRange(found);
            }
        }
        foreach (var table in Tables)
        {
            foreach (long n in SampleSizes)
            {
                var found = Simulate(table, n, EntropyCoverageSimulationTests.Repetitions, EntropyCoverageSimulationTests.Resamples);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table.Name}, N = {n}: {found[0].Seconds:F1} s"));
                rows.AddRange(found);
            }
        }
        output.WriteLine(Print(rows));

        foreach (var group in rows.GroupBy(r => (r.Case, r.N)))
        {
            var plugIn = group.Single(r => r.Estimator == "plug-in");
            var corrected = group.Single(r => r.Estimator == "Miller–Madow");
            if (plugIn.Infinite == 0)
                Assert.True(Math.Abs(corrected.Bias) < Math.Abs(plugIn.Bias), $"{group.Key}: Miller–Madow bias {corrected.Bias} vs plug-in {plugIn.Bias}");
        }

        Row Default(string name, long n) => rows.Single(r => r.Case == name && r.N == n && r.Estimator == "Miller–Madow");
        string teethBinomial = Pairs[0].Name, zipf = Pairs[1].Name, near = Pairs[2].Name, same = Pairs[3].Name;
        string dependent = Tables[0].Name, independent = Tables[1].Name;
        // Every cell sampled well: within 93–97%.
        EntropyCoverageSimulationTests.AssertWithin(Default(zipf, 5000).Bca, 0.93, 0.97, $"{zipf}, N = 5000");
        EntropyCoverageSimulationTests.AssertWithin(Default(dependent, 500).Bca, 0.93, 0.97, $"{dependent}, N = 500");
        EntropyCoverageSimulationTests.AssertWithin(Default(dependent, 5000).Bca, 0.93, 0.97, $"{dependent}, N = 5000");
        // 50 observations of 12 cells: measured 90.6%.
        EntropyCoverageSimulationTests.AssertWithin(Default(dependent, 50).Bca, 0.87, 0.97, $"{dependent}, N = 50");
        // At or near 0 the interval's lower bound is 0 and it over-covers (a test of D = 0 or I = 0 by it is conservative).
        foreach (long n in SampleSizes) EntropyCoverageSimulationTests.AssertWithin(Default(independent, n).Bca, 0.93, 1, $"{independent}, N = {n}");
        foreach (string name in new[] { near, same }) foreach (long n in new long[] { 500, 5000 }) EntropyCoverageSimulationTests.AssertWithin(Default(name, n).Bca, 0.93, 1, $"{name}, N = {n}");
        EntropyCoverageSimulationTests.AssertWithin(Default(zipf, 500).Bca, 0.93, 1, $"{zipf}, N = 500");
        // Where Q's sample misses categories P's shows, the plug-in is +∞ and no interval of a plug-in-based estimate
        // holds a finite truth: coverage falls with the share of infinite estimates (measured: teeth ‖ binomial 99.3%,
        // 89.3%, 14.5% infinite at N = 50, 500, 5000, covered 7.0%, 11.3%, 84.4%).
        foreach (var (name, n) in new[] { (teethBinomial, 50L), (teethBinomial, 500L), (zipf, 50L) })
            Assert.True(Default(name, n).Infinite > 0.85 && Default(name, n).Bca < 0.5, $"{name}, N = {n}: {Default(name, n)}");
        EntropyCoverageSimulationTests.AssertWithin(Default(teethBinomial, 5000).Bca, 0.80, 0.97, $"{teethBinomial}, N = 5000");
        foreach (string name in new[] { near, same })
            Assert.True(Default(name, 50).Infinite > 0.3 && Default(name, 50).Bca > 0.5, $"{name}, N = 50: {Default(name, 50)}");
    }
}
