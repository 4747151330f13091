using System.CommandLine;
using Kullback.Analysis;
using Kullback.Data.Input;

namespace Kullback.Cli.Commands.Estimate;

/// <summary><c>kullback estimate SAMPLES_P SAMPLES_Q</c>: D(P‖Q) and both entropies from samples alone, by k-nearest neighbours.</summary>
internal static class EstimateCommand
{
    public static Command Create(Terminal terminal, Option<bool> verbose)
    {
        var p = new Argument<string>("SAMPLES_P") { Description = "CSV/TSV of samples of P: one point per row, one coordinate per column; - for standard input." };
        var q = new Argument<string>("SAMPLES_Q") { Description = "CSV/TSV of samples of Q, with the same columns." };
        var column = new Option<string?>("--column") { Description = "The columns to use, by header name or number (1 = first), comma-separated; default all. Several columns = several dimensions.", HelpName = "NAME[,NAME…]" };
        var k = Options.Integer("--k", "The neighbour rank k ≥ 1 (larger: less variance, more bias).", 5, 1, 10_000, "K");
        var unit = Options.Unit();
        var json = Options.Json();
        var limits = new InputLimits();
        var command = new Command("estimate", "D(P‖Q) from two samples (Wang–Kulkarni–Verdú k-nearest-neighbour estimator) and each sample's differential entropy (Kozachenko–Leonenko).")
        {
            p, q, column, k, unit, json,
        };
        limits.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(terminal, "estimate", parse.GetValue(verbose), output =>
        {
            string pPath = parse.GetValue(p)!, qPath = parse.GetValue(q)!;
            if (pPath == Sources.StandardInput && qPath == Sources.StandardInput)
                throw new UsageException("SAMPLES_P and SAMPLES_Q cannot both be '-': standard input can supply only one of them.");
            var columns = parse.GetValue(column) is { } list ? ColumnSelector.ParseList(list) : null;
            var options = limits.Read(parse);
            SamplePoints Read(string path)
            {
                var points = TextInput.ReadPoints(InputSource.FromArgument(path, terminal.In), columns, options);
                return new SamplePoints(points.Coordinates, points.Dimensions, Sources.Shown(path));
            }
            var request = new EstimateRequest(Read(pPath), Read(qPath), parse.GetValue(k));
            var estimates = EstimateAnalysis.Run(request);
            if (parse.GetValue(json)) EstimateJson.Write(output, estimates, parse.GetValue(unit));
            else EstimateTable.Write(ConsoleFactory.For(output, terminal.IsInteractive), estimates, parse.GetValue(unit));
            return ExitCodes.Success;
        }));
        return command;
    }
}
