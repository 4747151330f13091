using ScottPlot;
using SkiaSharp;

namespace Kullback.Plots;

/// <summary>
/// Fonts for chart text in any script: finds an installed font that has the glyphs of a text (SkiaSharp's font manager,
/// then fontconfig's <c>fc-match</c>, then well-known CJK families) and gives it to a chart, so that ScottPlot measures and draws every label with the
/// same typeface (measuring with a Latin font and drawing with a fallback is what clips Chinese legends and axis labels).
/// </summary>
public static class ChartFonts
{
    /// <summary>A sample of Chinese text: a font that can draw it can draw the tool's Chinese chart labels.</summary>
    public const string ChineseSample = "数据概率均匀分布二项散度比特奈特牙齿数";

    private static readonly Dictionary<string, string?> Found = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>
    /// The family name of an installed font that has a glyph for every character of <paramref name="sample"/>
    /// (preferring one made for Simplified Chinese), or null when there is none (for Chinese: install fonts-noto-cjk).
    /// </summary>
    public static string? FamilyFor(string sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        lock (Gate)
        {
            if (Found.TryGetValue(sample, out string? cached)) return cached;
            string? family = Find(sample);
            Found[sample] = family;
            return family;
        }
    }

    /// <summary>True when <paramref name="family"/> is installed and has a glyph for every character of <paramref name="text"/>.</summary>
    public static bool CanDraw(string family, string text)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(text);
        using var typeface = SKTypeface.FromFamilyName(family);
        return typeface is not null && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase) && HasGlyphs(typeface, text);
    }

    /// <summary>
    /// Sets <paramref name="family"/> (an installed family, as <see cref="FamilyFor"/> finds) on every text of
    /// <paramref name="plot"/> — title, axis labels, ticks, legend — and as its default for text added later. The
    /// typeface ScottPlot gets is the installed font with its bounding box set to its line (see
    /// <see cref="CorrectedFontResolver"/>), so that ScottPlot places CJK text inside the boxes it measures.
    /// </summary>
    /// <exception cref="ArgumentException">The family is not installed.</exception>
    public static void Apply(Plot plot, string family)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        string name = Register(family);
        plot.Font.Set(name);
        plot.Legend.FontName = name;
    }

    private static readonly Dictionary<string, string> Registered = new(StringComparer.Ordinal);

    /// <summary>The installed family behind the font <see cref="Apply"/> gave <paramref name="plot"/>'s title; null when none was applied.</summary>
    internal static string? InstalledFamilyOf(Plot plot)
    {
        string name = plot.Axes.Title.Label.FontName;
        lock (Gate)
            return Registered.FirstOrDefault(r => r.Value == name).Key;
    }

    /// <summary>Registers the corrected family with ScottPlot once; returns the name to ask for.</summary>
    private static string Register(string family)
    {
        lock (Gate)
        {
            if (Registered.TryGetValue(family, out string? name)) return name;
            if (CorrectedFontResolver.Load(family, SKFontStyle.Normal) is not { } probe)
            {
                // Not a font file we can correct: ScottPlot gets the installed family as it is.
                using var installed = SKTypeface.FromFamilyName(family);
                if (installed is null || !string.Equals(installed.FamilyName, family, StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException($"The font family \"{family}\" is not installed.", nameof(family));
                Registered[family] = family;
                return family;
            }
            probe.Dispose();
            var resolver = new CorrectedFontResolver($"Kullback {family}", family);
            Fonts.FontResolvers.Insert(0, resolver);
            Registered[family] = resolver.Name;
            return resolver.Name;
        }
    }

    /// <summary>SkiaSharp's own match for the first character, then fontconfig's choice for Chinese, then well-known CJK families.</summary>
    private static string? Find(string sample)
    {
        int first = char.ConvertToUtf32(sample, 0);
        using (var typeface = SKFontManager.Default.MatchCharacter(null, SKFontStyle.Normal, ["zh-Hans", "zh-CN", "zh"], first))
            if (typeface is not null && HasGlyphs(typeface, sample)) return typeface.FamilyName;
        if (FontconfigChoice("sans-serif:lang=zh-cn") is { } chosen && CanDraw(chosen, sample)) return chosen;
        foreach (string family in new[] { "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "Noto Sans CJK JP" })
            if (CanDraw(family, sample)) return family;
        return null;
    }

    /// <summary>The family fontconfig's <c>fc-match</c> picks for <paramref name="pattern"/>; null when fc-match is missing or fails.</summary>
    private static string? FontconfigChoice(string pattern)
    {
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("fc-match") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add("%{family[0]}");
            start.ArgumentList.Add(pattern);
            using var process = System.Diagnostics.Process.Start(start);
            if (process is null) return null;
            string family = process.StandardOutput.ReadToEnd().Trim();
            if (!process.WaitForExit(5000)) return null;
            return process.ExitCode == 0 && family.Length > 0 ? family : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;   // no fontconfig tools on this system
        }
    }

    private static bool HasGlyphs(SKTypeface typeface, string text)
    {
        using var font = new SKFont(typeface);
        ushort[] glyphs = font.GetGlyphs(text);
        return glyphs.Length > 0 && glyphs.All(g => g != 0);
    }
}
