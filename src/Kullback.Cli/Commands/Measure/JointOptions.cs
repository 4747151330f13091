using System.CommandLine;
using System.Globalization;
using Kullback.Analysis;
using Kullback.Data.Input;
using Spectre.Console;

namespace Kullback.Cli.Commands.Measure;

/// <summary>
/// <c>kullback measure --joint FILE [--columns X,Y…] [--given Z…]</c>: the multivariate measures (joint, marginal and
/// conditional entropies, mutual information, total correlation) of columns of samples, one observation per row, each
/// distinct number a level.
/// </summary>
internal sealed class JointOptions
{
    public required Option<string?> File { get; init; }
    public required Option<string?> Columns { get; init; }
    public required Option<string?> Given { get; init; }

    public static JointOptions Create() => new()
    {
        File = new Option<string?>("--joint") { Description = "CSV/TSV of samples, one observation per row: the multivariate measures of its columns (each distinct value a level).", HelpName = "FILE" },
        Columns = new Option<string?>("--columns") { Description = "With --joint: the variables, by header name or number (1 = first), comma-separated; default every column.", HelpName = "X,Y[,…]" },
        Given = new Option<string?>("--given") { Description = "With --joint: variables to condition on (conditional entropy and mutual information).", HelpName = "Z[,…]" },
    };

    public int Run(ParseResult parse, string path, Terminal terminal, TextWriter output, InputOptions options, InformationUnit unit, bool json)
    {
        var chosen = parse.GetValue(Columns) is { } list ? ColumnSelector.ParseList(list) : null;
        var given = parse.GetValue(Given) is { } g ? ColumnSelector.ParseList(g) : [];
        if (chosen is null && given.Count > 0)
            throw new UsageException("--given needs --columns: name the variables to measure as well as those to condition on.");
        IReadOnlyList<ColumnSelector>? read = chosen is null ? null : [.. chosen, .. given];
        var points = TextInput.ReadPoints(InputSource.FromArgument(path, terminal.In), read, options);
        var names = points.ColumnNames.ToArray();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            throw new UsageException($"a column is named twice among {string.Join(", ", names)}: each variable once, in --columns or --given.");
        var rows = new List<string[]>(points.Count);
        for (int i = 0; i < points.Count; i++)
        {
            var point = points.Point(i);
            var row = new string[point.Length];
            for (int j = 0; j < row.Length; j++) row[j] = point[j].ToString("R", CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        var jointDistribution = JointDistribution.FromSamples(names, rows);
        var summary = JointSummary.Compute(jointDistribution, names[^given.Count..]);
        if (json) WriteJson(output, summary, unit, points.Count);
        else WriteTable(ConsoleFactory.For(output, terminal.IsInteractive), summary, unit, Sources.Shown(path), points.Count);
        return ExitCodes.Success;
    }

    /// <summary><c>{"unit", "rows", "variables", "given", "levels": {name: n}, "measures": {key: value}}</c>.</summary>
    private static void WriteJson(TextWriter output, JointSummary s, InformationUnit unit, int rows) =>
        JsonOutput.Write(output, w =>
        {
            w.WriteString("unit", unit.ToString());
            w.WriteNumber("rows", rows);
            w.WriteStartArray("variables");
            foreach (var v in s.Variables) w.WriteStringValue(v);
            w.WriteEndArray();
            w.WriteStartArray("given");
            foreach (var v in s.Given) w.WriteStringValue(v);
            w.WriteEndArray();
            w.WriteStartObject("levels");
            for (int k = 0; k < s.Joint.Variables.Length; k++) w.WriteNumber(s.Joint.Variables[k], s.Joint.Shape[k]);
            w.WriteEndObject();
            w.WriteStartObject("measures");
            foreach (var m in s.Measures) w.WriteInformation(m.Key, m.Value, unit);
            w.WriteEndObject();
        });

    private static void WriteTable(IAnsiConsole console, JointSummary s, InformationUnit unit, string source, int rows)
    {
        string levels = string.Join(", ", s.Joint.Variables.Select((v, k) => string.Create(CultureInfo.InvariantCulture, $"{v}: {s.Joint.Shape[k]} levels")));
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{source}: {rows} rows; {levels}")))
            .AddColumn("Key").AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Unit").AddColumn("Meaning");
        foreach (var m in s.Measures)
            table.AddRow(Markup.Escape(m.Key), Markup.Escape(m.Symbol), Numbers.Display(m.Value.In(unit), 10), Markup.Escape(unit.ToString()), Markup.Escape(m.Description));
        console.Write(table);
    }
}
