using System.Globalization;
using System.Resources;

namespace Kullback.Cli;

/// <summary>The tool's words in one language, from <c>Resources/Strings*.resx</c> through .NET's resource localisation.</summary>
internal sealed class Text(CultureInfo culture)
{
    private static readonly ResourceManager Resources = new("Kullback.Cli.Resources.Strings", typeof(Text).Assembly);

    /// <summary>English, the default.</summary>
    public static Text English { get; } = new(CultureInfo.InvariantCulture);

    /// <summary>The languages --lang accepts.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "zh"];

    /// <summary>The text for a --lang value ("en" or "zh").</summary>
    public static Text For(string language) => language == "en" ? English : new Text(CultureInfo.GetCultureInfo(language));

    public CultureInfo Culture => culture;

    public string this[string key] =>
        Resources.GetString(key, culture) ?? throw new InvalidOperationException($"No text for '{key}'.");

    public string Format(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary>The unit's name in this language: nats, bits, hartleys or "base-b units".</summary>
    public string UnitName(InformationUnit unit) =>
        unit == InformationUnit.Nats ? this["UnitNats"]
        : unit == InformationUnit.Bits ? this["UnitBits"]
        : unit == InformationUnit.Hartleys ? this["UnitHartleys"]
        : Format("UnitBase", unit.Base.ToString("G6", CultureInfo.InvariantCulture));
}
