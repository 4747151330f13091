using Kullback.Analysis;
using Spectre.Console;

namespace Kullback.Cli.Commands.Continuous;

/// <summary>Both directions (closed form, numerical value, error) and the entropies, in the chosen unit.</summary>
internal static class ContinuousTable
{
    public static void Write(IAnsiConsole console, ContinuousComparison c, InformationUnit unit)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"P = {c.P}, Q = {c.Q}; unit: {unit}"))
            .AddColumn("Quantity").AddColumn(new TableColumn("Closed form").RightAligned())
            .AddColumn(new TableColumn(c.IsDiscrete ? "Summed" : "Quadrature").RightAligned()).AddColumn(new TableColumn("± error").RightAligned());
        foreach (var (name, d) in new[] { ("D(P‖Q)", c.Forward), ("D(Q‖P)", c.Reverse) })
            table.AddRow(name, d.ClosedForm is { } closed ? Numbers.Display(closed.In(unit), 10) : "—",
                d.Numerical is { } numerical ? Numbers.Display(numerical.In(unit), 10) : "not resolved",
                d.Numerical is null ? "" : Numbers.Display(d.ErrorEstimate.In(unit), 2));
        string kind = c.IsDiscrete ? "entropy" : "differential entropy";
        table.AddRow($"H(P), {kind}", c.EntropyP is { } hp ? Numbers.Display(hp.In(unit), 10) : "—", "", "");
        table.AddRow($"H(Q), {kind}", c.EntropyQ is { } hq ? Numbers.Display(hq.In(unit), 10) : "—", "", "");
        console.Write(table);
        if (c.Forward.ClosedForm is null)
            console.WriteLine("No closed form: P and Q are of different families (or binomials with different n), so only the numerical value is given.");
        foreach (var (name, d) in new[] { ("D(P‖Q)", c.Forward), ("D(Q‖P)", c.Reverse) })
        {
            if (d.Best is null)
            {
                console.WriteLine($"{name} could not be computed: {d.NumericalUnresolved}");
                continue;
            }
            if (d.Best.Value.IsInfinite)
                console.WriteLine($"{name} = ∞: {d.InfiniteBecause ?? "one distribution has probability where the other has none, so no finite code for it exists"}.");
            if (d.NumericalUnresolved is { } why && d.ClosedForm is not null)
                console.WriteLine($"{name}: the numerical check could not resolve it ({why.TrimEnd('.')}); the closed form stands.");
        }
    }
}
