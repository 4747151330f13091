using Kullback.Data.Input;
using System.Globalization;
using Kullback.Fitting;
using Spectre.Console;

namespace Kullback.Cli.Commands.Fit;

/// <summary>The ranked table of fits, with footnotes that explain infinities and the ranking.</summary>
internal static class FitTable
{
    public static void Write(IAnsiConsole console, FitReport report, Observations input, InformationUnit unit, IReadOnlyList<string> charts, string directory)
    {
        static string Opt(double? v) => v is double x ? x.ToString("F1", CultureInfo.InvariantCulture) : "—";
        console.WriteLine(input.Explanation);
        console.WriteLine();
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("#").RightAligned())
            .AddColumn("Family")
            .AddColumn("Parameters")
            .AddColumn(new TableColumn(Markup.Escape($"D(P‖Q) {unit}")).RightAligned())
            .AddColumn(new TableColumn(Markup.Escape($"D(Q‖P) {unit}")).RightAligned())
            .AddColumn(new TableColumn("k").RightAligned());
        bool n = report.ObservationCount is not null;
        if (n)
            table.AddColumn(new TableColumn("ln L").RightAligned()).AddColumn(new TableColumn("AIC").RightAligned())
                 .AddColumn(new TableColumn("BIC").RightAligned()).AddColumn(new TableColumn(Markup.Escape($"Message ({unit})")).RightAligned());

        int rank = 0;
        foreach (var fit in report.Fits)
        {
            var cells = new List<string>
            {
                (++rank).ToString(CultureInfo.InvariantCulture), Markup.Escape(fit.Family.Key), Markup.Escape(string.Join(", ", fit.Model.Parameters)),
                Numbers.Display(fit.DataToModel.In(unit), 6), Numbers.Display(fit.ModelToData.In(unit), 4),
                fit.ParameterCount.ToString(CultureInfo.InvariantCulture),
            };
            if (n) cells.AddRange([Opt(fit.LogLikelihood), Opt(fit.Aic), Opt(fit.Bic), Opt(fit.MessageLength?.In(unit))]);
            if (rank == 1) cells = cells.Select(c => $"[bold]{c}[/]").ToList();
            table.AddRow([.. cells]);
        }
        console.Write(table);

        console.WriteLine(RankingSentence(report, unit));
        foreach (var fit in report.Fits.Where(f => f.DataToModel.IsInfinite))
            console.WriteLine($"∞ in D(P‖Q) for {fit.Family.Key}: it gives probability 0 to observed outcomes ({string.Join(", ", fit.InfiniteAt.Take(5).Select(o => o.Label))}).");
        if (report.Fits.Any(f => f.ModelToData.IsInfinite))
            console.WriteLine("∞ in D(Q‖P): the model gives probability to outcomes never observed (its support is unbounded or wider than the data's), " +
                              "so the data could not stand in for it. D(P‖Q), the information lost when the model stands in for the data, is the direction that ranks them.");
        foreach (var skipped in report.NotApplicable)
            console.WriteLine($"Not fitted: {skipped.Family.Key}: {skipped.Reason}");
        if (charts.Count > 0)
        {
            console.WriteLine($"Charts written to {directory}:");
            foreach (string c in charts) console.WriteLine("  " + c);
        }
    }

    private static string RankingSentence(FitReport report, InformationUnit unit)
    {
        string floor = string.Create(CultureInfo.InvariantCulture, $"H(P) = {report.Entropy.In(unit):F4} {unit} per observation is the floor no model beats");
        return report.RankedBy switch
        {
            RankCriterion.MessageLength => string.Create(CultureInfo.InvariantCulture,
                $"Ranked by message length: the information to send all N = {report.ObservationCount} observations with the model, −log L + (k/2)·log N " +
                $"= N·(H + D(P‖Q)) + the cost of the k parameters; {floor} (N·H = {report.DataInformation!.Value.In(unit):F1} {unit})."),
            RankCriterion.KullbackLeibler => $"Ranked by D(P‖Q), the information lost per observation; {floor}." +
                (report.ObservationCount is null ? " N is unknown (probabilities), so likelihood-based columns are left out." : ""),
            RankCriterion.Aic => $"Ranked by AIC = 2k − 2 ln L; {floor}.",
            _ => $"Ranked by BIC = k ln N − 2 ln L; {floor}.",
        };
    }
}
