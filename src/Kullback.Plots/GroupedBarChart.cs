using ScottPlot;

namespace Kullback.Plots;

/// <summary>Bars of one or more series side by side over a shared set of outcomes: distributions, or per-outcome contributions.</summary>
public static class GroupedBarChart
{
    /// <summary>Creates the chart.</summary>
    /// <param name="title">The chart title.</param>
    /// <param name="outcomes">The label under each group of bars.</param>
    /// <param name="xLabel">The horizontal axis label (what the outcomes are).</param>
    /// <param name="yLabel">The vertical axis label, with its unit.</param>
    /// <param name="series">One or more series, each with one value per outcome.</param>
    /// <returns>The plot, for further styling or for <see cref="ChartFile.Save"/>.</returns>
    /// <exception cref="ArgumentException">No series, or a series whose length differs from the outcomes'.</exception>
    public static Plot Create(string title, IReadOnlyList<string> outcomes, string xLabel, string yLabel, params IReadOnlyList<Series> series)
    {
        if (series.Count == 0) throw new ArgumentException("At least one series is needed.", nameof(series));
        foreach (var s in series)
            if (s.Values.Count != outcomes.Count)
                throw new ArgumentException($"Series \"{s.Name}\" has {s.Values.Count} values for {outcomes.Count} outcomes.", nameof(series));

        var plot = new Plot();
        double groupWidth = 0.8, barWidth = groupWidth / series.Count;
        bool anyNegative = false;
        for (int s = 0; s < series.Count; s++)
        {
            var bars = new List<Bar>();
            for (int i = 0; i < outcomes.Count; i++)
            {
                double v = series[s].Values[i];
                if (!double.IsFinite(v)) continue;   // an infinite contribution cannot be drawn; the caller says so in words
                anyNegative |= v < 0;
                bars.Add(new Bar
                {
                    Position = i - groupWidth / 2 + barWidth * (s + 0.5),
                    Value = v,
                    Size = barWidth * 0.92,
                    FillColor = Palette.ForSeries(series[s].Colour ?? s),
                    LineWidth = 0,
                });
            }
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = series[s].Name;
        }

        // At most about 20 labels under the bars, evenly spaced, so that they never run together.
        int every = Math.Max(1, (int)Math.Ceiling(outcomes.Count / 20.0));
        int[] labelled = Enumerable.Range(0, outcomes.Count).Where(i => i % every == 0).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            labelled.Select(i => (double)i).ToArray(), labelled.Select(i => outcomes[i]).ToArray());
        // Labels too long to sit side by side (bin ranges such as "[10.07, 10.828)": about 110 characters fit across the
        // default 800 pixels) are turned to read downwards, so that they do not run together.
        if (labelled.Sum(i => outcomes[i].Length + 2) > SideBySideCharacters)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = 20 + 6 * labelled.Max(i => outcomes[i].Length);
        }
        if (anyNegative) plot.Add.HorizontalLine(0, 1, Colors.Black, LinePattern.Solid);
        // Headroom above the tallest bar for the legend (about 6 % of the height per entry), so it hides no bar.
        double top = 0.05 + 0.06 * (series.Count + 1);
        plot.Axes.Margins(left: 0.01, right: 0.01, bottom: anyNegative ? 0.05 : 0, top: top);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (series.Count > 1 || !string.IsNullOrEmpty(series[0].Name)) plot.ShowLegend(LegendCorner(outcomes.Count, series));
        return plot;
    }

    /// <summary>How many characters of tick labels (each with two of space) fit side by side under the default chart width.</summary>
    private const int SideBySideCharacters = 110;

    /// <summary>The upper corner over the lower bars, so the legend hides as little as possible.</summary>
    private static Alignment LegendCorner(int count, IReadOnlyList<Series> series)
    {
        int third = Math.Max(1, count / 3);
        double Highest(IEnumerable<int> indices) =>
            indices.SelectMany(i => series.Select(s => s.Values[i])).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        double left = Highest(Enumerable.Range(0, third));
        double right = Highest(Enumerable.Range(count - third, third));
        return left < right ? Alignment.UpperLeft : Alignment.UpperRight;
    }
}
