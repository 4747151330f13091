using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Kullback.Cli;

/// <summary>
/// Options shared by the commands, and typed options whose values are read in invariant culture with our own messages
/// (System.CommandLine's own parsing follows the current culture — under a German locale "1.5" meant 15 — and names
/// .NET types in its errors).
/// </summary>
internal static class Options
{
    /// <summary>--base e|2|10|NUMBER: the unit of every amount of information a command prints. Default e (nats).</summary>
    public static Option<InformationUnit> Unit() => new("--base")
    {
        Description = "Logarithm base of the unit of information: e (nats, the default), 2 (bits), 10 (hartleys) or any number greater than 1.",
        HelpName = "e|2|10|NUMBER",
        DefaultValueFactory = _ => InformationUnit.Nats,
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (string.Equals(text.Trim(), "e", StringComparison.OrdinalIgnoreCase)) return InformationUnit.Nats;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double b) && b > 1 && double.IsFinite(b))
                return InformationUnit.FromBase(b);
            result.AddError($"--base {InputText.Quote(text)} is not a logarithm base: use e, 2, 10 or a finite number greater than 1.");
            return InformationUnit.Nats;
        },
    };

    /// <summary>--json: print one JSON object instead of the report.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object instead of the report." };

    /// <summary>--verbose, on every command: more detail (per-bin drivers, an internal error's details).</summary>
    public static Option<bool> Verbose() => new("--verbose") { Description = "Show more detail, including the details of an internal error.", Recursive = true };

    /// <summary>One of a few words (case-insensitive), with a message that names the option and lists the choices.</summary>
    public static Option<string> Choice(string name, string description, IReadOnlyList<string> choices, string? defaultValue = null, bool required = false)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', choices),
            Required = required,
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                string? found = choices.FirstOrDefault(c => string.Equals(c, text.Trim(), StringComparison.OrdinalIgnoreCase));
                if (found is not null) return found;
                result.AddError($"{name} {InputText.Quote(text)} is not one of {string.Join(", ", choices)}.");
                return defaultValue ?? choices[0];
            },
        };
        if (defaultValue is not null) option.DefaultValueFactory = _ => defaultValue;
        return option;
    }

    /// <summary>A real number read in invariant culture; null when not given.</summary>
    public static Option<double?> Number(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) return v;
            result.AddError($"{name} {InputText.Quote(text)} is not a finite number; write numbers with a decimal point, like 1.5 or 2e-3.");
            return null;
        },
    };

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>] with a default.</summary>
    public static Option<int> Integer(string name, string description, int defaultValue, int min, int max, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => (int)(ParseWhole(result, name, min, max) ?? defaultValue),
    };

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>]; null when not given.</summary>
    public static Option<long?> OptionalWhole(string name, string description, long min, long max, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => ParseWhole(result, name, min, max),
    };

    /// <summary><c>--memory-limit SIZE</c>: DuckDB's memory limit (512MB, 4GB, 1.5GiB; checked by the engine); null when not given.</summary>
    public static Option<string?> MemoryLimit() => new("--memory-limit")
    {
        Description = "Memory DuckDB may use for files before sorts and hash tables spill to a temporary directory (removed afterwards): at least 64MB, e.g. 512MB, 4GB (default: KULLBACK_DUCKDB_MEMORY_LIMIT, else 2GB).",
        HelpName = "SIZE",
    };

    private static long? ParseWhole(ArgumentResult result, string name, long min, long max)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v) && v >= min && v <= max) return v;
        result.AddError(string.Create(CultureInfo.InvariantCulture,
            $"{name} {InputText.Quote(text)} is not a whole number from {min:N0} to {max:N0}."));
        return null;
    }
}
