using Kullback.Data.Input;
using System.Globalization;
using Kullback.Analysis;
using Spectre.Console;

namespace Kullback.Cli.Commands.Sweep;

/// <summary>About ten rows of the sweep, the minimum in bold, and a sentence comparing it with the fit.</summary>
internal static class SweepTable
{
    public static void Write(IAnsiConsole console, SweepResult s, Observations input, InformationUnit unit, IReadOnlyList<string> charts)
    {
        console.WriteLine(input.Explanation);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn(Markup.Escape(s.Parameter.Key)).RightAligned())
            .AddColumn(new TableColumn(Markup.Escape($"D(P‖Q) {unit}")).RightAligned());
        int every = Math.Max(1, (s.Values.Length - 1) / 10);
        for (int i = 0; i < s.Values.Length; i++)
        {
            if (i % every != 0 && i != s.MinimumIndex && i != s.Values.Length - 1) continue;
            string Mark(string text) => i == s.MinimumIndex ? $"[bold]{text}[/]" : text;
            table.AddRow(Mark(Numbers.Display(s.Values[i], 4)), Mark(Numbers.Display(s.Divergences[i].In(unit), 6)));
        }
        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Smallest on this grid at {s.Parameter.Key} = {Numbers.Display(s.MinimumValue, 4)} (D = {Numbers.Display(s.Minimum.In(unit), 6)} {unit}); " +
            $"the maximum-likelihood fit {s.Fit.Model} has {s.Parameter.Key} = {Numbers.Display(s.FittedValue, 6)} and D = {Numbers.Display(s.Fit.DataToModel.In(unit), 6)} {unit}."));
        foreach (string c in charts) console.WriteLine("Chart: " + c);
    }
}
