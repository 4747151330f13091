using Kullback.Fitting;
using Kullback.Plots;

namespace Kullback.Cli.Commands.Fit;

/// <summary>The fit's charts: the data beside the best three fits, and where the best fit loses information.</summary>
internal static class FitCharts
{
    public static IReadOnlyList<string> Write(FitReport report, DiscreteDistribution data, string directory)
    {
        if (report.Best is not { } best) return [];
        // Integer data: every outcome of the observed range; labels: the labels, numbered as the fits number them.
        long[] xs = data.IsNumeric
            ? Enumerable.Range(0, (int)Math.Min(data.Support[^1].Value - data.Support[0].Value + 1, 2000)).Select(i => data.Support[0].Value + i).ToArray()
            : Enumerable.Range(0, data.Count).Select(i => (long)i).ToArray();
        string[] labels = data.IsNumeric ? xs.Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray() : data.Support.Select(o => o.Label).ToArray();
        double[] p = data.IsNumeric ? xs.Select(x => data.Probability(x)).ToArray() : [.. data.Probabilities];

        var series = new List<Series> { new("data", p) };
        foreach (var fit in report.Fits.Take(3))
            series.Add(new Series($"{fit.Family} ({FitFormatting.Parameters(fit.Model)})", xs.Select(fit.Model.Probability).ToArray()));
        var comparison = GroupedBarChart.Create("The data and the best fits", labels, "outcome", "probability", series);

        var contributions = new double[xs.Length];
        for (int i = 0; i < xs.Length; i++)
        {
            double q = best.Model.Probability(xs[i]);
            contributions[i] = p[i] == 0 ? 0 : q == 0 ? double.PositiveInfinity : p[i] * Math.Log2(p[i] / q);
        }
        var where = GroupedBarChart.Create($"Where {best.Family} loses information: p·log₂(p/q) per outcome", labels, "outcome", "bits",
            new Series($"{best.Family}: D(P‖Q) = {best.KullbackLeiblerPQ / Math.Log(2):0.####} bits", contributions));

        return [.. ChartFile.Save(comparison, directory, "fit-1-data-and-best-fits"), .. ChartFile.Save(where, directory, "fit-2-contributions")];
    }
}
