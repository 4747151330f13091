using System.Globalization;
using Kullback.Fitting;
using Spectre.Console;

namespace Kullback.Cli.Commands.Fit;

/// <summary>The ranked table of fits, with footnotes that explain infinities and the ranking.</summary>
internal static class FitTable
{
    public static void Write(IAnsiConsole console, FitReport report, Observations input, IReadOnlyList<string> charts, string directory)
    {
        double ln2 = Math.Log(2);
        string F(double v, int decimals = 4) => Numbers.Display(v, decimals);
        string Opt(double? v, int decimals = 1) => v is double x ? x.ToString("F" + decimals, CultureInfo.InvariantCulture) : "—";

        console.WriteLine(input.Explanation);
        console.WriteLine();
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("#").RightAligned())
            .AddColumn("Family")
            .AddColumn("Parameters")
            .AddColumn(new TableColumn("D(P‖Q) bits").RightAligned())
            .AddColumn(new TableColumn("D(P‖Q) nats").RightAligned())
            .AddColumn(new TableColumn("D(Q‖P) bits").RightAligned())
            .AddColumn(new TableColumn("D(Q‖P) nats").RightAligned())
            .AddColumn(new TableColumn("k").RightAligned());
        bool n = report.ObservationCount is not null;
        if (n)
            table.AddColumn(new TableColumn("ln L").RightAligned()).AddColumn(new TableColumn("AIC").RightAligned())
                 .AddColumn(new TableColumn("BIC").RightAligned()).AddColumn(new TableColumn("Message bits").RightAligned());

        int rank = 0;
        foreach (var fit in report.Fits)
        {
            var cells = new List<string>
            {
                (++rank).ToString(CultureInfo.InvariantCulture), fit.Family, Markup.Escape(FitFormatting.Parameters(fit.Model)),
                F(fit.KullbackLeiblerPQ / ln2, 6), F(fit.KullbackLeiblerPQ, 6), F(fit.KullbackLeiblerQP / ln2), F(fit.KullbackLeiblerQP),
                fit.ParameterCount.ToString(CultureInfo.InvariantCulture),
            };
            if (n) cells.AddRange([Opt(fit.LogLikelihood), Opt(fit.Aic), Opt(fit.Bic), Opt(fit.MessageBits)]);
            if (rank == 1) cells = cells.Select(c => $"[bold]{c}[/]").ToList();
            table.AddRow(cells.ToArray());
        }
        console.Write(table);

        console.WriteLine(RankingSentence(report));
        if (report.Fits.Any(f => double.IsPositiveInfinity(f.KullbackLeiblerQP)))
            console.WriteLine("∞ in D(Q‖P): the model gives probability to outcomes never observed (its support is unbounded or wider than the data's), " +
                              "so the data could not stand in for it. D(P‖Q), the information lost when the model stands in for the data, is the direction that ranks them.");
        foreach (var skipped in report.NotApplicable)
            console.WriteLine($"Not fitted: {skipped.Family}: {skipped.Reason}");
        if (charts.Count > 0)
        {
            console.WriteLine($"Charts written to {directory}:");
            foreach (string c in charts) console.WriteLine("  " + c);
        }
    }

    private static string RankingSentence(FitReport report)
    {
        double hBits = report.EntropyNats / Math.Log(2);
        string floor = string.Create(CultureInfo.InvariantCulture, $"H(P) = {hBits:F4} bits per observation is the floor no model beats");
        return report.RankedBy switch
        {
            RankCriterion.MessageLength => string.Create(CultureInfo.InvariantCulture,
                $"Ranked by message length: the bits to send all N = {report.ObservationCount} observations with the model, −log₂ L + (k/2)·log₂ N " +
                $"= N·(H + D(P‖Q)) + the cost of the k parameters; {floor} (N·H = {report.ObservationCount * hBits:F1} bits)."),
            RankCriterion.KullbackLeibler => $"Ranked by D(P‖Q), the information lost per observation; {floor}." +
                (report.ObservationCount is null ? " N is unknown (probabilities), so likelihood-based columns are left out." : ""),
            RankCriterion.Aic => $"Ranked by AIC = 2k − 2 ln L; {floor}.",
            _ => $"Ranked by BIC = k ln N − 2 ln L; {floor}.",
        };
    }
}
