using Kullback.Comparison;
using Kullback.Data.Comparison;

namespace Kullback.Data.Tests.Comparison;

/// <summary>
/// <c>compare</c> gives the same answer wherever the data live: CSV, Parquet, a hive-partitioned folder and a .duckdb
/// file through DuckDB, PostgreSQL tables, and a Distributed table over two real ClickHouse shards, in every pairing —
/// identical bins and counts, identical binned measures, G-tests and verdicts; exact distribution statistics where one
/// engine reads both sides, and bounds that bracket them where a fine histogram is used. The reference for all of it is
/// the data in memory (bins, counts and statistics recomputed from the generated values).
/// </summary>
[Collection(ComparesDatabases.Name)]
public sealed class DatabaseComparisonTests(ComparisonSources sources)
{
    public static TheoryData<string, string> Pairings => new()
    {
        { "csv", "csv" }, { "parquet", "parquet" }, { "hive", "hive" }, { "duckdb", "duckdb" }, { "pg", "pg" }, { "ch", "ch" },
        { "csv", "pg" }, { "pg", "parquet" }, { "ch", "csv" }, { "duckdb", "ch" }, { "pg", "ch" }, { "ch", "pg" }, { "hive", "duckdb" },
    };

    public static TheoryData<string> OneEngine => new() { "csv", "parquet", "hive", "duckdb", "pg", "ch" };

    private static readonly string[] Numeric = ["amount", "quantity", "score", "seen"];

    private Task<DatasetComparison> CompareAsync(string referenceForm, string currentForm, DistributionMode mode) =>
        DatasetComparer.CompareAsync(new CompareRequest
        {
            Reference = sources.Source(referenceForm, reference: true),
            Current = sources.Source(currentForm, reference: false),
            Columns = ComparisonRows.Columns,
            Distribution = mode,
            FineBins = 200,
            Engine = sources.OptionsFor(referenceForm, currentForm),
        });

    [Fact]
    public async Task Files_give_the_bins_and_counts_recomputed_in_memory()
    {
        var result = await CompareAsync("csv", "csv", DistributionMode.Exact);
        Assert.Equal(ComparisonSources.ReferenceRows, result.Reference.Rows);
        Assert.Equal(ComparisonSources.CurrentRows, result.Current.Rows);
        Assert.Equal(ComparisonRows.Columns, result.Columns.Select(c => c.Name));
        Assert.Equal([ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Categorical, ColumnKind.Categorical],
                     result.Columns.Select(c => c.Kind));
        foreach (string name in Numeric)
        {
            var column = result.Columns.Single(c => c.Name == name);
            double[] reference = [.. sources.Reference.Present(name).Order()], current = [.. sources.Current.Present(name).Order()];
            var edges = NumericBinning.FromReference(reference);
            var expected = edges.Histogram(reference, current);
            Assert.Equal(string.Join(" ", edges.Bins.Select(b => b.Label)), string.Join(" ", column.Histogram.Bins.Select(b => b.Label)));
            Assert.Equal(expected.Reference.Take(expected.Count - 1), column.Histogram.Reference.Take(expected.Count - 1));
            Assert.Equal(expected.Current.Take(expected.Count - 1), column.Histogram.Current.Take(expected.Count - 1));
            Assert.Equal(sources.Reference.Missing(name), column.ReferenceMissing);
            Assert.Equal(sources.Current.Missing(name), column.CurrentMissing);
            var raw = TwoSampleStatistics.FromSorted(reference, current);
            var exact = column.Distribution!.Exact!;
            Assert.Equal(raw.KolmogorovSmirnov, exact.KolmogorovSmirnov);
            Assert.Equal(raw.Wasserstein.Distance, exact.Wasserstein.Distance, 1e-12 * raw.Wasserstein.Distance);
            Assert.Equal(raw.CramerVonMises!.Statistic, exact.CramerVonMises!.Statistic, 1e-12 * raw.CramerVonMises.Statistic);
        }
        Assert.Equal(BinningRule.PerValue, result.Columns.Single(c => c.Name == "quantity").Rule);
        foreach (string name in new[] { "colour", "flag" })
        {
            var column = result.Columns.Single(c => c.Name == name);
            var expected = CategoricalBinning.Build(sources.Reference.Categories(name), sources.Current.Categories(name),
                                                    sources.Reference.Missing(name), sources.Current.Missing(name));
            Assert.Equal(expected.Histogram, column.Histogram);
        }
        Assert.Equal(["'false'", "'true'", "(missing)"], result.Columns.Single(c => c.Name == "flag").Histogram.Bins.Select(b => b.Label));
        Assert.True(result.Columns.Single(c => c.Name == "score").Verdict.Drifted);
    }

    [Theory]
    [MemberData(nameof(Pairings))]
    public async Task Every_pairing_gives_the_same_bins_counts_measures_tests_and_verdicts(string referenceForm, string currentForm)
    {
        var baseline = await CompareAsync("csv", "csv", DistributionMode.Histogram);
        var result = await CompareAsync(referenceForm, currentForm, DistributionMode.Histogram);
        Assert.Equal(ComparisonSignature.Of(baseline), ComparisonSignature.Of(result));
        foreach (string name in Numeric)
        {
            var expected = baseline.Columns.Single(c => c.Name == name).Distribution!;
            var actual = result.Columns.Single(c => c.Name == name).Distribution!;
            Assert.Equal(expected.FineBins, actual.FineBins);
            Assert.Equal(ComparisonSignature.OfBounds(expected.Bounds!), ComparisonSignature.OfBounds(actual.Bounds!));
            // W₁ / σ: each engine computes the reference's standard deviation its own way. DuckDB and PostgreSQL agree
            // to 1e-12; ClickHouse 18.16's stddevPop loses about ε·(mean/σ)² — 5e-11 for the timestamps (mean/σ ≈ 800).
            var e = expected.Bounds!.NormalizedWasserstein!.Value;
            var a = actual.Bounds!.NormalizedWasserstein!.Value;
            double tolerance = referenceForm == "ch" ? 1e-9 : 1e-12;
            Assert.Equal(e.Lower, a.Lower, tolerance * e.Upper);
            Assert.Equal(e.Upper, a.Upper, tolerance * e.Upper);
        }
    }

    [Theory]
    [MemberData(nameof(OneEngine))]
    public async Task One_engine_reading_both_sides_gives_the_exact_statistics(string form)
    {
        var result = await CompareAsync(form, form, DistributionMode.Exact);
        foreach (string name in Numeric)
        {
            double[] reference = [.. sources.Reference.Present(name).Order()], current = [.. sources.Current.Present(name).Order()];
            var raw = TwoSampleStatistics.FromSorted(reference, current);
            var exact = result.Columns.Single(c => c.Name == name).Distribution!.Exact!;
            Assert.Equal(raw.KolmogorovSmirnov, exact.KolmogorovSmirnov);
            Assert.Equal(raw.Wasserstein.Distance, exact.Wasserstein.Distance, 1e-12 * raw.Wasserstein.Distance);
            Assert.Equal(raw.CramerVonMises!.Statistic, exact.CramerVonMises!.Statistic, 1e-12 * raw.CramerVonMises.Statistic);
            Assert.Equal(raw.CramerVonMises.PValue, exact.CramerVonMises.PValue, 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Pairings))]
    public async Task The_fine_histogram_brackets_the_exact_statistics(string referenceForm, string currentForm)
    {
        var result = await CompareAsync(referenceForm, currentForm, DistributionMode.Auto);
        bool filesOnly = referenceForm is "csv" or "parquet" or "hive" && currentForm is "csv" or "parquet" or "hive";
        foreach (string name in Numeric)
        {
            double[] reference = [.. sources.Reference.Present(name).Order()], current = [.. sources.Current.Present(name).Order()];
            var raw = TwoSampleStatistics.FromSorted(reference, current);
            var distribution = result.Columns.Single(c => c.Name == name).Distribution!;
            Assert.Equal(filesOnly || (referenceForm == "duckdb" && currentForm == "duckdb"), distribution.IsExact);
            if (distribution.IsExact) continue;
            var b = distribution.Bounds!;
            Assert.True(b.KolmogorovSmirnovStatistic.Contains(raw.KolmogorovSmirnov.Statistic), $"{name}: KS {raw.KolmogorovSmirnov.Statistic} outside {b.KolmogorovSmirnovStatistic}");
            Assert.True(b.Wasserstein.Contains(raw.Wasserstein.Distance), $"{name}: W {raw.Wasserstein.Distance} outside {b.Wasserstein}");
            Assert.True(b.CramerVonMisesStatistic!.Value.Contains(raw.CramerVonMises!.Statistic), $"{name}: CvM {raw.CramerVonMises.Statistic} outside {b.CramerVonMisesStatistic}");
        }
    }
}
