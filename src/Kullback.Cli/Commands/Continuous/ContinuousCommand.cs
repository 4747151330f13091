using System.CommandLine;
using Kullback.Continuous;
using MathNet.Numerics.Distributions;
using Spectre.Console;

namespace Kullback.Cli.Commands.Continuous;

/// <summary><c>kullback continuous --p SPEC --q SPEC</c>: D(P‖Q) between two named distributions, in closed form and numerically.</summary>
internal static class ContinuousCommand
{
    public static Command Create(Terminal terminal)
    {
        var p = new Option<string>("--p") { Description = $"The true distribution, as family(parameters): {DistributionSpec.Syntax}.", Required = true, HelpName = "SPEC" };
        var q = new Option<string>("--q") { Description = "The approximation, in the same syntax.", Required = true, HelpName = "SPEC" };
        var baseOption = BaseOption.Create();
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the table." };
        var command = new Command("continuous", "D(P‖Q) = ∫ p·log(p/q) between two distributions: the closed form when both are of one family, and adaptive quadrature (or summation) with an error estimate.")
        {
            p, q, baseOption, json,
        };
        command.SetAction(parse => CommandRunner.Run(terminal, () => Run(terminal,
            parse.GetValue(p)!, parse.GetValue(q)!, BaseOption.Parse(parse.GetValue(baseOption)!), parse.GetValue(json))));
        return command;
    }

    /// <summary>Both directions: closed form (or null) and the numerical value with its error estimate, in nats.</summary>
    internal sealed record Direction(double? ClosedForm, IntegralEstimate Numerical);

    internal static Direction Compute(IUnivariateDistribution p, IUnivariateDistribution q)
    {
        var numerical = (p, q) switch
        {
            (IContinuousDistribution a, IContinuousDistribution b) => NumericalDivergence.KullbackLeibler(a, b),
            (IDiscreteDistribution a, IDiscreteDistribution b) => NumericalDivergence.KullbackLeibler(a, b),
            _ => throw new UsageException("one distribution is discrete and the other continuous: there is no divergence between a probability mass function and a density."),
        };
        return new Direction(ClosedFormDivergence.TryKullbackLeibler(p, q), numerical);
    }

    private static int Run(Terminal terminal, string pSpec, string qSpec, InformationUnit unit, bool json)
    {
        var p = DistributionSpec.Parse(pSpec, "--p");
        var q = DistributionSpec.Parse(qSpec, "--q");
        var forward = Compute(p, q);
        var backward = Compute(q, p);
        double? hp = ClosedFormEntropy.TryOf(p), hq = ClosedFormEntropy.TryOf(q);
        if (json)
        {
            JsonOutput.Write(terminal.Out, w =>
            {
                if (forward.ClosedForm is double c) w.WriteNumberOrInfinity("closed_form_nats", c);
                else w.WriteNull("closed_form_nats");
                w.WriteNumberOrInfinity("numerical_nats", forward.Numerical.Value);
                w.WriteNumberOrInfinity("error_estimate", forward.Numerical.ErrorEstimate);
                w.WriteString("unit", unit.ToString());
                w.WriteNumberOrInfinity("kl_pq", unit.FromNats(forward.ClosedForm ?? forward.Numerical.Value));
                w.WriteNumberOrInfinity("kl_qp", unit.FromNats(backward.ClosedForm ?? backward.Numerical.Value));
                if (hp is double a) w.WriteNumberOrInfinity("entropy_p", unit.FromNats(a));
                if (hq is double b) w.WriteNumberOrInfinity("entropy_q", unit.FromNats(b));
            });
            return ExitCodes.Success;
        }

        var console = ConsoleFactory.For(terminal);
        bool discrete = p is IDiscreteDistribution;
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"P = {pSpec.Trim()}, Q = {qSpec.Trim()}; unit: {unit}"))
            .AddColumn("Quantity").AddColumn(new TableColumn("Closed form").RightAligned())
            .AddColumn(new TableColumn(discrete ? "Summed" : "Quadrature").RightAligned()).AddColumn(new TableColumn("± error").RightAligned());
        foreach (var (name, d) in new[] { ("D(P‖Q)", forward), ("D(Q‖P)", backward) })
            table.AddRow(name, d.ClosedForm is double c ? Numbers.Display(unit.FromNats(c), 10) : "—",
                Numbers.Display(unit.FromNats(d.Numerical.Value), 10), Numbers.Display(unit.FromNats(d.Numerical.ErrorEstimate), 2));
        string kind = discrete ? "entropy" : "differential entropy";
        table.AddRow($"H(P), {kind}", hp is double x ? Numbers.Display(unit.FromNats(x), 10) : "—", "", "");
        table.AddRow($"H(Q), {kind}", hq is double y ? Numbers.Display(unit.FromNats(y), 10) : "—", "", "");
        console.Write(table);
        if (forward.ClosedForm is null)
            console.WriteLine("No closed form: P and Q are of different families (or binomials with different n), so only the numerical value is given.");
        if (double.IsPositiveInfinity(forward.Numerical.Value) || double.IsPositiveInfinity(backward.Numerical.Value))
            console.WriteLine("∞: one distribution has probability where the other has none, so no finite code for it exists.");
        return ExitCodes.Success;
    }
}
