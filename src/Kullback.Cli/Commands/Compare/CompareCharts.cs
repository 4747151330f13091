using System.Globalization;
using Kullback.Comparison;
using Kullback.Plots;

namespace Kullback.Cli.Commands.Compare;

/// <summary>Per column two charts, consistent with the other commands': the two distributions over the bins, and where PSI comes from.</summary>
internal static class CompareCharts
{
    /// <summary>The chart names of a column: compare-NN-name-distribution and compare-NN-name-contributions (names made file-safe).</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<string> columns) =>
        [.. columns.SelectMany((c, i) => new[] { Stem(i, c) + "-distribution", Stem(i, c) + "-contributions" })];

    public static IEnumerable<(string Name, ScottPlot.Plot Plot)> Create(DatasetComparison comparison)
    {
        var unit = comparison.Options.Unit;
        for (int i = 0; i < comparison.Columns.Length; i++)
        {
            var column = comparison.Columns[i];
            var m = column.Measures;
            string[] labels = [.. m.Bins.Select(b => b.Label)];
            string title = string.Create(CultureInfo.InvariantCulture,
                $"{column.Name}: reference and current over the reference's bins (PSI = {m.PopulationStabilityIndex.In(unit):0.####} {unit})");
            yield return (Stem(i, column.Name) + "-distribution", GroupedBarChart.Create(title, labels, "bin", "share (smoothed)",
                new Series("reference", [.. m.ReferenceProportions], Colour: 0), new Series("current", [.. m.CurrentProportions], Colour: 1)));
            yield return (Stem(i, column.Name) + "-contributions", GroupedBarChart.Create($"{column.Name}: each bin's share of PSI, (c − r)·log(c/r)", labels, "bin",
                $"PSI contribution ({unit})", new Series($"{column.Name}: {(column.Verdict.Drifted ? "drift" : "no drift")}", [.. m.PopulationStabilityContributions], Colour: 3)));
        }
    }

    /// <summary>compare-01-amount: the position keeps names unique; characters a file name cannot hold become '_'.</summary>
    private static string Stem(int index, string column)
    {
        var safe = new string([.. column.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        if (safe.Length > 40) safe = safe[..40];
        return string.Create(CultureInfo.InvariantCulture, $"compare-{index + 1:00}-{safe}");
    }
}
