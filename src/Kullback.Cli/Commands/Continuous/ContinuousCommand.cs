using System.CommandLine;
using Kullback.Analysis;
using Kullback.Continuous;

namespace Kullback.Cli.Commands.Continuous;

/// <summary><c>kullback continuous --p SPEC --q SPEC</c>: D(P‖Q) between two named distributions, in closed form and numerically.</summary>
internal static class ContinuousCommand
{
    public static Command Create(Terminal terminal, Option<bool> verbose)
    {
        var p = new Option<string>("--p") { Description = $"The true distribution, as family(parameters): {DistributionSpec.Syntax}.", Required = true, HelpName = "SPEC" };
        var q = new Option<string>("--q") { Description = "The approximation, in the same syntax.", Required = true, HelpName = "SPEC" };
        var unit = Options.Unit();
        var json = Options.Json();
        var command = new Command("continuous", "D(P‖Q) = ∫ p·log(p/q) between two distributions: the closed form when both are of one family, and adaptive quadrature (or summation) with an error estimate.")
        {
            p, q, unit, json,
        };
        command.SetAction(parse => CommandRunner.Run(terminal, "continuous", parse.GetValue(verbose), output =>
        {
            var comparison = ContinuousAnalysis.Run(Spec(parse.GetValue(p)!, "--p"), Spec(parse.GetValue(q)!, "--q"));
            if (parse.GetValue(json)) ContinuousJson.Write(output, comparison, parse.GetValue(unit));
            else ContinuousTable.Write(ConsoleFactory.For(output, terminal.IsInteractive), comparison, parse.GetValue(unit));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static DistributionSpec Spec(string text, string option)
    {
        try
        {
            return DistributionSpec.Parse(text);
        }
        catch (InvalidArgumentException e)
        {
            throw new UsageException($"{option} {InputText.Quote(text)}: {e.Reason}", e);
        }
    }
}
