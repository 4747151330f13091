using System.CommandLine;
using Kullback.Data.Input;

namespace Kullback.Cli.Commands.Fit;

/// <summary>The argument and options shared by <c>fit</c> and <c>sweep</c> for reading data, and the reading itself.</summary>
internal sealed class DataOptions
{
    public Argument<string> File { get; } = new("FILE") { Description = "CSV, TSV or plain text of counts, probabilities or samples; - for standard input." };

    public Option<string> As { get; } = Options.Choice("--as", "What the file holds: counts, probabilities or samples (inferred, and said, when omitted).", ["counts", "probabilities", "samples"]);

    public Option<string?> Column { get; } = new("--column") { Description = "The CSV column of samples: its header name or its number (1 = first).", HelpName = "NAME|INDEX" };

    public Option<long?> Trials { get; } = Options.OptionalWhole("--trials", "n for the binomial and beta-binomial (default: the largest observed value).", 1, long.MaxValue, "N");

    public InputLimits Limits { get; } = new();

    public void AddTo(Command command)
    {
        command.Add(File);
        command.Add(As);
        command.Add(Column);
        command.Add(Trials);
        Limits.AddTo(command);
    }

    /// <summary>Reads FILE (or standard input) through the input layer, once, with the limits given.</summary>
    public Observations Read(ParseResult parse, Terminal terminal)
    {
        string path = parse.GetValue(File)!;
        ObservationKind? kind = parse.GetValue(As) switch { null => null, "counts" => ObservationKind.Counts, "probabilities" => ObservationKind.Probabilities, _ => ObservationKind.Samples };
        ColumnSelector? column = parse.GetValue(Column) is { } text ? ColumnSelector.Parse(text) : null;
        var source = InputSource.FromArgument(path, terminal.In);
        var options = Limits.Read(parse);
        return ReadingProgress.Run(terminal, $"Reading {Sources.Shown(path)}", source, () => TextInput.ReadObservations(source, kind, column, options));
    }
}
