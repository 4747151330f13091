using System.CommandLine;
using System.Globalization;

namespace Kullback.Cli;

/// <summary>The <c>--base e|2|10|NUMBER</c> option shared by the commands that print information in a unit.</summary>
internal static class BaseOption
{
    public static Option<string> Create() => new("--base")
    {
        Description = "Logarithm base of the unit: e (nats), 2 (bits), 10 (hartleys) or any number greater than 1.",
        DefaultValueFactory = _ => "e",
        HelpName = "e|2|10|NUMBER",
    };

    /// <summary>Reads "e", "2", "10" or a number greater than 1.</summary>
    public static InformationUnit Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "e" => InformationUnit.Nats,
        var s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double b) && b > 1 && double.IsFinite(b)
            => InformationUnit.FromBase(b),
        _ => throw new UsageException($"--base '{text}' is not a logarithm base: use e, 2, 10 or a finite number greater than 1."),
    };
}
