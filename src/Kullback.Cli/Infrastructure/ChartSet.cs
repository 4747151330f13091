using Kullback.Plots;

namespace Kullback.Cli;

/// <summary>A command's charts, each written as PNG and SVG through an <see cref="OutputDirectory"/>.</summary>
internal static class ChartSet
{
    /// <summary>The file names of charts called <paramref name="names"/>: each as .png and .svg, in that order.</summary>
    public static IReadOnlyList<string> FileNames(IEnumerable<string> names) => [.. names.SelectMany(n => new[] { n + ".png", n + ".svg" })];

    /// <summary>Renders each chart into the staging area (checking for an interrupt between charts) and commits them all.</summary>
    /// <returns>The paths written, PNG before SVG, in the order given.</returns>
    public static IReadOnlyList<string> Write(OutputDirectory output, IEnumerable<(string Name, ScottPlot.Plot Plot)> charts, CancellationToken interrupt)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var (name, plot) in charts)
        {
            interrupt.ThrowIfCancellationRequested();
            output.Write(name + ".png", path => ChartFile.SavePng(plot, path));
            output.Write(name + ".svg", path => ChartFile.SaveSvg(plot, path));
        }
        interrupt.ThrowIfCancellationRequested();
        return output.Commit();
    }
}
