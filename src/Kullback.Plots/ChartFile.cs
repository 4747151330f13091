using ScottPlot;

namespace Kullback.Plots;

/// <summary>Writes a chart as PNG and SVG without ever leaving a half-written file behind.</summary>
public static class ChartFile
{
    /// <summary>The default size: readable on a laptop screen and in a document.</summary>
    public const int DefaultWidth = 800, DefaultHeight = 500;

    /// <summary>
    /// Writes <c>{name}.png</c> and <c>{name}.svg</c> in <paramref name="directory"/>, each first to a temporary name
    /// in the same directory and then moved into place.
    /// </summary>
    /// <returns>The two paths written.</returns>
    /// <exception cref="IOException">The directory cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory cannot be written.</exception>
    public static IReadOnlyList<string> Save(Plot plot, string directory, string name, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        string png = Path.Combine(directory, name + ".png");
        string svg = Path.Combine(directory, name + ".svg");
        WriteAtomically(png, temp => SavePng(plot, temp, width, height));
        WriteAtomically(svg, temp => SaveSvg(plot, temp, width, height));
        return [png, svg];
    }

    /// <summary>Writes the chart as a PNG image at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void SavePng(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.SavePng(path, width, height);
        if (!File.Exists(path)) throw new IOException($"the PNG image was not written to {path}");
    }

    /// <summary>Writes the chart as an SVG document at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <remarks>Chinese labels keep their characters (Skia's SVG writer alone would put look-alike radicals in their place).</remarks>
    public static void SaveSvg(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        string svg = plot.GetSvgXml(width, height);
        if (ChartFonts.InstalledFamilyOf(plot) is { } family) svg = SvgIdeographs.Restore(svg, family);
        File.WriteAllText(path, svg, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        if (!File.Exists(path)) throw new IOException($"the SVG document was not written to {path}");
    }

    private static void WriteAtomically(string path, Action<string> write)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string temp = Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(path)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(path)}");
        try
        {
            write(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
