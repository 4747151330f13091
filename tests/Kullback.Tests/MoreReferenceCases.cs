using System.Globalization;
using System.Text.Json;

namespace Kullback.Tests;

/// <summary>
/// The reference values of the measures beyond the fifteen: <c>Data/measures-more.json</c> (a copy of
/// <c>shared/reference/measures-more.json</c>, 100 digits) and <c>Data/generated-more-cases.json</c> (from
/// <c>tests/reference/make_cases.py more</c>, 80 digits from exact rationals).
/// </summary>
internal static class MoreReferenceCases
{
    private static readonly Lazy<JsonDocument> SharedDocument = new(() => Open("measures-more.json"));
    private static readonly Lazy<JsonDocument> GeneratedDocument = new(() => Open("generated-more-cases.json"));

    public static JsonElement Shared => SharedDocument.Value.RootElement;

    public static JsonElement Generated => GeneratedDocument.Value.RootElement;

    /// <summary>The (p, q) cases of both files, as <see cref="ReferenceCase"/>s, names prefixed by their file.</summary>
    public static IReadOnlyList<ReferenceCase> PairCases { get; } = [.. Cases(Shared, "shared"), .. Cases(Generated, "generated")];

    public static ReferenceCase Named(string name) => PairCases.Single(c => c.Name == name);

    /// <summary>"Infinity" → +∞, "-Infinity" → −∞, "0" → 0, otherwise the decimal read invariantly.</summary>
    public static double Parse(string text) => text switch
    {
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static IEnumerable<ReferenceCase> Cases(JsonElement root, string prefix) =>
        root.GetProperty("cases").EnumerateArray().Select(c => new ReferenceCase(
            prefix + ":" + c.GetProperty("name").GetString(),
            Doubles(c.GetProperty("p")), Doubles(c.GetProperty("q")),
            c.GetProperty("expected").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetString()!)));

    private static JsonDocument Open(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", file)));
}
