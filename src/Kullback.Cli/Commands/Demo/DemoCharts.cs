using System.Globalization;
using Kullback.Analysis;
using Kullback.Plots;

namespace Kullback.Cli.Commands.Demo;

/// <summary>The walkthrough's six charts, labelled in the report's language.</summary>
internal static class DemoCharts
{
    /// <summary>The charts' names, in reading order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["1-data", "2-data-vs-uniform", "3-data-vs-binomial", "4-all", "5-contributions", "6-kl-vs-p"];

    /// <summary>
    /// The words and font for charts in <paramref name="language"/>'s words: for Chinese an installed CJK font (found
    /// through fontconfig) that ScottPlot measures and draws every label with; without one, English labels and a
    /// one-line note saying so.
    /// </summary>
    /// <remarks>KULLBACK_CHART_FONT names the family to use instead of the one found.</remarks>
    public static (Text Text, string? Font, string? Note) Labels(Text language)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (language.Culture.TwoLetterISOLanguageName != "zh") return (language, null, null);
        string? chosen = Environment.GetEnvironmentVariable(FontVariable);
        string? font = string.IsNullOrWhiteSpace(chosen) ? ChartFonts.FamilyFor(ChartFonts.ChineseSample)
            : ChartFonts.CanDraw(chosen.Trim(), ChartFonts.ChineseSample) ? chosen.Trim() : null;
        return font is null ? (Text.English, null, language["ChartsNoCjkFont"]) : (language, font, null);
    }

    /// <summary>The environment variable that names the chart font for Chinese labels.</summary>
    public const string FontVariable = "KULLBACK_CHART_FONT";

    /// <summary>The charts, named as <see cref="Names"/>; divergences in nats, as the tutorial gives them.</summary>
    /// <param name="w">The walkthrough.</param>
    /// <param name="text">The words of the labels (see <see cref="Labels"/>).</param>
    /// <param name="font">The font family for every label, or null for ScottPlot's default.</param>
    public static IEnumerable<(string Name, ScottPlot.Plot Plot)> Create(SpaceWormWalkthrough w, Text text, string? font = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (name, plot) in Charts(w, text))
        {
            if (font is not null) ChartFonts.Apply(plot, font);
            yield return (name, plot);
        }
    }

    private static IEnumerable<(string Name, ScottPlot.Plot Plot)> Charts(SpaceWormWalkthrough w, Text text)
    {
        string nats = text.UnitName(InformationUnit.Nats);
        string[] teeth = w.Data.Support.Select(o => o.Label).ToArray();
        double[] Of(Kullback.Fitting.ModelFit fit) => fit.Contributions.Select(c => c.Q).ToArray();
        string pLabel = w.BinomialP.ToString("0.###", CultureInfo.InvariantCulture);
        var data = new Series(text["SeriesData"], [.. w.Data.Probabilities], Colour: 0);
        var uniform = new Series(text["SeriesUniform"], Of(w.Uniform), Colour: 1);
        var binomial = new Series(text.Format("SeriesBinomial", pLabel), Of(w.Binomial), Colour: 2);
        string x = text["ChartTeeth"], y = text["ChartProbability"];
        double[] Bits(Kullback.Fitting.ModelFit fit) => fit.Contributions.Select(c => c.Contribution.Bits).ToArray();

        yield return ("1-data", GroupedBarChart.Create(text["ChartDataTitle"], teeth, x, y, data));
        yield return ("2-data-vs-uniform", GroupedBarChart.Create(text.Format("ChartDataVsUniform", Round(w.Uniform.DataToModel), nats), teeth, x, y, data, uniform));
        yield return ("3-data-vs-binomial", GroupedBarChart.Create(text.Format("ChartDataVsBinomial", Round(w.Binomial.DataToModel), nats), teeth, x, y, data, binomial));
        yield return ("4-all", GroupedBarChart.Create(text["ChartAll"], teeth, x, y, data, uniform, binomial));
        yield return ("5-contributions", GroupedBarChart.Create(text["ChartContributions"], teeth, x, text["ChartContributionsY"],
            uniform with { Values = Bits(w.Uniform) }, binomial with { Values = Bits(w.Binomial) }));
        yield return ("6-kl-vs-p", CurveChart.Create(text["ChartSweep"], [.. w.Sweep.Values],
            new Series(text["SeriesSweep"], w.Sweep.Divergences.Select(d => d.Nats).ToArray()),
            text["ChartSweepX"], text.Format("ChartSweepY", nats), (w.BestP, w.BestDivergence.Nats),
            (text.Format("SeriesUniformLevel", Round(w.Uniform.DataToModel), nats), w.Uniform.DataToModel.Nats),
            text.Format("ChartMinimum", w.BestP.ToString("0.###", CultureInfo.InvariantCulture), w.BestDivergence.Nats.ToString("0.####", CultureInfo.InvariantCulture))));
    }

    private static string Round(Information value) => value.Nats.ToString("0.0000", CultureInfo.InvariantCulture);
}
