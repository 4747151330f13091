using System.Globalization;
using System.Text;
using Kullback.Comparison;
using Kullback.Data.Comparison;
using Kullback.Data.Engines;

namespace Kullback.Data.Tests.Comparison;

/// <summary>
/// The overview's estimated distinct counts (<see cref="ProfileOptions.EstimateLargeDistinct"/>): exact up to the bound,
/// so that every decision on bins is the one exact counts give; an estimate only above it.
/// </summary>
public sealed class DistinctEstimateTests : IDisposable
{
    private const int Rows = 20_000;
    private readonly string _directory = Directory.CreateTempSubdirectory("kullback-distinct-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Columns of 20, 21, 1000 and 20,000 distinct values (every value a fraction, so that they are doubles), one missing value in each but the last.</summary>
    private string Csv(string name, int offset)
    {
        var text = new StringBuilder("twenty,twentyone,thousand,all\n");
        for (int i = 0; i < Rows; i++)
        {
            int j = i + offset;
            text.Append(i == 7 ? "" : Invariant($"{j % 20 + 0.5}")).Append(',')
                .Append(i == 7 ? "" : Invariant($"{j % 21 + 0.25}")).Append(',')
                .Append(i == 7 ? "" : Invariant($"{j % 1000 / 8.0}")).Append(',')
                .Append(Invariant($"{j / 4.0}")).Append('\n');
        }
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_materialised_pooled_values_are_the_values_sorted_straight_from_the_scans()
    {
        // The exact pass materialises the pooled values when they would not fit half the memory limit: the same rows.
        string a = Csv("m.csv", 0), b = Csv("n.csv", 13);
        await using var engine = await QueryEngine.OpenAsync(DataSource.Parse(a));
        await using var other = await QueryEngine.OpenAsync(DataSource.Parse(b));
        var queries = new ScanQueries(SqlSpellings.For(engine.Dialect), engine.FromWhere);
        foreach (string name in (string[])["all", "thousand"])
        {
            var plan = new ColumnPlan(name, ColumnKind.Numeric, engine.RequireColumn(name).Category);
            async Task<List<string>> Sorted(bool materialized)
            {
                var rows = new List<string>();
                await foreach (var row in engine.QueryAsync(queries.Grouped(plan, other.FromWhere(), mostlyDistinct: true, materialized)))
                    rows.Add(row.ToString());
                return rows;
            }
            var direct = await Sorted(false);
            var materialized = await Sorted(true);
            Assert.Equal(2 * Rows - (name == "all" ? 0 : 2), direct.Count);
            // Equal values may come in either order of their samples; the values themselves in the same order.
            Assert.Equal(direct.Select(r => r.Split('\t')[0]), materialized.Select(r => r.Split('\t')[0]));
            Assert.Equal(direct.Order(StringComparer.Ordinal), materialized.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Counts_up_to_the_bound_are_exact_and_only_those_above_are_estimates()
    {
        await using var engine = await QueryEngine.OpenAsync(DataSource.Parse(Csv("a.csv", 0)));
        string[] names = ["twenty", "twentyone", "thousand", "all"];
        var plans = names.Select(n => new ColumnPlan(n, ColumnKind.Numeric, engine.RequireColumn(n).Category)).ToList();
        var estimated = new SourceScan(engine, plans);
        await estimated.OverviewAsync(ProfileOptions.Default.ExactDistinctUpTo, CancellationToken.None);
        var exact = new SourceScan(engine, plans);
        await exact.OverviewAsync(CancellationToken.None);

        Assert.Equal([20L, 21L, 1000L, 20_000L], plans.Select(exact.Distinct));
        Assert.Equal(4L * 1000 + 1000, ProfileOptions.Default.ExactDistinctUpTo);   // the fine bins (1,000) are the largest threshold
        foreach (var plan in plans.Take(3))
        {
            Assert.False(estimated.DistinctIsEstimate(plan), plan.Name);
            Assert.Equal(exact.Distinct(plan), estimated.Distinct(plan));
        }
        var all = plans[3];
        Assert.True(estimated.DistinctIsEstimate(all));
        Assert.InRange(estimated.Distinct(all), 10_000, 40_000);   // DuckDB: 16,230
        Assert.Equal(exact.Missing(all), estimated.Missing(all));
        Assert.Equal(exact.StandardDeviation(all), estimated.StandardDeviation(all));
    }

    [Fact]
    public async Task The_exact_mode_bins_per_value_exactly_where_the_exact_count_says_so()
    {
        string reference = Csv("r.csv", 0), current = Csv("c.csv", 3);
        var exact = await DatasetComparer.CompareAsync(new CompareRequest { Reference = reference, Current = current });
        var binned = await DatasetComparer.CompareAsync(new CompareRequest { Reference = reference, Current = current, Distribution = DistributionMode.Histogram });
        Assert.True(exact.Columns.All(c => c.Distribution!.IsExact));
        Assert.Equal(BinningRule.PerValue, exact.Columns.Single(c => c.Name == "twenty").Rule);
        Assert.NotEqual(BinningRule.PerValue, exact.Columns.Single(c => c.Name == "twentyone").Rule);
        Assert.Equal(ComparisonSignature.Of(binned), ComparisonSignature.Of(exact));   // the bins do not depend on how distinct values were counted
    }
}
