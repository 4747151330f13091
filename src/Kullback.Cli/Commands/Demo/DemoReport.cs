using System.Globalization;
using Kullback.Analysis;
using Spectre.Console;

namespace Kullback.Cli.Commands.Demo;

/// <summary>The walkthrough as a terminal report: headings, sentences and aligned tables, units always named.</summary>
internal static class DemoReport
{
    public static void Write(IAnsiConsole console, SpaceWormWalkthrough w, InformationUnit unit, IReadOnlyList<string> charts, string directory, Text t)
    {
        static string F(double v, int decimals = 4) => v.ToString("F" + decimals, CultureInfo.InvariantCulture);
        string u = t.UnitName(unit);
        double[] data = [.. w.Data.Probabilities];
        double[] uniform = [.. w.Uniform.Contributions.Select(c => c.Q)];
        double[] binomial = [.. w.Binomial.Contributions.Select(c => c.Q)];

        console.Write(new Rule($"[bold]{Markup.Escape(t["DemoTitle"])}[/]").LeftJustified());
        console.WriteLine();

        Heading(console, t["DataHeading"]);
        var table = NumericTable(t["ColTeeth"], t["ColProbability"], t["ColInformation"]);
        for (int i = 0; i < data.Length; i++)
            table.AddRow(i.ToString(CultureInfo.InvariantCulture), F(data[i], 2), F(w.InformationContent[i].Bits, 3));
        console.Write(table);
        int rare = Array.IndexOf(data, data.Min()), common = Array.IndexOf(data, data.Max());
        Sentence(console, t.Format("MeanSentence", F(w.Mean, 2), F(w.BinomialP, 3)));
        Sentence(console, t.Format("InformationSentence", rare, F(data[rare], 2), F(w.InformationContent[rare].Bits, 3),
            common, F(data[common], 2), F(w.InformationContent[common].Bits, 3)));

        Heading(console, t["EntropyHeading"]);
        Sentence(console, t.Format("EntropySentence", F(w.Entropy.Bits, 3), F(w.Entropy.Nats, 3)));

        Heading(console, t["ApproxHeading"]);
        var approx = NumericTable(t["ColTeeth"], t["ColData"], t["ColUniform"], t.Format("ColBinomial", F(w.BinomialP, 3)));
        for (int i = 0; i < data.Length; i++)
            approx.AddRow(i.ToString(CultureInfo.InvariantCulture), F(data[i], 3), F(uniform[i], 3), F(binomial[i], 3));
        console.Write(approx);

        Heading(console, t["KlHeading"]);
        bool alsoBits = unit != InformationUnit.Bits;
        var kl = alsoBits
            ? NumericTable(t["ColDivergence"], u, t["ColBits"], t["ColMeaning"])
            : NumericTable(t["ColDivergence"], u, t["ColMeaning"]);
        kl.Columns[^1].LeftAligned();
        foreach (var (name, value, meaning) in new[]
                 {
                     ("D(P‖U)", w.Uniform.DataToModel, "MeaningPU"), ("D(P‖B)", w.Binomial.DataToModel, "MeaningPB"),
                     ("D(U‖P)", w.Uniform.ModelToData, "MeaningUP"), ("D(B‖P)", w.Binomial.ModelToData, "MeaningBP"),
                 })
        {
            if (alsoBits) kl.AddRow(name, F(value.In(unit)), F(value.Bits), Markup.Escape(t[meaning]));
            else kl.AddRow(name, F(value.In(unit)), Markup.Escape(t[meaning]));
        }
        console.Write(kl);
        Sentence(console, t.Format("AsymmetrySentence", F(w.Uniform.DataToModel.In(unit)), F(w.Uniform.ModelToData.In(unit)),
            F(w.Binomial.DataToModel.In(unit)), F(w.Binomial.ModelToData.In(unit)), u));
        bool uniformWins = w.Winner == Approximation.Uniform;
        var (less, more) = uniformWins ? (w.Uniform.DataToModel, w.Binomial.DataToModel) : (w.Binomial.DataToModel, w.Uniform.DataToModel);
        string verdict = t.Format("Verdict", t[uniformWins ? "NameUniform" : "NameBinomial"], F(less.In(unit)), F(more.In(unit)), u);
        console.MarkupLine($"[bold green]{Markup.Escape(verdict)}[/]");
        console.WriteLine();

        Heading(console, t["SweepHeading"]);
        var sweep = NumericTable(t["ColP"], t.Format("ColSweepKl", u));
        foreach (double p in new[] { 0.1, 0.3, 0.5, 0.7, 0.9 })
        {
            int i = IndexOf(w.Sweep.Values, p);
            sweep.AddRow(F(p, 3), F(w.Sweep.Divergences[i].In(unit)));
        }
        sweep.AddRow($"[bold]{F(w.BestP, 4)}[/]", $"[bold]{F(w.BestDivergence.In(unit))}[/]");
        console.Write(sweep);
        Sentence(console, t.Format("SweepSentence", F(w.BestP, 4), F(w.BestDivergence.In(unit)), F(w.BinomialP, 3), F(w.Uniform.DataToModel.In(unit)), u));

        Heading(console, t["MessageHeading"]);
        Sentence(console, t.Format("MessageIntro", SpaceWormWalkthrough.MessageLength, F(w.Entropy.Bits, 3)));
        var message = NumericTable(t["ColCodeFrom"], t["ColHuffman"], t["ColArithmetic"], t["ColCrossEntropy"], t["ColRedundancy"]);
        foreach (var (name, home) in new[] { (t["NameUniform"], w.SentWithUniform), (t["NameBinomial"], w.SentWithBinomial) })
        {
            var last = home.Checkpoints[^1];
            message.AddRow(Markup.Escape(name), F(last.Huffman.Bits), F(last.Arithmetic.Bits), F(home.CrossEntropy.Bits), F(last.Arithmetic.Bits - home.Entropy.Bits));
        }
        console.Write(message);
        var sent = w.SentWithUniform;
        double total = sent.Checkpoints[^1].Arithmetic.Bits * SpaceWormWalkthrough.MessageLength, perfect = sent.Entropy.Bits * SpaceWormWalkthrough.MessageLength;
        Sentence(console, t.Format("MessageSentence", SpaceWormWalkthrough.MessageLength, F(total, 0), F(perfect, 0), F(total - perfect, 0),
            F(sent.Divergence.Bits * SpaceWormWalkthrough.MessageLength, 0)));

        Heading(console, t.Format("ChartsHeading", directory));
        foreach (string chart in charts) console.WriteLine("  " + chart);
    }

    /// <summary>The grid point closest to <paramref name="value"/>.</summary>
    private static int IndexOf(IReadOnlyList<double> grid, double value)
    {
        int best = 0;
        for (int i = 1; i < grid.Count; i++)
            if (Math.Abs(grid[i] - value) < Math.Abs(grid[best] - value)) best = i;
        return best;
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
