using System.CommandLine;
using Kullback.Fitting;

namespace Kullback.Cli.Commands.Fit;

/// <summary><c>kullback fit FILE</c>: fit simple models to data and rank them by the information they lose.</summary>
internal static class FitCommand
{
    public const string DefaultOut = "kullback-fit";

    /// <summary>The options shared by <c>fit</c> and <c>sweep</c> for reading data.</summary>
    internal sealed class DataOptions
    {
        public Argument<string> File { get; } = new("FILE") { Description = "CSV, TSV or plain text of counts, probabilities or samples; - for standard input." };
        public Option<string?> As { get; } = new("--as") { Description = "What the file holds: counts, probabilities or samples (inferred, and said, when omitted).", HelpName = "counts|probabilities|samples" };
        public Option<string?> Column { get; } = new("--column") { Description = "The CSV column of samples: its header name or its number (1 = first).", HelpName = "NAME|INDEX" };
        public Option<long?> Trials { get; } = new("--trials") { Description = "n for the binomial and beta-binomial (default: the largest observed value).", HelpName = "N" };

        public DataOptions() => As.AcceptOnlyFromAmong("counts", "probabilities", "samples");

        public void AddTo(Command command)
        {
            command.Add(File);
            command.Add(As);
            command.Add(Column);
            command.Add(Trials);
        }

        public Observations Read(ParseResult parse, Terminal terminal)
        {
            string path = parse.GetValue(File)!;
            InputKind? kind = parse.GetValue(As) switch { null => null, "counts" => InputKind.Counts, "probabilities" => InputKind.Probabilities, _ => InputKind.Samples };
            if (parse.GetValue(Trials) is < 1) throw new UsageException("--trials must be a whole number ≥ 1.");
            return ReadingProgress.Run(terminal, $"Reading {path}", onOpen => ObservationFile.Read(path, kind, parse.GetValue(Column), terminal.In, onOpen));
        }
    }

    public static Command Create(Terminal terminal)
    {
        var data = new DataOptions();
        var families = new Option<string?>("--families") { Description = $"Comma-separated families to fit (default all): {string.Join(", ", ModelFamily.All.Select(f => f.Name))}.", HelpName = "LIST" };
        var method = new Option<string>("--method") { Description = "mle (maximum likelihood, = minimum D(P‖Q)) or moments.", DefaultValueFactory = _ => "mle" };
        method.AcceptOnlyFromAmong("mle", "moments");
        var rank = new Option<string?>("--rank") { Description = "Ranking: message (bits to send the data; default when N is known), kl (default otherwise), aic or bic.", HelpName = "message|kl|aic|bic" };
        rank.AcceptOnlyFromAmong("message", "kl", "aic", "bic");
        var outOption = new Option<string>("--out") { Description = "Directory for the charts (PNG and SVG).", DefaultValueFactory = _ => DefaultOut, HelpName = "DIR" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the table." };

        var command = new Command("fit", "Fit uniform, binomial, Poisson, geometric, negative binomial, beta-binomial and discretised normal models to data and rank them by the information they lose.");
        data.AddTo(command);
        command.Add(families);
        command.Add(method);
        command.Add(rank);
        command.Add(outOption);
        command.Add(json);
        command.SetAction(parse => CommandRunner.Run(terminal, () =>
        {
            string directory = OutputDirectory.Prepare(parse.GetValue(outOption)!);
            var input = data.Read(parse, terminal);
            var options = new FitOptions
            {
                Families = ParseFamilies(parse.GetValue(families)),
                Method = parse.GetValue(method) == "moments" ? FitMethod.Moments : FitMethod.MaximumLikelihood,
                Trials = parse.GetValue(data.Trials),
                RankBy = parse.GetValue(rank) is { } r ? FitFormatting.ParseRank(r) : null,
            };
            if (options.RankBy is { } chosen && chosen != RankCriterion.KullbackLeibler && input.Data.ObservationCount is null)
                throw new UsageException($"--rank {parse.GetValue(rank)} needs the number of observations, which probabilities do not give: use --rank kl, or give counts or samples.");
            var report = ModelFitter.Fit(input.Data, options);
            IReadOnlyList<string> charts;
            try { charts = FitCharts.Write(report, input.Data, directory); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new UsageException($"cannot write the charts to --out '{directory}': {e.Message}"); }
            if (parse.GetValue(json)) FitJson.Write(terminal.Out, report, input, charts);
            else
            {
                var console = ConsoleFactory.For(terminal);
                if (!terminal.IsInteractive) console.Profile.Width = 180;
                FitTable.Write(console, report, input, charts, directory);
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    public static IReadOnlyList<string>? ParseFamilies(string? list)
    {
        if (list is null) return null;
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var known = ModelFamily.All.Select(f => f.Name).ToHashSet();
        foreach (string name in names)
            if (!known.Contains(name))
                throw new UsageException($"--families: '{name}' is not a model family; the families are {string.Join(", ", known)}.");
        if (names.Count == 0) throw new UsageException("--families needs at least one family name.");
        return names;
    }
}
