using System.Globalization;
using System.Text.RegularExpressions;

namespace Kullback.Data.Engines;

/// <summary>
/// A DuckDB memory limit as a user writes it: a number and a unit (<c>512MB</c>, <c>4GB</c>, <c>1.5GiB</c>; B, KB, MB,
/// GB, TB in powers of 1000, KiB … TiB in powers of 1024, any case), at least <see cref="MinimumBytes"/>.
/// </summary>
internal static partial class MemoryLimitText
{
    /// <summary>
    /// The least limit accepted: 64 MB, enough for one thread's sort to spill. DuckDB allocates blocks of about 30 MiB per
    /// thread and operator: with two threads a comparison of four rows needs about 150 MB (its Out of Memory error then
    /// says which limit was in force and how to raise it).
    /// </summary>
    public const long MinimumBytes = 64_000_000;

    /// <summary>The text, trimmed, when it is a limit DuckDB can work within; else bad input naming <paramref name="origin"/>.</summary>
    /// <param name="text">The limit as written.</param>
    /// <param name="origin">Where it was written, for the message ("KULLBACK_DUCKDB_MEMORY_LIMIT"), or null.</param>
    /// <exception cref="InvalidArgumentException">It is not a number and a unit, or is below 64 MB.</exception>
    public static string Check(string text, string? origin)
    {
        Bytes(text, origin);
        return text.Trim();
    }

    /// <summary>The limit in bytes (<see cref="Check"/>'s rules).</summary>
    /// <exception cref="InvalidArgumentException">As <see cref="Check"/>.</exception>
    public static double Bytes(string text, string? origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        string from = origin is null ? "" : $" ({origin})";
        var match = Size().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number))
            throw new InvalidArgumentException($"The memory limit {InputText.Quote(text, 40)}{from} is not a size; write a number and a unit, like 512MB, 4GB or 1.5GiB.", nameof(text));
        double bytes = number * match.Groups[2].Value.ToUpperInvariant() switch
        {
            "B" => 1,
            "KB" => 1e3,
            "MB" => 1e6,
            "GB" => 1e9,
            "TB" => 1e12,
            "KIB" => 1024.0,
            "MIB" => 1024.0 * 1024,
            "GIB" => 1024.0 * 1024 * 1024,
            _ => 1024.0 * 1024 * 1024 * 1024,
        };
        if (bytes < MinimumBytes)
            throw new InvalidArgumentException($"The memory limit {InputText.Quote(text, 40)}{from} is below 64MB, too little for DuckDB to work in.", nameof(text));
        return bytes;
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Size();
}
