using System.Globalization;
using Kullback.Comparison;
using Spectre.Console;

namespace Kullback.Cli.Commands.Compare;

/// <summary>One row per column — kind, missing, PSI, JS distance, KL both ways, adjusted p, verdict — and the criteria.</summary>
internal static class CompareTable
{
    public static void Write(IAnsiConsole console, DatasetComparison c, bool verbose, IReadOnlyList<string> charts)
    {
        var unit = c.Options.Unit;
        var criteria = c.Options.Criteria;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reference: {c.Reference.Source} ({c.Reference.Rows:N0} rows)"));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Current:   {c.Current.Source} ({c.Current.Rows:N0} rows)"));
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Column").AddColumn("Kind")
            .AddColumn(new TableColumn("Missing ref → cur").RightAligned())
            .AddColumn(new TableColumn(Markup.Escape($"PSI ({unit})")).RightAligned())
            .AddColumn(new TableColumn(Markup.Escape($"JS distance (√{unit})")).RightAligned())
            .AddColumn(new TableColumn(Markup.Escape($"D(ref‖cur) {unit}")).RightAligned())
            .AddColumn(new TableColumn(Markup.Escape($"D(cur‖ref) {unit}")).RightAligned())
            .AddColumn(new TableColumn("KS").RightAligned())
            .AddColumn(new TableColumn("p (Holm)").RightAligned())
            .AddColumn("Verdict");
        foreach (var column in c.Columns)
        {
            var m = column.Measures;
            string verdict = column.Verdict.Drifted ? "[bold red]drift[/]" : column.Verdict.Significant ? "[yellow]small shift[/]" : "[green]no drift[/]";
            table.AddRow(
                Markup.Escape(column.Name), column.Kind == ColumnKind.Numeric ? "numeric" : "categorical",
                Markup.Escape($"{Share(column.ReferenceMissing, column.Histogram.ReferenceTotal)} → {Share(column.CurrentMissing, column.Histogram.CurrentTotal)}"),
                Numbers.Display(m.PopulationStabilityIndex.In(unit), 4), Numbers.Display(m.JensenShannonDistance, 4),
                Numbers.Display(m.KullbackLeiblerReferenceCurrent.In(unit), 4), Numbers.Display(m.KullbackLeiblerCurrentReference.In(unit), 4),
                column.Distribution is { } d ? (d.IsExact ? Numbers.Display(d.KolmogorovSmirnov, 4) : Markup.Escape(d.Bounds!.KolmogorovSmirnovStatistic.ToString())) : "—",
                PValue(column.Verdict.AdjustedPValue), verdict);
        }
        console.Write(table);
        string effect = CompareOptions.Key(criteria.Effect);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Drift: the G-test p-value{(c.Options.Permutations > 0 ? $" (from {c.Options.Permutations:N0} permutations, seed {c.Options.Seed})" : "")}, Holm-corrected across {c.Columns.Length} columns, below α = {criteria.Alpha:G4}, and {effect} ≥ {criteria.Threshold:G4}" +
            $"{(effect is "psi" or "js_divergence" or "kl_reference_current" or "kl_current_reference" ? $" {criteria.Unit}" : "")}. Smoothing: {c.Options.Smoothing}. " +
            $"Bins are chosen on the reference only; JS distance = √(JS divergence)."));
        int drifted = c.Columns.Count(x => x.Verdict.Drifted);
        console.MarkupLine(drifted == 0 ? "[green]No column drifted.[/]"
            : Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{drifted} of {c.Columns.Length} columns drifted: {string.Join(", ", c.Columns.Where(x => x.Verdict.Drifted).Select(x => x.Name))}.")));
        foreach (var column in c.Columns)
        {
            if (!column.NewCategories.IsEmpty)
                console.WriteLine($"{column.Name}: new in the current data: {Names(column.NewCategories)}");
            if (!column.VanishedCategories.IsEmpty)
                console.WriteLine($"{column.Name}: vanished from the current data: {Names(column.VanishedCategories)}");
            foreach (var bin in column.Measures.InfiniteReferenceCurrentAt.Concat(column.Measures.InfiniteCurrentReferenceAt).Distinct())
                console.WriteLine($"{column.Name}: ∞ because bin {bin.Label} is empty on one side (no smoothing).");
            if (column.Distribution is { IsExact: false, FineBins: int fine })
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{column.Name}: KS, Wasserstein and Cramér–von Mises from a fine histogram of {fine} reference-quantile bins: the KS statistic lies in {column.Distribution.Bounds!.KolmogorovSmirnovStatistic}."));
            if (verbose) Drivers(console, column, unit);
        }
        if (charts.Count > 0) console.WriteLine($"Charts: {charts.Count} files, from {charts[0]}.");
    }

    /// <summary>The bins that contribute most to PSI: where the drift is.</summary>
    private static void Drivers(IAnsiConsole console, ColumnComparison column, InformationUnit unit)
    {
        var m = column.Measures;
        var top = Enumerable.Range(0, m.Bins.Length).OrderByDescending(i => m.PopulationStabilityContributions[i]).Take(3)
            .Where(i => m.PopulationStabilityContributions[i] > 0).ToList();
        if (top.Count == 0) return;
        console.WriteLine($"{column.Name}: drivers (PSI contribution, reference → current share):");
        foreach (int i in top)
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {m.Bins[i].Label}: {Numbers.Display(m.PopulationStabilityContributions[i], 4)} {unit}, {m.ReferenceProportions[i]:P2} → {m.CurrentProportions[i]:P2}"));
    }

    private static string Share(long part, long total) =>
        total == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / total:0.##}%");

    private static string PValue(double p) =>
        p == 0 ? "< 1e-308" : p < 1e-4 ? p.ToString("0.##e+0", CultureInfo.InvariantCulture) : p.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Names(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(10).Select(n => InputText.Quote(n))) + (names.Count > 10 ? string.Create(CultureInfo.InvariantCulture, $" and {names.Count - 10} more") : "");
}
