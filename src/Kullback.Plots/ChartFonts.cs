using SkiaSharp;

namespace Kullback.Plots;

/// <summary>Finds an installed font that can draw a text (for labels outside Latin script, such as Chinese).</summary>
public static class ChartFonts
{
    /// <summary>
    /// The family name of an installed font that has a glyph for every character of <paramref name="sample"/>,
    /// or null when there is none (the caller should then fall back to English labels).
    /// </summary>
    public static string? FindFamilyFor(string sample)
    {
        int wide = sample.EnumerateRunes().FirstOrDefault(r => r.Value > 0x2FFF).Value;
        if (wide == 0) return ScottPlot.Fonts.Default;
        using var typeface = SKFontManager.Default.MatchCharacter(wide);
        if (typeface is null) return null;
        using var font = new SKFont(typeface);
        var glyphs = font.GetGlyphs(sample);
        return glyphs.All(g => g != 0) ? typeface.FamilyName : null;
    }

    /// <summary>Sets every text of <paramref name="plot"/> (title, axes, legend) to <paramref name="family"/>.</summary>
    public static void Apply(ScottPlot.Plot plot, string family) => plot.Font.Set(family);
}
