using System.Globalization;
using ScottPlot;

namespace Kullback.Plots;

/// <summary>A quantity as one parameter varies, with its minimum marked and, optionally, a reference level to compare with.</summary>
public static class CurveChart
{
    /// <summary>Creates the chart.</summary>
    /// <param name="title">The chart title.</param>
    /// <param name="curve">The x values and the curve's name and y values (non-finite points are skipped).</param>
    /// <param name="xs">The parameter values.</param>
    /// <param name="xLabel">The horizontal axis label.</param>
    /// <param name="yLabel">The vertical axis label, with its unit.</param>
    /// <param name="minimum">Where the minimum is, marked with a point and a label.</param>
    /// <param name="reference">A horizontal line to compare with (its legend text and level), or null.</param>
    /// <returns>The plot, for further styling or for <see cref="ChartFile.Save"/>.</returns>
    public static Plot Create(string title, double[] xs, Series curve, string xLabel, string yLabel,
                              (double X, double Y) minimum, (string Name, double Y)? reference = null) =>
        Create(title, xs, curve, xLabel, yLabel, minimum, reference,
               string.Create(CultureInfo.InvariantCulture, $"minimum at {minimum.X:0.###}: {minimum.Y:0.####}"));

    /// <summary>Creates the chart, with the minimum's legend text given (for charts in other languages).</summary>
    /// <param name="title">The chart title.</param>
    /// <param name="curve">The x values and the curve's name and y values (non-finite points are skipped).</param>
    /// <param name="xs">The parameter values.</param>
    /// <param name="xLabel">The horizontal axis label.</param>
    /// <param name="yLabel">The vertical axis label, with its unit.</param>
    /// <param name="minimum">Where the minimum is, marked with a point.</param>
    /// <param name="reference">A horizontal line to compare with (its legend text and level), or null.</param>
    /// <returns>The plot, for further styling or for <see cref="ChartFile.Save"/>.</returns>
    /// <param name="minimumLabel">The legend text of the minimum's marker, such as "minimum at 0.544: 0.4273".</param>
    public static Plot Create(string title, double[] xs, Series curve, string xLabel, string yLabel,
                              (double X, double Y) minimum, (string Name, double Y)? reference, string minimumLabel)
    {
        ArgumentNullException.ThrowIfNull(minimumLabel);
        if (xs.Length != curve.Values.Count)
            throw new ArgumentException($"{xs.Length} x values for {curve.Values.Count} y values.", nameof(curve));
        var points = xs.Zip(curve.Values).Where(t => double.IsFinite(t.Second)).ToArray();

        var plot = new Plot();
        var line = plot.Add.ScatterLine(points.Select(t => t.First).ToArray(), points.Select(t => t.Second).ToArray(), Palette.ForSeries(2));
        line.LineWidth = 2;
        line.LegendText = curve.Name;

        if (reference is { } r)
        {
            // Solid, not dashed: Skia's SVG backend cannot draw dash patterns, and PNG and SVG should agree.
            var level = plot.Add.HorizontalLine(r.Y, 2.5f, Palette.ForSeries(1), LinePattern.Solid);
            level.LegendText = r.Name;
        }

        var marker = plot.Add.Marker(minimum.X, minimum.Y, MarkerShape.FilledCircle, 10, Palette.ForSeries(3));
        marker.LegendText = minimumLabel;
        plot.Add.VerticalLine(minimum.X, 1, Palette.ForSeries(3).WithAlpha(0.5), LinePattern.Solid);

        // Show the interesting part: from 0 up to a few times the larger of the minimum and the reference.
        double top = Math.Max(minimum.Y, reference?.Y ?? 0) * 4 + 0.1;
        plot.Axes.SetLimits(xs.Min(), xs.Max(), 0, Math.Min(top, points.Max(t => t.Second) * 1.05));
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperCenter);
        return plot;
    }
}
