using System.Globalization;
using Spectre.Console;

namespace Kullback.Cli.Commands.Measure;

/// <summary>The measures as a table: key, symbol, value in the chosen unit, unit, meaning; and why any is infinite.</summary>
internal static class MeasureTable
{
    public static void Write(IAnsiConsole console, MeasureSummary s, InformationUnit unit, string p, string q)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"P = {p}, Q = {q}: {s.Outcomes} outcomes")))
            .AddColumn("Key").AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Unit").AddColumn("Meaning");
        foreach (var d in MeasureSummary.Definitions)
            table.AddRow(Markup.Escape(d.Key), Markup.Escape(d.Symbol), Numbers.Display(d.ValueIn(s, unit), 10),
                         Markup.Escape(d.UnitName(unit)), Markup.Escape(d.Description));
        console.Write(table);
        if (!s.More.IsEmpty)
        {
            var more = new Table().Border(TableBorder.Rounded).Title("More measures (--all)")
                .AddColumn("Key").AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Unit").AddColumn("Meaning");
            foreach (var d in MeasureSummary.MoreDefinitions)
                more.AddRow(Markup.Escape(d.Key), Markup.Escape(d.Symbol), Numbers.Display(d.ValueIn(s, unit), 10),
                            Markup.Escape(d.UnitName(unit)), Markup.Escape(d.Description));
            console.Write(more);
        }
        if (!s.PMissingFromQ.IsEmpty)
            console.WriteLine($"∞ in D(P‖Q): Q gives probability 0 to {Outcomes(s.PMissingFromQ)}, which P produces, so no finite code for P exists.");
        if (!s.QMissingFromP.IsEmpty)
            console.WriteLine($"∞ in D(Q‖P): P gives probability 0 to {Outcomes(s.QMissingFromP)}, which Q produces.");
    }

    /// <summary>"outcome 3", "outcomes 0, 4 and 7", or the first few of many (numbered from 0, in file order).</summary>
    private static string Outcomes(IReadOnlyList<int> indices)
    {
        var shown = indices.Take(5).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        string list = shown.Count == 1 ? shown[0] : $"{string.Join(", ", shown.Take(shown.Count - 1))} and {shown[^1]}";
        string more = indices.Count > 5 ? string.Create(CultureInfo.InvariantCulture, $" ({indices.Count - 5} more)") : "";
        return $"{(indices.Count == 1 ? "outcome" : "outcomes")} {list}{more} (numbered from 0)";
    }
}
