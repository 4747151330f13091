using System.CommandLine;
using Kullback.Analysis;
using Kullback.Data.Input;
using Spectre.Console;

namespace Kullback.Cli.Commands.Measure;

/// <summary>
/// <c>kullback measure P Q</c>: every measure of the library between two distributions in files (<c>--all</c>: the peers'
/// further measures too); <c>kullback measure --joint FILE</c>: the multivariate measures of columns of samples.
/// </summary>
internal static class MeasureCommand
{
    public static Command Create(Terminal terminal, Option<bool> verbose)
    {
        var p = new Argument<string?>("P") { Description = "File of the true distribution's probabilities (commas, spaces or newlines; # comments), or - for standard input.", Arity = ArgumentArity.ZeroOrOne };
        var q = new Argument<string?>("Q") { Description = "File of the approximation's probabilities, or - for standard input (at most one of P and Q).", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Also the peers' further measures (Rényi of orders 0 and ∞, Tsallis, α, χ² family, Clark, Taneja, Jensen–Rényi, Rényi/Tsallis entropies, …), in a second table and under more_measures in JSON." };
        var joint = JointOptions.Create();
        var unit = Options.Unit();
        var counts = new Option<bool>("--counts") { Description = "The files hold counts or weights: normalise them instead of requiring a sum of 1." };
        var json = Options.Json();
        var estimation = EstimationOptions.WithPermutations();
        var limits = new InputLimits();
        var command = new Command("measure", "Entropy, cross-entropy, KL in both directions, Jensen–Shannon, Hellinger, total variation, Bhattacharyya, χ² and Rényi between two distributions.")
        {
            p, q, unit, counts, all, json, joint.File, joint.Columns, joint.Given,
        };
        estimation.AddTo(command);
        limits.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(terminal, "measure", parse.GetValue(verbose), output =>
        {
            if (parse.GetValue(joint.File) is { } jointPath)
            {
                if (parse.GetValue(p) is not null)
                    throw new UsageException("--joint measures the columns of one file: give no P or Q with it.");
                return joint.Run(parse, jointPath, terminal, output, limits.Read(parse), parse.GetValue(unit), parse.GetValue(json));
            }
            if (parse.GetValue(joint.Columns) is not null || parse.GetValue(joint.Given) is not null)
                throw new UsageException("--columns and --given choose the columns of --joint FILE: add --joint.");
            string pPath = parse.GetValue(p) ?? throw new UsageException("P and Q are missing: give two files (or --joint FILE for the measures of one file's columns).");
            string qPath = parse.GetValue(q) ?? throw new UsageException("Q is missing: give the approximation's file after P's.");
            if (pPath == Sources.StandardInput && qPath == Sources.StandardInput)
                throw new UsageException("P and Q cannot both be '-': standard input can supply only one of them.");
            var options = limits.Read(parse);
            double[] Read(string path) => TextInput.ReadVector(InputSource.FromArgument(path, terminal.In), VectorKind.Weights, options);
            bool areCounts = parse.GetValue(counts);
            if (!areCounts && estimation.FirstGiven(parse) is { } given)
                throw new UsageException($"{given} applies to estimates from counts: add --counts (the files must then hold whole counts).");
            var request = new MeasureRequest(Read(pPath), Read(qPath), Sources.Shown(pPath), Sources.Shown(qPath), AreWeights: areCounts, All: parse.GetValue(all),
                Estimation: areCounts ? estimation.Read(parse) : null);
            MeasureSummary summary;
            try
            {
                summary = MeasureAnalysis.Run(request);
            }
            catch (ProbabilitySumException e)
            {
                throw new UsageException($"{e.Location}: the probabilities sum to {e.SumText} ({e.Discrepancy}); if they are counts or weights, add --counts to normalise them.", e);
            }
            var estimates = MeasureAnalysis.Estimate(request, out string? unavailable);
            if (parse.GetValue(json)) MeasureJson.Write(output, summary, parse.GetValue(unit), estimates, unavailable);
            else
            {
                var console = ConsoleFactory.For(output, terminal.IsInteractive);
                MeasureTable.Write(console, summary, parse.GetValue(unit), request.PSource, request.QSource);
                if (estimates is not null) EstimatesTable.Write(console, estimates, parse.GetValue(unit));
                if (unavailable is not null) console.WriteLine(unavailable);
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
