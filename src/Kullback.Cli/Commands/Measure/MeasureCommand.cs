using System.CommandLine;
using Spectre.Console;

namespace Kullback.Cli.Commands.Measure;

/// <summary><c>kullback measure P Q</c>: every measure of the library between two distributions in files.</summary>
internal static class MeasureCommand
{
    public static Command Create(Terminal terminal)
    {
        var pArgument = new Argument<string>("P") { Description = "File of the true distribution's probabilities (commas, spaces or newlines; # comments), or - for standard input." };
        var qArgument = new Argument<string>("Q") { Description = "File of the approximation's probabilities, or - for standard input (at most one of P and Q)." };
        var baseOption = BaseOption.Create();
        var countsOption = new Option<bool>("--counts") { Description = "The files hold counts or weights: normalise them instead of requiring a sum of 1." };
        var jsonOption = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };

        var command = new Command("measure", "Entropy, cross-entropy, KL in both directions, Jensen–Shannon, Hellinger, total variation, Bhattacharyya, χ² and Rényi between two distributions.")
        {
            pArgument, qArgument, baseOption, countsOption, jsonOption,
        };
        command.SetAction(parse => CommandRunner.Run(terminal, () => Run(terminal,
            parse.GetValue(pArgument)!, parse.GetValue(qArgument)!, BaseOption.Parse(parse.GetValue(baseOption)!),
            parse.GetValue(countsOption), parse.GetValue(jsonOption))));
        return command;
    }

    public static int Run(Terminal terminal, string pPath, string qPath, InformationUnit unit, bool counts, bool json)
    {
        if (pPath == ProbabilityFile.StandardInput && qPath == ProbabilityFile.StandardInput)
            throw new UsageException("P and Q cannot both be '-': standard input can supply only one of them.");
        double[] p = ProbabilityFile.Read(pPath, "P", terminal.In);
        double[] q = ProbabilityFile.Read(qPath, "Q", terminal.In);
        ProbabilityFile.CheckSum(p, Shown(pPath), counts);
        ProbabilityFile.CheckSum(q, Shown(qPath), counts);
        if (p.Length != q.Length)
            throw new UsageException($"P ({Shown(pPath)}) has {p.Length} values but Q ({Shown(qPath)}) has {q.Length}: they must list the same outcomes in the same order.");

        var summary = MeasureSummary.Compute(p, q, unit);
        if (json) WriteJson(terminal.Out, summary);
        else WriteTable(ConsoleFactory.For(terminal), summary, Shown(pPath), Shown(qPath));
        return ExitCodes.Success;
    }

    private static string Shown(string path) => path == ProbabilityFile.StandardInput ? "<stdin>" : path;

    private static readonly Dictionary<string, (string Symbol, string Name)> Descriptions = new Dictionary<string, (string, string)>
    {
        ["entropy_p"] = ("H(P)", "entropy of P"),
        ["entropy_q"] = ("H(Q)", "entropy of Q"),
        ["cross_entropy_pq"] = ("H(P, Q)", "cross-entropy: cost of coding P with Q's code"),
        ["cross_entropy_qp"] = ("H(Q, P)", "cross-entropy, reversed"),
        ["kl_pq"] = ("D(P‖Q)", "Kullback–Leibler: information lost when Q stands in for P"),
        ["kl_qp"] = ("D(Q‖P)", "Kullback–Leibler, reversed"),
        ["jeffreys"] = ("J(P, Q)", "Jeffreys: D(P‖Q) + D(Q‖P)"),
        ["js_divergence"] = ("JS(P, Q)", "Jensen–Shannon divergence (≤ log 2)"),
        ["js_distance"] = ("√JS", "Jensen–Shannon distance"),
        ["hellinger"] = ("H", "Hellinger distance, in [0, 1]"),
        ["total_variation"] = ("TV", "total variation distance, in [0, 1]"),
        ["bhattacharyya"] = ("D_B", "Bhattacharyya distance"),
        ["chi2_pearson"] = ("χ²(P‖Q)", "Pearson χ² divergence"),
        ["renyi_0.5"] = ("D_½(P‖Q)", "Rényi divergence of order ½"),
        ["renyi_2"] = ("D₂(P‖Q)", "Rényi divergence of order 2"),
    };

    private static string UnitOf(string key, MeasureSummary s) =>
        MeasureSummary.UnitlessKeys.Contains(key) ? "—" : key == "js_distance" ? $"√{s.Unit}" : s.Unit.ToString();

    private static void WriteTable(IAnsiConsole console, MeasureSummary s, string p, string q)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"P = {p}, Q = {q}: {s.Count} outcomes"))
            .AddColumn("Key").AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Unit").AddColumn("Meaning");
        foreach (var (key, value) in s.ToDictionary())
        {
            var (symbol, name) = Descriptions[key];
            table.AddRow(Markup.Escape(key), Markup.Escape(symbol), Numbers.Display(value, 10), Markup.Escape(UnitOf(key, s)), Markup.Escape(name));
        }
        console.Write(table);
        if (double.IsPositiveInfinity(s["kl_pq"]) || double.IsPositiveInfinity(s["kl_qp"]))
            console.WriteLine("∞: one distribution gives probability 0 to an outcome the other can produce, so no finite code for it exists.");
    }

    private static void WriteJson(TextWriter output, MeasureSummary s) =>
        JsonOutput.Write(output, w =>
        {
            w.WriteString("unit", s.Unit.ToString());
            w.WriteNumberOrInfinity("n", s.Count);
            w.WriteStartObject("measures");
            foreach (var (key, value) in s.ToDictionary()) w.WriteNumberOrInfinity(key, value);
            w.WriteEndObject();
        });
}
