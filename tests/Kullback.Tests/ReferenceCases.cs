using System.Globalization;
using System.Text.Json;

namespace Kullback.Tests;

/// <summary>
/// 60-digit reference values: <c>Data/measures.json</c> (a copy of <c>shared/reference/measures.json</c>, kept identical)
/// and <c>Data/generated-cases.json</c> (more cases of the same kinds, from <c>tests/reference/make_cases.py</c>).
/// </summary>
public sealed record ReferenceCase(string Name, double[] P, double[] Q, IReadOnlyDictionary<string, string> Expected)
{
    public static readonly IReadOnlyList<ReferenceCase> Shared = Load("measures.json");
    public static readonly IReadOnlyList<ReferenceCase> Generated = Load("generated-cases.json");
    public static readonly IReadOnlyList<ReferenceCase> All = [.. Shared, .. Generated];

    private static List<ReferenceCase> Load(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", file);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new ReferenceCase(
            c.GetProperty("name").GetString()!,
            c.GetProperty("p").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            c.GetProperty("q").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            c.GetProperty("expected").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetString()!))).ToList();
    }

    public static ReferenceCase Named(string name) => All.Single(c => c.Name == name);

    /// <summary>The expected value as a double: "Infinity" → +∞, "0" → 0.</summary>
    public double ExpectedValue(string key) =>
        Expected[key] == "Infinity" ? double.PositiveInfinity : double.Parse(Expected[key], CultureInfo.InvariantCulture);

    public override string ToString() => Name;
}
