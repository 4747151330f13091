using System.CommandLine;
using Kullback.Analysis;
using Kullback.Data.Input;

namespace Kullback.Cli.Commands.Measure;

/// <summary><c>kullback measure P Q</c>: every measure of the library between two distributions in files.</summary>
internal static class MeasureCommand
{
    public static Command Create(Terminal terminal, Option<bool> verbose)
    {
        var p = new Argument<string>("P") { Description = "File of the true distribution's probabilities (commas, spaces or newlines; # comments), or - for standard input." };
        var q = new Argument<string>("Q") { Description = "File of the approximation's probabilities, or - for standard input (at most one of P and Q)." };
        var unit = Options.Unit();
        var counts = new Option<bool>("--counts") { Description = "The files hold counts or weights: normalise them instead of requiring a sum of 1." };
        var json = Options.Json();
        var limits = new InputLimits();
        var command = new Command("measure", "Entropy, cross-entropy, KL in both directions, Jensen–Shannon, Hellinger, total variation, Bhattacharyya, χ² and Rényi between two distributions.")
        {
            p, q, unit, counts, json,
        };
        limits.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(terminal, "measure", parse.GetValue(verbose), output =>
        {
            string pPath = parse.GetValue(p)!, qPath = parse.GetValue(q)!;
            if (pPath == Sources.StandardInput && qPath == Sources.StandardInput)
                throw new UsageException("P and Q cannot both be '-': standard input can supply only one of them.");
            var options = limits.Read(parse);
            double[] Read(string path) => TextInput.ReadVector(InputSource.FromArgument(path, terminal.In), VectorKind.Weights, options);
            var request = new MeasureRequest(Read(pPath), Read(qPath), Sources.Shown(pPath), Sources.Shown(qPath), AreWeights: parse.GetValue(counts));
            MeasureSummary summary;
            try
            {
                summary = MeasureAnalysis.Run(request);
            }
            catch (ProbabilitySumException e)
            {
                throw new UsageException($"{e.Location}: the probabilities sum to {e.SumText} ({e.Discrepancy}); if they are counts or weights, add --counts to normalise them.", e);
            }
            if (parse.GetValue(json)) MeasureJson.Write(output, summary, parse.GetValue(unit));
            else MeasureTable.Write(ConsoleFactory.For(output, terminal.IsInteractive), summary, parse.GetValue(unit), request.PSource, request.QSource);
            return ExitCodes.Success;
        }));
        return command;
    }
}
