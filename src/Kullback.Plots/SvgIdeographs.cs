using System.Text;
using SkiaSharp;

namespace Kullback.Plots;

/// <summary>
/// Puts back the Chinese characters that Skia's SVG writer replaces with look-alike radicals.
/// </summary>
/// <remarks>
/// The SVG backend writes text as the characters of its glyphs, mapping each glyph back through the font's character
/// map; where a CJK font draws a unified ideograph and a Kangxi or supplementary radical with the same glyph (牙 and ⽛,
/// 齿 and ⻮ in Noto Sans CJK), the radical comes out. The file then shows the same shapes in that font but holds the
/// wrong characters for search, copying, screen readers and any other font. Each such radical is mapped back to the
/// ideograph that shares its glyph.
/// </remarks>
internal static class SvgIdeographs
{
    private const int RadicalsFirst = 0x2E80, RadicalsLast = 0x2FDF;
    private static readonly Dictionary<string, Dictionary<char, char>> Maps = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>The SVG text with every radical that shares a glyph with an ideograph in <paramref name="family"/> replaced by that ideograph.</summary>
    public static string Restore(string svg, string family)
    {
        ArgumentNullException.ThrowIfNull(svg);
        if (!svg.Any(c => c >= RadicalsFirst && c <= RadicalsLast)) return svg;
        var map = MapFor(family);
        if (map.Count == 0) return svg;
        var text = new StringBuilder(svg.Length);
        foreach (char c in svg) text.Append(map.TryGetValue(c, out char ideograph) ? ideograph : c);
        return text.ToString();
    }

    private static Dictionary<char, char> MapFor(string family)
    {
        lock (Gate)
        {
            if (Maps.TryGetValue(family, out var cached)) return cached;
            var map = new Dictionary<char, char>();
            using var typeface = SKTypeface.FromFamilyName(family);
            if (typeface is not null && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase))
            {
                using var font = new SKFont(typeface);
                var byGlyph = new Dictionary<ushort, char>();
                // The unified ideographs (and extension A), first come first kept: the common character wins.
                foreach (var (first, last) in new[] { (0x4E00, 0x9FFF), (0x3400, 0x4DBF) })
                {
                    string block = new([.. Enumerable.Range(first, last - first + 1).Select(c => (char)c)]);
                    ushort[] glyphs = font.GetGlyphs(block);
                    for (int i = 0; i < glyphs.Length; i++)
                        if (glyphs[i] != 0) byGlyph.TryAdd(glyphs[i], block[i]);
                }
                string radicals = new([.. Enumerable.Range(RadicalsFirst, RadicalsLast - RadicalsFirst + 1).Select(c => (char)c)]);
                ushort[] radicalGlyphs = font.GetGlyphs(radicals);
                for (int i = 0; i < radicalGlyphs.Length; i++)
                    if (radicalGlyphs[i] != 0 && byGlyph.TryGetValue(radicalGlyphs[i], out char ideograph)) map[radicals[i]] = ideograph;
            }
            Maps[family] = map;
            return map;
        }
    }
}
