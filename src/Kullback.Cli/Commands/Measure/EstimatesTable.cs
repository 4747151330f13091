using System.Globalization;
using Kullback.Estimation;
using Spectre.Console;

namespace Kullback.Cli.Commands.Measure;

/// <summary>The estimates from counts as a table: quantity, estimator, estimate, interval, plug-in; then how the intervals were made.</summary>
internal static class EstimatesTable
{
    public static void Write(IAnsiConsole console, CountMeasureEstimates e, InformationUnit unit)
    {
        var o = e.Options;
        string level = string.Create(CultureInfo.InvariantCulture, $"{o.Interval.Level * 100:G4}%");
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Estimated from the counts: N = {e.EntropyP.SampleSize:N0} observations of P, M = {e.EntropyQ.SampleSize:N0} of Q")))
            .AddColumn("Key").AddColumn("Quantity").AddColumn("Estimator").AddColumn(new TableColumn("Estimate").RightAligned())
            .AddColumn(new TableColumn($"{level} interval").Centered()).AddColumn(new TableColumn("Plug-in").RightAligned());
        bool anyPermutation = e.KullbackLeiblerPQ.Permutation is not null;
        if (anyPermutation) table.AddColumn(new TableColumn("p (P = Q)").RightAligned());
        void Row(string key, string quantity, string estimator, Information value, ConfidenceInterval? ci, Information plugIn, Kullback.Comparison.PermutationResult? test)
        {
            var cells = new List<string>
            {
                key, Markup.Escape(quantity), estimator, Numbers.Display(value.In(unit), 6), Markup.Escape(Interval(ci, unit)), Numbers.Display(plugIn.In(unit), 6),
            };
            if (anyPermutation) cells.Add(test is null ? "" : Numbers.Display(test.PValue, 4));
            table.AddRow(cells.ToArray());
        }
        Row("entropy_p", "H(P)", EstimationOptions.Name(e.EntropyP.Estimator), e.EntropyP.Value, e.EntropyP.Interval, e.EntropyP.PlugIn, null);
        Row("entropy_q", "H(Q)", EstimationOptions.Name(e.EntropyQ.Estimator), e.EntropyQ.Value, e.EntropyQ.Interval, e.EntropyQ.PlugIn, null);
        Row("kl_pq", "D(P‖Q)", EstimationOptions.Name(e.KullbackLeiblerPQ.Estimator), e.KullbackLeiblerPQ.Value, e.KullbackLeiblerPQ.Interval, e.KullbackLeiblerPQ.PlugIn, e.KullbackLeiblerPQ.Permutation);
        Row("kl_qp", "D(Q‖P)", EstimationOptions.Name(e.KullbackLeiblerQP.Estimator), e.KullbackLeiblerQP.Value, e.KullbackLeiblerQP.Interval, e.KullbackLeiblerQP.PlugIn, e.KullbackLeiblerQP.Permutation);
        console.Write(table);
        console.WriteLine(Describe(e, unit));
    }

    /// <summary>"H = 2.3020 nats (grassberger), 95% interval [2.1705, 2.3889] by BCa bootstrap (2,000 resamples, seed 0)".</summary>
    internal static string Sentence(EntropyEstimate e, InformationUnit unit)
    {
        string text = $"H = {Numbers.Display(e.Value.In(unit), 4)} {unit} ({EstimationOptions.Name(e.Estimator)})";
        if (e.Interval is not { } ci) return text;
        string how = ci.Method == IntervalMethod.Posterior ? "from the NSB posterior"
            : string.Create(CultureInfo.InvariantCulture, $"by {(ci.Method == IntervalMethod.Percentile ? "percentile" : "BCa")} bootstrap ({ci.Resamples:N0} resamples, seed {ci.Seed})");
        return string.Create(CultureInfo.InvariantCulture, $"{text}, {ci.Level * 100:G4}% interval {Interval(ci, unit, 4)} {how}");
    }

    private static string Interval(ConfidenceInterval? ci, InformationUnit unit, int digits = 6) =>
        ci is null ? "—" : $"[{Numbers.Display(ci.Lower.In(unit), digits)}, {Numbers.Display(ci.Upper.In(unit), digits)}]";

    /// <summary>One sentence on the intervals: method, resamples, seed; and any note.</summary>
    internal static string Describe(CountMeasureEstimates e, InformationUnit unit)
    {
        var o = e.Options;
        var lines = new List<string>();
        if (e.IntervalNote is { } note) lines.Add(note);
        if (e.KullbackLeiblerPQ.Interval is { } used)
        {
            string bootstrap = string.Create(CultureInfo.InvariantCulture,
                $"{(used.Method == IntervalMethod.Percentile ? "percentile" : "BCa")} bootstrap of the counts ({used.Resamples:N0} resamples, seed {used.Seed}), re-centred on the corrected estimates");
            lines.Add(o.Entropy == EntropyEstimator.Nsb
                ? $"Intervals: the entropies' from the NSB posterior (mean ± z·sd); the divergences' by {bootstrap}."
                : $"Intervals: {bootstrap}.");
        }
        foreach (var ci in new[] { e.EntropyP.Interval, e.EntropyQ.Interval, e.KullbackLeiblerPQ.Interval, e.KullbackLeiblerQP.Interval })
            if (ci?.Note is { } n && !lines.Contains(n)) lines.Add(n);
        if (e.KullbackLeiblerPQ.Permutation is { } t)
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"p-values: {t.Permutations:N0} seeded relabellings of the pooled observations (seed {t.Seed}), the divergence as the statistic."));
        lines.Add($"Values in {unit}; the plug-in is the measure between the empirical distributions, as in the table above.");
        return string.Join(Environment.NewLine, lines);
    }
}
