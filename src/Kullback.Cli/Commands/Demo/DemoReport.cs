using System.Globalization;
using Spectre.Console;

namespace Kullback.Cli.Commands.Demo;

/// <summary>The walkthrough as a terminal report: headings, sentences and aligned tables, units always named.</summary>
internal static class DemoReport
{
    public static void Write(IAnsiConsole console, SpaceWormAnalysis a, IReadOnlyList<string> charts, string directory, Text t)
    {
        string F(double v, int decimals = 4) => v.ToString("F" + decimals, CultureInfo.InvariantCulture);
        double bits = Math.Log(2);

        console.Write(new Rule($"[bold]{Markup.Escape(t["DemoTitle"])}[/]").LeftJustified());
        console.WriteLine();

        Heading(console, t["DataHeading"]);
        var data = NumericTable(t["ColTeeth"], t["ColProbability"], t["ColInformation"]);
        for (int i = 0; i < a.Data.Length; i++)
            data.AddRow(i.ToString(CultureInfo.InvariantCulture), F(a.Data[i], 2), F(a.InformationBits[i], 3));
        console.Write(data);
        int rare = Array.IndexOf(a.Data, a.Data.Min()), common = Array.IndexOf(a.Data, a.Data.Max());
        Sentence(console, t.Format("MeanSentence", F(a.Mean, 2), F(a.BinomialP, 3)));
        Sentence(console, t.Format("InformationSentence", rare, F(a.Data[rare], 2), F(a.InformationBits[rare], 3),
            common, F(a.Data[common], 2), F(a.InformationBits[common], 3)));

        Heading(console, t["EntropyHeading"]);
        Sentence(console, t.Format("EntropySentence", F(a.EntropyBits, 3), F(a.EntropyNats, 3)));

        Heading(console, t["ApproxHeading"]);
        var approx = NumericTable(t["ColTeeth"], t["ColData"], t["ColUniform"], t.Format("ColBinomial", F(a.BinomialP, 3)));
        for (int i = 0; i < a.Data.Length; i++)
            approx.AddRow(i.ToString(CultureInfo.InvariantCulture), F(a.Data[i], 3), F(a.Uniform[i], 3), F(a.Binomial[i], 3));
        console.Write(approx);

        Heading(console, t["KlHeading"]);
        var kl = NumericTable(t["ColDivergence"], t["ColNats"], t["ColBits"], t["ColMeaning"]);
        kl.Columns[3].LeftAligned();
        foreach (var (name, value, meaning) in new[]
                 {
                     ("D(P‖U)", a.KlDataUniform, "MeaningPU"), ("D(P‖B)", a.KlDataBinomial, "MeaningPB"),
                     ("D(U‖P)", a.KlUniformData, "MeaningUP"), ("D(B‖P)", a.KlBinomialData, "MeaningBP"),
                 })
            kl.AddRow(name, F(value), F(value / bits), Markup.Escape(t[meaning]));
        console.Write(kl);
        Sentence(console, t.Format("AsymmetrySentence", F(a.KlDataUniform), F(a.KlUniformData), F(a.KlDataBinomial), F(a.KlBinomialData)));
        bool uniformWins = a.Best == "uniform";
        string verdict = t.Format("Verdict", t[uniformWins ? "NameUniform" : "NameBinomial"],
            F(Math.Min(a.KlDataUniform, a.KlDataBinomial)), F(Math.Max(a.KlDataUniform, a.KlDataBinomial)));
        console.MarkupLine($"[bold green]{Markup.Escape(verdict)}[/]");
        console.WriteLine();

        Heading(console, t["SweepHeading"]);
        var sweep = NumericTable(t["ColP"], t["ColSweepKl"]);
        foreach (double p in new[] { 0.1, 0.3, 0.5, 0.7, 0.9 })
            sweep.AddRow(F(p, 3), F(a.SweepKl[Array.IndexOf(a.SweepP, p)]));
        sweep.AddRow($"[bold]{F(a.BestP, 4)}[/]", $"[bold]{F(a.BestKl)}[/]");
        console.Write(sweep);
        Sentence(console, t.Format("SweepSentence", F(a.BestP, 4), F(a.BestKl), F(a.BinomialP, 3), F(a.KlDataUniform)));

        Heading(console, t.Format("ChartsHeading", directory));
        foreach (string chart in charts) console.WriteLine("  " + chart);
    }

    private static void Heading(IAnsiConsole console, string text) => console.MarkupLine($"[bold underline]{Markup.Escape(text)}[/]");

    private static void Sentence(IAnsiConsole console, string text)
    {
        console.Write(new Paragraph(text));
        console.WriteLine();
        console.WriteLine();
    }

    private static Table NumericTable(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string h in headers) table.AddColumn(new TableColumn(Markup.Escape(h)).RightAligned());
        return table;
    }
}
