using ScottPlot;

namespace Kullback.Plots;

/// <summary>The colours of Kullback's charts: the data first, then each approximation, distinguishable in greyscale too.</summary>
public static class Palette
{
    private static readonly Color[] Colors =
    [
        Color.FromHex("#1f77b4"),   // data: blue
        Color.FromHex("#ff7f0e"),   // first approximation: orange
        Color.FromHex("#2ca02c"),   // second: green
        Color.FromHex("#d62728"),   // red
        Color.FromHex("#9467bd"),   // purple
    ];

    /// <summary>The colour of the series at <paramref name="index"/> (cycling).</summary>
    public static Color ForSeries(int index) => Colors[index % Colors.Length];
}
