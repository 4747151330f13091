using System.Diagnostics;
using System.Text;

namespace Kullback.Cookbook.Tests;

/// <summary>
/// A folder where a recipe's commands run, as a reader would type them: <c>kullback …</c> is the real executable built
/// beside the tests, standard output is a pipe (so tables are plain text, 100 wide). <see cref="Transcript"/> is what the
/// page shows: each command after <c>$</c> and what it printed.
/// </summary>
internal sealed class Shell : IDisposable
{
    private readonly StringBuilder _transcript = new();

    /// <summary>The working folder (temporary, deleted afterwards).</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("kullback-cookbook-").FullName;

    /// <summary>Every command run so far with its output.</summary>
    public string Transcript => _transcript.ToString();

    /// <summary>A path inside the working folder.</summary>
    public string PathOf(string relative) => Path.Combine(Directory, relative);

    /// <summary>Runs one command line (words split on spaces; '…' quotes); returns its exit code and standard output.</summary>
    public (int ExitCode, string Out) Run(string commandLine)
    {
        var words = Split(commandLine);
        Assert.Equal("kullback", words[0]);
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "kullback"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory,
        };
        foreach (string word in words.Skip(1)) start.ArgumentList.Add(word);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(commandLine);
        }
        Assert.True(error.Result.Length == 0 || process.ExitCode is 0 or 1, $"{commandLine}: {error.Result}");
        // The page shows paths as the reader typed them: relative to the folder the commands ran in.
        string shown = output.Result.ReplaceLineEndings("\n").Replace(Directory + "/", "", StringComparison.Ordinal);
        _transcript.Append("$ ").Append(commandLine).Append('\n').Append(shown);
        return (process.ExitCode, output.Result);
    }

    private static List<string> Split(string commandLine)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool quoted = false, any = false;
        foreach (char c in commandLine)
        {
            if (c == '\'') { quoted = !quoted; any = true; }
            else if (c == ' ' && !quoted)
            {
                if (any) words.Add(word.ToString());
                word.Clear();
                any = false;
            }
            else { word.Append(c); any = true; }
        }
        if (any) words.Add(word.ToString());
        return words;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
