using Kullback.Data.Input;
using System.CommandLine;
using Kullback.Analysis;
using Kullback.Cli.Commands.Fit;
using Kullback.Fitting;

namespace Kullback.Cli.Commands.Sweep;

/// <summary><c>kullback sweep FILE --family F --param NAME</c>: D(P‖Q_θ) as one parameter varies and the others stay at their fit.</summary>
internal static class SweepCommand
{
    public const string DefaultOut = "kullback-sweep";

    public static Command Create(Terminal terminal, Option<bool> verbose)
    {
        var data = new DataOptions();
        var family = Options.Choice("--family", "The model family.", [.. ModelFamily.All.Select(f => f.Key)], required: true);
        var parameter = new Option<string>("--param") { Description = "The parameter to vary (p, lambda, r, alpha, beta, mu or sigma, as the family has them).", Required = true, HelpName = "NAME" };
        var from = Options.Number("--from", "Start of the range (default: around the fit).", "A");
        var to = Options.Number("--to", "End of the range (default: around the fit).", "B");
        var steps = Options.Integer("--steps", $"Number of values, 2 to {SweepAnalysis.MaximumSteps:N0}.", 101, 2, SweepAnalysis.MaximumSteps, "K");
        var outOption = new Option<string>("--out") { Description = "Directory for the chart (PNG and SVG). Files kullback did not write are never replaced.", DefaultValueFactory = _ => DefaultOut, HelpName = "DIR" };
        var unit = Options.Unit();
        var json = Options.Json();

        var command = new Command("sweep", "D(P‖Q) as one parameter of a fitted model varies and the others stay at their maximum-likelihood fit, with the minimum marked.");
        data.AddTo(command);
        foreach (Option o in new Option[] { family, parameter, from, to, steps, outOption, unit, json }) command.Add(o);
        command.SetAction(parse => CommandRunner.Run(terminal, "sweep", parse.GetValue(verbose), output =>
        {
            var chosen = ModelFamily.Parse(parse.GetValue(family)!);
            Parameter varied;
            try
            {
                varied = chosen.ParameterNamed(parse.GetValue(parameter)!);
            }
            catch (InvalidArgumentException e)
            {
                throw new UsageException($"--param: {e.Reason}", e);
            }
            string chartName = $"sweep-{chosen.Key}-{varied.Key}";
            using var charts = OutputDirectory.Prepare(parse.GetValue(outOption)!, ChartSet.FileNames([chartName]));
            var input = data.Read(parse, terminal);
            var sweep = SweepAnalysis.Run(new SweepRequest(input.Data, chosen, varied, parse.GetValue(from), parse.GetValue(to),
                                                           parse.GetValue(steps), parse.GetValue(data.Trials)));
            var written = ChartSet.Write(charts, [(chartName, SweepChart.Create(sweep))], terminal.Interrupt);
            if (parse.GetValue(json)) SweepJson.Write(output, sweep, parse.GetValue(unit), written);
            else SweepTable.Write(ConsoleFactory.For(output, terminal.IsInteractive), sweep, input, parse.GetValue(unit), written);
            return ExitCodes.Success;
        }));
        return command;
    }
}
