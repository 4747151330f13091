namespace Kullback.Cli;

/// <summary>How the tool names its sources: "-" is standard input, shown as &lt;stdin&gt;.</summary>
internal static class Sources
{
    public const string StandardInput = "-";

    public static string Shown(string path) => path == StandardInput ? "<stdin>" : path;
}
