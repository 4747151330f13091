using System.Globalization;
using System.Text;
using Kullback.Comparison;
using Kullback.Data.Comparison;

namespace Kullback.Data.Tests.Comparison;

/// <summary>
/// <c>compare</c> on files through DuckDB, checked independently: bins and counts recomputed in memory from the same
/// values, the distribution statistics recomputed from the sorted samples.
/// </summary>
public sealed class DatasetComparerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kullback-compare-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private sealed record Rows(double?[] Amount, string?[] Colour, long[] Count);

    private static Rows Generate(int n, int seed, double shift = 0, double blueShare = 0.3)
    {
        var random = new Random(seed);
        var amount = new double?[n];
        var colour = new string?[n];
        var count = new long[n];
        for (int i = 0; i < n; i++)
        {
            double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
            amount[i] = i % 97 == 0 ? null : Math.Round(10 + shift + 3 * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2), 3);
            double u = random.NextDouble();
            colour[i] = i % 53 == 0 ? null : u < blueShare ? "blue" : u < 0.8 ? "red" : u < 0.95 ? "green" : "violet";
            count[i] = random.Next(0, 6);
        }
        return new Rows(amount, colour, count);
    }

    private string Csv(string name, Rows rows)
    {
        var sb = new StringBuilder("amount,colour,count\n");
        for (int i = 0; i < rows.Amount.Length; i++)
            sb.Append(rows.Amount[i]?.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(rows.Colour[i]).Append(',')
              .Append(rows.Count[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    [Fact]
    public async Task Counts_equal_the_bins_recomputed_from_the_data_and_the_statistics_equal_the_sorted_samples()
    {
        Rows reference = Generate(20_000, 1), current = Generate(15_000, 2, shift: 1.5, blueShare: 0.4);
        var result = await DatasetComparer.CompareAsync(new CompareRequest { Reference = Csv("ref.csv", reference), Current = Csv("cur.csv", current) });

        var amount = result.Columns.Single(c => c.Name == "amount");
        Assert.Equal(ColumnKind.Numeric, amount.Kind);
        double[] refValues = [.. reference.Amount.Where(a => a is not null).Select(a => a!.Value).Order()];
        double[] curValues = [.. current.Amount.Where(a => a is not null).Select(a => a!.Value).Order()];
        var edges = NumericBinning.FromReference(refValues);
        var expected = edges.Histogram(refValues, curValues);
        Assert.Equal(string.Join(" ", edges.Bins), string.Join(" ", amount.Histogram.Bins));
        Assert.Equal(expected.Reference.Take(expected.Count - 1), amount.Histogram.Reference.Take(expected.Count - 1));
        Assert.Equal(expected.Current.Take(expected.Count - 1), amount.Histogram.Current.Take(expected.Count - 1));
        Assert.Equal(reference.Amount.Count(a => a is null), amount.ReferenceMissing);
        Assert.Equal(current.Amount.Count(a => a is null), amount.CurrentMissing);
        var raw = TwoSampleStatistics.FromSorted(refValues, curValues);
        Assert.True(amount.Distribution!.IsExact);
        Assert.Equal(raw.KolmogorovSmirnov, amount.Distribution.Exact!.KolmogorovSmirnov);
        Assert.Equal(raw.Wasserstein.Distance, amount.Distribution.Exact.Wasserstein.Distance, 1e-12);
        Assert.Equal(raw.CramerVonMises!.Statistic, amount.Distribution.Exact.CramerVonMises!.Statistic, 1e-10);

        var colour = result.Columns.Single(c => c.Name == "colour");
        Assert.Equal(ColumnKind.Categorical, colour.Kind);
        var expectedColour = CategoricalBinning.Build(
            reference.Colour.Where(c => c is not null).GroupBy(c => c!).Select(g => KeyValuePair.Create(g.Key, (long)g.Count())),
            current.Colour.Where(c => c is not null).GroupBy(c => c!).Select(g => KeyValuePair.Create(g.Key, (long)g.Count())),
            reference.Colour.Count(c => c is null), current.Colour.Count(c => c is null));
        Assert.Equal(expectedColour.Histogram, colour.Histogram);

        var count = result.Columns.Single(c => c.Name == "count");
        Assert.Equal(BinningRule.PerValue, count.Rule);   // six distinct values: one bin each
        Assert.True(result.DriftFound);
        Assert.True(amount.Verdict.Drifted);
        Assert.False(count.Verdict.Drifted);
    }

    [Fact]
    public async Task Identical_data_give_zero_everywhere_and_no_drift()
    {
        string path = Csv("same.csv", Generate(5_000, 3));
        var result = await DatasetComparer.CompareAsync(new CompareRequest { Reference = path, Current = path });
        Assert.False(result.DriftFound);
        Assert.All(result.Columns, c =>
        {
            Assert.Equal(0.0, c.Measures.PopulationStabilityIndex.Nats);
            Assert.Equal(0.0, c.Measures.JensenShannonDivergence.Nats);
            Assert.Equal(1.0, c.Test.PValue);
        });
    }

    [Fact]
    public async Task The_fine_histogram_brackets_the_exact_statistics()
    {
        Rows reference = Generate(8_000, 4), current = Generate(8_000, 5, shift: 0.2);
        string r = Csv("r.csv", reference), c = Csv("c.csv", current);
        var exact = await DatasetComparer.CompareAsync(new CompareRequest { Reference = r, Current = c, Columns = ["amount"] });
        var binned = await DatasetComparer.CompareAsync(new CompareRequest { Reference = r, Current = c, Columns = ["amount"], Distribution = DistributionMode.Histogram, FineBins = 200 });
        var e = exact.Columns[0].Distribution!.Exact!;
        var b = binned.Columns[0].Distribution!.Bounds!;
        Assert.True(b.KolmogorovSmirnovStatistic.Contains(e.KolmogorovSmirnov.Statistic), $"{e.KolmogorovSmirnov.Statistic} outside {b.KolmogorovSmirnovStatistic}");
        Assert.True(b.Wasserstein.Contains(e.Wasserstein.Distance), $"{e.Wasserstein.Distance} outside {b.Wasserstein}");
        Assert.Equal(exact.Columns[0].Histogram, binned.Columns[0].Histogram);   // the binned measures do not depend on the mode
    }

    [Fact]
    public async Task An_unknown_column_is_bad_input_and_named()
    {
        string path = Csv("a.csv", Generate(100, 6));
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => DatasetComparer.CompareAsync(new CompareRequest { Reference = path, Current = path, Columns = ["amount", "nope"] }));
        Assert.Contains("nope", e.Message, StringComparison.Ordinal);
    }
}
