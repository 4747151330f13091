using System.Globalization;
using System.Text.Json;

namespace Kullback.Tests.Comparison;

/// <summary>Reference values made by <c>tests/reference/make_compare_cases.py</c> (scipy, mpmath), in <c>Data/compare-cases.json</c>.</summary>
internal static class CompareCases
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "compare-cases.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static IEnumerable<JsonElement> Section(string name) => Root.GetProperty(name).EnumerateArray();

    public static JsonElement Named(string section, string name) => Section(section).Single(e => e.GetProperty("name").GetString() == name);

    public static TheoryData<string> Names(string section)
    {
        var data = new TheoryData<string>();
        foreach (var e in Section(section)) data.Add(e.GetProperty("name").GetString()!);
        return data;
    }

    /// <summary>A number written as a string ("Infinity" for +∞) or as a JSON number.</summary>
    public static double Number(this JsonElement e, string property)
    {
        var v = e.GetProperty(property);
        if (v.ValueKind == JsonValueKind.Number) return v.GetDouble();
        string s = v.GetString()!;
        return s == "Infinity" ? double.PositiveInfinity : double.Parse(s, CultureInfo.InvariantCulture);
    }

    public static bool Has(this JsonElement e, string property) => e.TryGetProperty(property, out _);

    public static double[] Doubles(this JsonElement e, string property) => [.. e.GetProperty(property).EnumerateArray().Select(x => x.GetDouble())];

    public static long[] Longs(this JsonElement e, string property) => [.. e.GetProperty(property).EnumerateArray().Select(x => x.GetInt64())];

    public static Kullback.Comparison.GroupedSamples Samples(this JsonElement e) =>
        Kullback.Comparison.GroupedSamples.FromCounts(e.Doubles("values"), e.Longs("reference"), e.Longs("current"));

    /// <summary>Relative difference, 0 when both are equal (also both 0 or both +∞).</summary>
    public static double Relative(double a, double b) =>
        a == b ? 0 : Math.Abs(a - b) / Math.Max(Math.Abs(a), Math.Abs(b));

    /// <summary>Asserts |actual − expected| ≤ relative·|expected| + absolute.</summary>
    public static void Close(double expected, double actual, double relative, double absolute = 0, string? what = null)
    {
        if (expected == actual) return;
        double error = Math.Abs(actual - expected);
        Assert.True(error <= relative * Math.Abs(expected) + absolute,
            string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, got {actual:R} (error {error:G3}, relative {Relative(expected, actual):G3})"));
    }
}
