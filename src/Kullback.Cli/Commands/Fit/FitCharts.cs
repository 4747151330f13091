using System.Globalization;
using Kullback.Fitting;
using Kullback.Plots;

namespace Kullback.Cli.Commands.Fit;

/// <summary>The fit's charts: the data beside the best three fits, and where the best fit loses information.</summary>
internal static class FitCharts
{
    public static IReadOnlyList<string> Names { get; } = ["fit-1-data-and-best-fits", "fit-2-contributions"];

    public static IEnumerable<(string Name, ScottPlot.Plot Plot)> Create(FitReport report)
    {
        if (report.Best is not { } best) yield break;
        // Every fit's contributions cover the same outcomes: the observed range, or the observed outcomes when it is wide.
        var outcomes = best.Contributions.Select(c => c.Outcome).ToArray();
        string[] labels = outcomes.Select(o => o.Label).ToArray();
        var series = new List<Series> { new("data", best.Contributions.Select(c => c.P).ToArray()) };
        foreach (var fit in report.Fits.Take(3))
            series.Add(new Series($"{fit.Family.Key} ({string.Join(", ", fit.Model.Parameters)})", fit.Contributions.Select(c => c.Q).ToArray()));
        yield return ("fit-1-data-and-best-fits", GroupedBarChart.Create("The data and the best fits", labels, "outcome", "probability", series));
        yield return ("fit-2-contributions", GroupedBarChart.Create($"Where {best.Family.Key} loses information: p·log₂(p/q) per outcome", labels, "outcome", "bits",
            new Series(string.Create(CultureInfo.InvariantCulture, $"{best.Family.Key}: D(P‖Q) = {best.DataToModel.Bits:0.####} bits"),
                best.Contributions.Select(c => c.Contribution.Bits).ToArray())));
    }
}
