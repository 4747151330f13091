using System.Text;

namespace Kullback.Data.Engines;

/// <summary>An engine's own message made fit for a one-line problem: first line only, no control characters, bounded.</summary>
internal static class EngineText
{
    public const int MaximumLength = 300;

    /// <summary>The first non-empty line, with control and format characters replaced by spaces and cut at <see cref="MaximumLength"/>.</summary>
    public static string OneLine(string? message)
    {
        if (string.IsNullOrWhiteSpace(message)) return "(no message)";
        string line = message.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(no message)";
        var builder = new StringBuilder(Math.Min(line.Length, MaximumLength + 1));
        foreach (char c in line)
        {
            if (builder.Length >= MaximumLength) { builder.Append('…'); break; }
            var category = char.GetUnicodeCategory(c);
            builder.Append(category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format ? ' ' : c);
        }
        return builder.ToString();
    }
}
