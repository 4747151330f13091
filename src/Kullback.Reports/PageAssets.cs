using System.Collections.Concurrent;

namespace Kullback.Reports;

/// <summary>The page's sources (scripts, style, template), embedded in the assembly from <c>Assets/</c> at build time.</summary>
internal static class PageAssets
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The text of the asset <paramref name="name"/> ("explore.js").</summary>
    public static string Read(string name) => Cache.GetOrAdd(name, static n =>
    {
        using var stream = typeof(PageAssets).Assembly.GetManifestResourceStream("Kullback.Reports.Assets." + n)
            ?? throw new InvalidOperationException($"The page asset '{n}' is not embedded in Kullback.Reports.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
