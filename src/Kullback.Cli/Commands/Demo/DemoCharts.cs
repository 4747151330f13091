using System.Globalization;
using Kullback.Plots;

namespace Kullback.Cli.Commands.Demo;

/// <summary>The walkthrough's six charts, each written as PNG and SVG.</summary>
internal static class DemoCharts
{
    /// <summary>Writes the charts into <paramref name="directory"/> and returns the paths, PNG before SVG, in reading order.</summary>
    /// <remarks>
    /// Chart labels are English in every report language: with ScottPlot 5.1.59 and Noto CJK fonts the legend and the
    /// rotated axis label come out clipped, and a clipped Chinese label serves a reader worse than a clean English one.
    /// </remarks>
    public static IReadOnlyList<string> Write(SpaceWormAnalysis a, string directory)
    {
        var text = Text.English;
        string[] teeth = Enumerable.Range(0, a.Data.Length).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        string pLabel = a.BinomialP.ToString("0.###", CultureInfo.InvariantCulture);
        var data = new Series(text["SeriesData"], a.Data, Colour: 0);
        var uniform = new Series(text["SeriesUniform"], a.Uniform, Colour: 1);
        var binomial = new Series(text.Format("SeriesBinomial", pLabel), a.Binomial, Colour: 2);
        string x = text["ChartTeeth"], y = text["ChartProbability"];

        var charts = new (string Name, ScottPlot.Plot Plot)[]
        {
            ("1-data", GroupedBarChart.Create(text["ChartDataTitle"], teeth, x, y, data)),
            ("2-data-vs-uniform", GroupedBarChart.Create(text.Format("ChartDataVsUniform", Round(a.KlDataUniform)), teeth, x, y, data, uniform)),
            ("3-data-vs-binomial", GroupedBarChart.Create(text.Format("ChartDataVsBinomial", Round(a.KlDataBinomial)), teeth, x, y, data, binomial)),
            ("4-all", GroupedBarChart.Create(text["ChartAll"], teeth, x, y, data, uniform, binomial)),
            ("5-contributions", GroupedBarChart.Create(text["ChartContributions"], teeth, x, text["ChartContributionsY"],
                uniform with { Values = a.ContributionsUniformBits }, binomial with { Values = a.ContributionsBinomialBits })),
            ("6-kl-vs-p", CurveChart.Create(text["ChartSweep"], a.SweepP, new Series(text["SeriesSweep"], a.SweepKl),
                text["ChartSweepX"], text["ChartSweepY"], (a.BestP, a.BestKl),
                (text.Format("SeriesUniformLevel", Round(a.KlDataUniform)), a.KlDataUniform))),
        };

        var paths = new List<string>();
        foreach (var (name, plot) in charts) paths.AddRange(ChartFile.Save(plot, directory, name));
        return paths;
    }

    private static string Round(double nats) => nats.ToString("0.0000", CultureInfo.InvariantCulture);
}
