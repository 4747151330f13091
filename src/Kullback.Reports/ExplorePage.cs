using System.Text;

namespace Kullback.Reports;

/// <summary>
/// <c>kullback explore</c>'s page: one self-contained HTML file that teaches the KL-divergence tutorial with the
/// learner's own data — bars to drag, the library's families side by side, the measures live, the contributions, the
/// KL-versus-parameter curve, two normals and the forward-versus-reverse fit, and the message home sent with real codes;
/// in English and Chinese. Every script, style and datum is inside (no network); it works opened from disk.
/// </summary>
/// <remarks>
/// The scripts are the files in <c>Assets/</c> (the numerical core <c>kullback-math.js</c> is tested under Node against
/// the library and the 60-digit references), inlined as they are. Charts are plain SVG drawn by the page's own script:
/// a few hundred lines instead of a charting library of 100 KB or more, with full control of keyboard and screen-reader
/// access. No font is embedded: the page asks for the reader's system sans-serif and CJK fonts.
/// </remarks>
public static class ExplorePage
{
    /// <summary>The file name <c>kullback demo</c> gives the page.</summary>
    public const string DefaultFileName = "explore.html";

    /// <summary>The scripts, in the order the page loads them.</summary>
    private static readonly string[] Scripts = ["kullback-math.js", "explore-text.js", "explore-charts.js", "explore.js"];

    /// <summary>Renders the page for <paramref name="input"/>, opening in <paramref name="language"/>.</summary>
    /// <exception cref="InvalidArgumentException">The input is not a distribution (see <see cref="ExploreInput.ToDistribution"/>).</exception>
    public static string Render(ExploreInput input, PageLanguage language = PageLanguage.English)
    {
        string data = Encoding.UTF8.GetString(ExploreData.ToJson(input, language));
        var scripts = new StringBuilder();
        foreach (string name in Scripts)
        {
            string source = PageAssets.Read(name);
            if (source.Contains("</script", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"{name} contains '</script', which would end its inline script.");
            scripts.Append("<script>\n").Append(source).Append("</script>\n");
        }
        return PageAssets.Read("explore.html")
            .Replace("{{lang}}", language == PageLanguage.Chinese ? "zh-Hans" : "en", StringComparison.Ordinal)
            .Replace("/*{{style}}*/", PageAssets.Read("explore.css"), StringComparison.Ordinal)
            .Replace("{{data}}", data, StringComparison.Ordinal)
            .Replace("<!--{{scripts}}-->", scripts.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Writes the page to <paramref name="path"/> as UTF-8 (no byte-order mark).</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written.</exception>
    public static void Write(string path, ExploreInput input, PageLanguage language = PageLanguage.English) =>
        File.WriteAllText(path, Render(input, language), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
