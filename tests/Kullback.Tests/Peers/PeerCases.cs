using System.Text.Json;

namespace Kullback.Tests.Peers;

/// <summary><c>Data/peer-cases.json</c>, from <c>tests/reference/make_peer_cases.py</c>: the peers' test inputs with exact references.</summary>
internal static class PeerCases
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "peer-cases.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static IReadOnlyList<JsonElement> Philentropy { get; } = [.. Root.GetProperty("philentropy").EnumerateArray()];
}
