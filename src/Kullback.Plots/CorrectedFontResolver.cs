using System.Buffers.Binary;
using ScottPlot;
using SkiaSharp;

namespace Kullback.Plots;

/// <summary>
/// A ScottPlot font resolver for one installed family under a name of its own, whose typefaces are the installed font
/// files with their bounding box (the OpenType <c>head</c> table's yMin/yMax) set to the typographic ascender and
/// descender (<c>hhea</c>).
/// </summary>
/// <remarks>
/// ScottPlot 5 places a label's baseline from SkFontMetrics.Top and Bottom — the extremes of every glyph in the font —
/// and sizes its box from the line spacing. In a CJK font those extremes reach far beyond the line (Noto Sans CJK:
/// top −1.81 em, bottom 1.05 em, line 1.45 em), so the text is drawn above its own box: the first legend entry and the
/// rotated axis label are clipped. With the box set to the ascender and descender, the measure and the drawing agree.
/// The glyphs themselves are untouched.
/// </remarks>
internal sealed class CorrectedFontResolver(string name, string family) : IFontResolver
{
    private readonly Dictionary<(FontWeight, FontSlant), SKTypeface?> _typefaces = [];
    private readonly Lock _gate = new();

    /// <summary>The name charts ask for (not an installed family, so ScottPlot's system resolver passes it on).</summary>
    public string Name => name;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing)
    {
        if (!string.Equals(fontName, name, StringComparison.Ordinal)) return null;
        FontWeight w = weight >= FontWeight.SemiBold ? FontWeight.Bold : FontWeight.Normal;
        lock (_gate)
        {
            if (!_typefaces.TryGetValue((w, slant), out var typeface))
            {
                typeface = Load(family, w == FontWeight.Bold ? SKFontStyle.Bold : SKFontStyle.Normal);
                _typefaces[(w, slant)] = typeface;
            }
            return typeface;
        }
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, italic ? FontSlant.Italic : FontSlant.Upright, FontSpacing.Normal);

    /// <summary>The installed face of <paramref name="family"/> with its bounding box corrected; null when it cannot be read.</summary>
    internal static SKTypeface? Load(string family, SKFontStyle style)
    {
        using var installed = SKTypeface.FromFamilyName(family, style);
        if (installed is null || !string.Equals(installed.FamilyName, family, StringComparison.OrdinalIgnoreCase)) return null;
        using var stream = installed.OpenStream(out int index);
        if (stream is null || !stream.HasLength) return null;
        byte[] bytes = new byte[stream.Length];
        if (stream.Read(bytes, bytes.Length) != bytes.Length) return null;
        if (!SetBoundingBoxToLine(bytes, index)) return null;
        return SKTypeface.FromData(SKData.CreateCopy(bytes), index);
    }

    /// <summary>Sets head.yMin/yMax of face <paramref name="index"/> to hhea's descender/ascender; false if the tables are not found.</summary>
    internal static bool SetBoundingBoxToLine(byte[] font, int index)
    {
        var data = font.AsSpan();
        if (data.Length < 12) return false;
        int face = 0;
        if (data[..4].SequenceEqual("ttcf"u8))
        {
            int count = (int)BinaryPrimitives.ReadUInt32BigEndian(data[8..]);
            if (index < 0 || index >= count || 12 + 4 * (index + 1) > data.Length) return false;
            face = (int)BinaryPrimitives.ReadUInt32BigEndian(data[(12 + 4 * index)..]);
        }
        if (face + 12 > data.Length) return false;
        int tables = BinaryPrimitives.ReadUInt16BigEndian(data[(face + 4)..]);
        int head = -1, hhea = -1;
        for (int t = 0; t < tables; t++)
        {
            int record = face + 12 + 16 * t;
            if (record + 16 > data.Length) return false;
            var tag = data.Slice(record, 4);
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(data[(record + 8)..]);
            if (tag.SequenceEqual("head"u8)) head = offset;
            else if (tag.SequenceEqual("hhea"u8)) hhea = offset;
        }
        if (head < 0 || hhea < 0 || head + 54 > data.Length || hhea + 8 > data.Length) return false;
        short ascender = BinaryPrimitives.ReadInt16BigEndian(data[(hhea + 4)..]);
        short descender = BinaryPrimitives.ReadInt16BigEndian(data[(hhea + 6)..]);
        if (ascender <= 0 || descender >= 0) return false;
        BinaryPrimitives.WriteInt16BigEndian(data[(head + 38)..], descender);   // yMin
        BinaryPrimitives.WriteInt16BigEndian(data[(head + 42)..], ascender);    // yMax
        return true;
    }
}
