using Kullback.Data.Input;
using System.CommandLine;
using Kullback.Fitting;

namespace Kullback.Cli.Commands.Fit;

/// <summary><c>kullback fit FILE</c>: fit simple models to data and rank them by the information they lose.</summary>
internal static class FitCommand
{
    public const string DefaultOut = "kullback-fit";

    public static Command Create(Terminal terminal, Option<bool> verbose)
    {
        var data = new DataOptions();
        var families = new Option<string?>("--families") { Description = $"Comma-separated families to fit (default all): {string.Join(", ", ModelFamily.All.Select(f => f.Key))}.", HelpName = "LIST" };
        var method = Options.Choice("--method", "mle (maximum likelihood, = minimum D(P‖Q)) or moments.", ["mle", "moments"], "mle");
        var rank = Options.Choice("--rank", "Ranking: message (the information to send the data; default when N is known), kl (default otherwise), aic or bic.",
                                  [.. RankCriteria.All.Select(c => c.Key)]);
        var outOption = new Option<string>("--out") { Description = "Directory for the charts (PNG and SVG). Files kullback did not write are never replaced.", DefaultValueFactory = _ => DefaultOut, HelpName = "DIR" };
        var unit = Options.Unit();
        var json = Options.Json();

        var command = new Command("fit", "Fit uniform, binomial, Poisson, geometric, negative binomial, beta-binomial and discretised normal models to data and rank them by the information they lose.");
        data.AddTo(command);
        foreach (Option o in new Option[] { families, method, rank, outOption, unit, json }) command.Add(o);
        command.SetAction(parse => CommandRunner.Run(terminal, "fit", parse.GetValue(verbose), output =>
        {
            using var charts = OutputDirectory.Prepare(parse.GetValue(outOption)!, ChartSet.FileNames(FitCharts.Names));
            var options = new FitOptions
            {
                Families = ParseFamilies(parse.GetValue(families)),
                Method = FitMethods.Parse(parse.GetValue(method)!),
                Trials = parse.GetValue(data.Trials),
                RankBy = parse.GetValue(rank) is { } r ? RankCriteria.Parse(r) : null,
            };
            var input = data.Read(parse, terminal);
            if (options.RankBy is { } chosen && chosen != RankCriterion.KullbackLeibler && input.Data.ObservationCount is null)
                throw new UsageException($"--rank {parse.GetValue(rank)} needs the number of observations, which probabilities do not give: use --rank kl, or give counts or samples.");
            var report = ModelFitter.Fit(input.Data, options);
            var written = ChartSet.Write(charts, FitCharts.Create(report), terminal.Interrupt);
            if (parse.GetValue(json)) FitJson.Write(output, report, input, parse.GetValue(unit), written);
            else FitTable.Write(ConsoleFactory.For(output, terminal.IsInteractive, width: 180), report, input, parse.GetValue(unit), written, charts.Path);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The families named in a comma-separated list; null for all.</summary>
    public static IReadOnlyList<ModelFamily>? ParseFamilies(string? list)
    {
        if (list is null) return null;
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw new UsageException("--families needs at least one family name.");
        try
        {
            return [.. names.Select(ModelFamily.Parse).Distinct()];
        }
        catch (InvalidArgumentException e)
        {
            throw new UsageException($"--families: {e.Reason}", e);
        }
    }
}
