using System.CommandLine;
using Kullback.Data.Input;

namespace Kullback.Cli;

/// <summary>
/// The input layer's limits as options, on every command that reads text (measure, fit, sweep, estimate): the defaults
/// keep memory bounded for any input; a user who needs more raises one. The names are those the input layer's
/// messages mention (<see cref="InputHints.Tool"/>).
/// </summary>
internal sealed class InputLimits
{
    private static readonly InputOptions Defaults = InputOptions.Default;

    private readonly Option<int> _field = Options.Integer("--max-field-length", $"The longest field (token) read, in bytes (default {Defaults.MaxFieldLength:N0}).",
        Defaults.MaxFieldLength, 16, 1 << 30, "BYTES");
    private readonly Option<int> _line = Options.Integer("--max-line-length", $"The longest line read, in bytes (default {Defaults.MaxLineLength:N0}).",
        Defaults.MaxLineLength, 1024, int.MaxValue, "BYTES");
    private readonly Option<int> _distinct = Options.Integer("--max-distinct", $"The most distinct values or labels kept (default {Defaults.MaxDistinctValues:N0}).",
        Defaults.MaxDistinctValues, 1, int.MaxValue, "N");
    private readonly Option<int> _points = Options.Integer("--max-points", $"The most points kept for estimate (default {Defaults.MaxPoints:N0}).",
        Defaults.MaxPoints, 1, int.MaxValue, "N");
    private readonly Option<int> _values = Options.Integer("--max-values", $"The most values in one vector for measure (default {Defaults.MaxVectorLength:N0}).",
        Defaults.MaxVectorLength, 1, int.MaxValue, "N");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _field, _line, _distinct, _points, _values }) command.Add(option);
    }

    public InputOptions Read(ParseResult parse) => Defaults with
    {
        MaxFieldLength = parse.GetValue(_field),
        MaxLineLength = parse.GetValue(_line),
        MaxDistinctValues = parse.GetValue(_distinct),
        MaxPoints = parse.GetValue(_points),
        MaxVectorLength = parse.GetValue(_values),
    };
}
