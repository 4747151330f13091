using Kullback.Analysis;
using Kullback.Plots;

namespace Kullback.Cli.Commands.Sweep;

/// <summary>The sweep's curve, in nats, with its minimum marked.</summary>
internal static class SweepChart
{
    public static ScottPlot.Plot Create(SweepResult s) =>
        CurveChart.Create($"D(P‖Q) as {s.Parameter.Key} varies: {s.Fit.Family.Key}, other parameters at their fit",
            [.. s.Values], new Series($"D(P‖{s.Fit.Family.Key})", s.Divergences.Select(d => d.Nats).ToArray()),
            s.Parameter.Key, "D(P‖Q) (nats)", (s.MinimumValue, s.Minimum.Nats));
}
