using System.Globalization;
using Kullback.Analysis;
using Spectre.Console;

namespace Kullback.Cli.Commands.Estimate;

/// <summary>The three estimates in the chosen unit, and how far to trust them.</summary>
internal static class EstimateTable
{
    public static void Write(IAnsiConsole console, SampleEstimates e, InformationUnit unit)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{e.SamplesP} samples of P, {e.SamplesQ} of Q, {e.Dimensions} dimension(s), k = {e.K}")))
            .AddColumn("Estimate").AddColumn(new TableColumn(Markup.Escape(unit.ToString())).RightAligned());
        foreach (var (name, v) in new[] { ("D(P‖Q)", e.KullbackLeibler), ("H(P), differential", e.EntropyP), ("H(Q), differential", e.EntropyQ) })
            table.AddRow(Markup.Escape(name), Numbers.Display(v.In(unit), 6));
        console.Write(table);
        console.WriteLine("k-nearest-neighbour estimates converge as the samples grow; their standard error is roughly √((Var[ln p/q] + 2ψ′(k))/n).");
    }
}
