using System.Text;
using System.Text.Json;

namespace Kullback.Reports;

/// <summary>
/// <c>kullback compare --report</c>'s page: one self-contained HTML file that shows a comparison at a glance — the
/// verdict, a sortable, filterable table of every column's measures, and for the column chosen its two distributions
/// over the bins, each bin's share of PSI, the bin counts and the distribution tests.
/// </summary>
/// <remarks>
/// The page is a view of the <c>kullback.compare/1</c> JSON (the README documents it), embedded as it is and rendered by
/// <c>Assets/compare.js</c>: the report and <c>--json</c> can never disagree. Every text from the data (column names,
/// categories, sources) reaches the page through <c>textContent</c>, never as markup, and the JSON's <c>&lt;</c> is
/// escaped, so no value can end the data block or inject a script. No network, no web font.
/// </remarks>
public static class ComparePage
{
    /// <summary>The JSON schema the page reads.</summary>
    public const string Schema = "kullback.compare/1";

    /// <summary>Renders the page for a comparison given as its <c>kullback.compare/1</c> JSON.</summary>
    /// <param name="comparisonJson">The JSON object <c>kullback compare --json</c> prints.</param>
    /// <exception cref="InvalidArgumentException">The text is not a JSON object of that schema.</exception>
    public static string Render(string comparisonJson)
    {
        ArgumentNullException.ThrowIfNull(comparisonJson);
        CheckSchema(comparisonJson);
        string script = PageAssets.Read("compare.js");
        if (script.Contains("</script", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("compare.js contains '</script', which would end its inline script.");
        // Inside <script type="application/json"> only "</" could end the block; \u003c is the same character to JSON.parse.
        string data = comparisonJson.Replace("<", "\\u003c", StringComparison.Ordinal);
        return PageAssets.Read("compare.html")
            .Replace("/*{{style}}*/", PageAssets.Read("compare.css"), StringComparison.Ordinal)
            .Replace("{{data}}", data, StringComparison.Ordinal)
            .Replace("<!--{{scripts}}-->", "<script>\n" + script + "</script>\n", StringComparison.Ordinal);
    }

    /// <summary>Writes the page to <paramref name="path"/> as UTF-8 (no byte-order mark).</summary>
    /// <exception cref="InvalidArgumentException">The text is not a JSON object of the schema.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written.</exception>
    public static void Write(string path, string comparisonJson) =>
        File.WriteAllText(path, Render(comparisonJson), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    private static void CheckSchema(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.String
                && schema.GetString() == Schema)
                return;
        }
        catch (JsonException)
        {
        }
        throw new InvalidArgumentException($"The comparison must be a JSON object with \"schema\": \"{Schema}\", as kullback compare --json prints.", nameof(json));
    }
}
