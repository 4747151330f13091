using System.Globalization;
using System.Text.Json;

namespace Kullback.Tests.Estimation;

/// <summary>
/// <c>Data/estimator-cases.json</c>, from <c>tests/reference/make_estimator_cases.py</c>: the closed-form entropy estimators
/// with mpmath at 50 digits, NSB by mpmath quadrature (and the ndd package's values as a looser cross-check), KL and
/// mutual information from counts.
/// </summary>
internal static class EstimatorReferenceCases
{
    private static readonly JsonDocument Document =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "estimator-cases.json")));

    public static JsonElement Entropy(string name) => Named("entropy", name);

    public static JsonElement KullbackLeibler(string name) => Named("kullback_leibler", name);

    public static JsonElement MutualInformation(string name) => Named("mutual_information", name);

    public static TheoryData<string> Names(string section)
    {
        var data = new TheoryData<string>();
        foreach (var c in Document.RootElement.GetProperty(section).EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    public static long[] Longs(JsonElement c, string property) => c.GetProperty(property).EnumerateArray().Select(e => e.GetInt64()).ToArray();

    public static double Number(JsonElement c, string property) => Parse(c.GetProperty(property).GetString()!);

    public static double Parse(string text) =>
        text == "Infinity" ? double.PositiveInfinity : double.Parse(text, CultureInfo.InvariantCulture);

    private static JsonElement Named(string section, string name) =>
        Document.RootElement.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}
