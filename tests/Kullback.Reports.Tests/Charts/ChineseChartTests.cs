using Kullback.Cli;
using Kullback.Cli.Commands.Demo;
using Kullback.Plots;
using ScottPlot;
using SkiaSharp;

namespace Kullback.Reports.Tests.Charts;

/// <summary>
/// Charts in Chinese, checked from the images: every character drawn as its own glyph (not the identical empty box a
/// font without the glyphs draws), nothing cut at the edges, and the text inside the boxes ScottPlot measures for it.
/// Needs a CJK font (fonts-noto-cjk, which .ci/run installs).
/// </summary>
public sealed class ChineseChartTests
{
    private const string Title = "数据与均匀分布近似";
    private static readonly string Font = ChartFonts.FamilyFor(ChartFonts.ChineseSample)
        ?? throw new InvalidOperationException("No CJK font is installed: apt-get install fonts-noto-cjk (as .ci/run does).");

    [Fact]
    public void A_CJK_font_is_found_and_draws_the_tool_s_Chinese_chart_words()
    {
        Assert.True(ChartFonts.CanDraw(Font, ChartFonts.ChineseSample), Font);
        var zh = Text.For("zh");
        foreach (string key in new[] { "ChartDataTitle", "ChartTeeth", "ChartProbability", "ChartAll", "ChartContributions", "ChartContributionsY", "ChartSweep", "ChartSweepX", "SeriesData", "SeriesUniform", "ChartsNoCjkFont" })
            Assert.True(ChartFonts.CanDraw(Font, zh[key]), $"{Font} lacks a glyph of {key}: {zh[key]}");
        Assert.False(ChartFonts.CanDraw("DejaVu Sans", Title), "DejaVu Sans has no CJK glyphs: the comparison below needs a font without them");
    }

    [Fact]
    public void Each_character_of_a_Chinese_title_is_its_own_glyph_not_an_empty_box()
    {
        // One chart per character, the title alone: with the CJK font every character looks different; with a font that
        // lacks the glyphs every character is the same box.
        var withFont = Title.Select(c => TitleInk(c.ToString(), Font)).ToArray();
        var withoutGlyphs = Title.Select(c => TitleInk(c.ToString(), "DejaVu Sans")).ToArray();
        Assert.True(withoutGlyphs.Distinct().Count() <= 2, "the font without CJK glyphs was expected to draw identical boxes");
        Assert.Equal(Title.Length, withFont.Distinct().Count());
        Assert.All(withFont, ink => Assert.True(ink.Count(c => c == '#') > 20, "a glyph with too little ink"));
    }

    [Fact]
    public void The_Chinese_demo_charts_are_drawn_whole_nothing_cut_at_the_edges()
    {
        var (text, font, note) = DemoCharts.Labels(Text.For("zh"));
        Assert.Null(note);
        Assert.Equal(Font, font);
        foreach (var (name, plot) in DemoCharts.Create(Kullback.Analysis.SpaceWormWalkthrough.Run(), text, font))
        {
            using var bitmap = Render(plot);
            // A clipped label (the rotated y label, the title) reaches the image's edge; a whole one keeps a margin.
            Assert.True(InkedColumns(bitmap, 0, 3) == 0, $"{name}: ink at the left edge (the rotated axis label is cut)");
            Assert.True(InkedRows(bitmap, 0, 3) == 0, $"{name}: ink at the top edge (the title is cut)");
            Assert.True(InkedRows(bitmap, bitmap.Height - 3, bitmap.Height) == 0, $"{name}: ink at the bottom edge (the x label is cut)");
        }
    }

    [Fact]
    public void ScottPlot_s_text_box_holds_the_CJK_text_with_the_corrected_font()
    {
        // ScottPlot puts a single line's baseline at box.Bottom + Top + CapHeight − Bottom/2 (SkFontMetrics) in a box one
        // line (FontSpacing) high. The text must fit: cap height above the baseline and descent below it inside the box.
        var plot = new Plot();
        ChartFonts.Apply(plot, Font);
        var typeface = Fonts.GetTypeface(plot.Axes.Title.Label.FontName, bold: false, italic: false);
        using var font = new SKFont(typeface, 16);
        float spacing = font.GetFontMetrics(out var m);
        float baselineAboveBottom = -(m.Top + m.CapHeight - m.Bottom / 2);
        Assert.True(baselineAboveBottom >= m.Descent - 0.5f, $"the descenders hang below the box ({baselineAboveBottom} < {m.Descent})");
        Assert.True(baselineAboveBottom + m.CapHeight <= spacing + 0.5f, $"the text rises above the box ({baselineAboveBottom} + {m.CapHeight} > {spacing})");

        using var installed = SKTypeface.FromFamilyName(Font);
        using var raw = new SKFont(installed, 16);
        float rawSpacing = raw.GetFontMetrics(out var r);
        Assert.True(-(r.Top + r.CapHeight - r.Bottom / 2) + r.CapHeight > rawSpacing, "the installed font's metrics no longer misplace text: the correction may be unnecessary");
    }

    [Fact]
    public void Without_a_CJK_font_the_demo_says_so_in_one_line_and_labels_in_English()
    {
        // A chosen font without CJK glyphs stands for a system without a CJK font.
        using var directory = new TemporaryDirectory("kullback-fonts-");
        var run = KullbackProcess.Run(["demo", "--lang", "zh", "--json", "--out", Path.Combine(directory.Path, "out")],
            new Dictionary<string, string> { [DemoCharts.FontVariable] = "DejaVu Sans" });
        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.Contains("fonts-noto-cjk", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("{", run.Out.TrimStart(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory.Path, "out", "1-data.png")));
        Assert.Contains("number of teeth", System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(directory.Path, "out", "1-data.svg"))), StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_CJK_font_the_demo_charts_are_labelled_in_Chinese()
    {
        using var directory = new TemporaryDirectory("kullback-zh-");
        var run = KullbackProcess.Run(["demo", "--lang", "zh", "--json", "--out", directory.Path]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        // Skia writes the text as character references: decoded, it is the labels themselves.
        string svg = System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(directory.Path, "1-data.svg")));
        Assert.Contains("font-family=\"Noto Sans CJK SC\"", svg, StringComparison.Ordinal);
        Assert.Contains("牙齿数", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("number of teeth", svg, StringComparison.Ordinal);
        Assert.Contains("最小值", System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(directory.Path, "6-kl-vs-p.svg"))), StringComparison.Ordinal);
    }

    /// <summary>The title band of a chart whose title is <paramref name="title"/>, as a string of '#' (ink) and '.', cropped to the ink.</summary>
    private static string TitleInk(string title, string family)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = 40;
        if (family == Font) ChartFonts.Apply(plot, family);
        else plot.Font.Set(family);
        using var bitmap = Render(plot, 400, 300);
        int top = int.MaxValue, bottom = -1, left = int.MaxValue, right = -1;
        for (int y = 0; y < 90; y++)
            for (int x = 0; x < bitmap.Width; x++)
                if (Inked(bitmap.GetPixel(x, y)))
                {
                    top = Math.Min(top, y); bottom = Math.Max(bottom, y);
                    left = Math.Min(left, x); right = Math.Max(right, x);
                }
        if (bottom < 0) return "";
        var rows = new List<string>();
        for (int y = top; y <= bottom; y++)
            rows.Add(new string([.. Enumerable.Range(left, right - left + 1).Select(x => Inked(bitmap.GetPixel(x, y)) ? '#' : '.')]));
        return string.Join('\n', rows);
    }

    private static SKBitmap Render(Plot plot, int width = ChartFile.DefaultWidth, int height = ChartFile.DefaultHeight)
    {
        byte[] png = plot.GetImageBytes(width, height, ImageFormat.Png);
        return SKBitmap.Decode(png);
    }

    private static bool Inked(SKColor c) => c.Red < 160 && c.Green < 160 && c.Blue < 160;

    private static int InkedColumns(SKBitmap bitmap, int from, int to) =>
        Enumerable.Range(from, to - from).Count(x => Enumerable.Range(0, bitmap.Height).Any(y => Inked(bitmap.GetPixel(x, y))));

    private static int InkedRows(SKBitmap bitmap, int from, int to) =>
        Enumerable.Range(from, to - from).Count(y => Enumerable.Range(0, bitmap.Width).Any(x => Inked(bitmap.GetPixel(x, y))));
}
