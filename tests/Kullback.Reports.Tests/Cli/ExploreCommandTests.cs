using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kullback.Cli;

namespace Kullback.Reports.Tests.Cli;

/// <summary><c>kullback explore</c>: the page written through -o with the output contract, its data, its languages, its errors.</summary>
public sealed partial class ExploreCommandTests
{
    [Fact]
    public void Writes_the_tutorial_page_and_prints_its_path()
    {
        using var dir = new TemporaryDirectory();
        string file = Path.Combine(dir.Path, "page.html");
        var run = Run("explore", "-o", file);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(file + "\n", run.Out);
        Assert.Equal("", run.Error);
        var data = Data(File.ReadAllText(file));
        Assert.Equal("tutorial", data.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("data").GetProperty("observationCount").ValueKind);
        Assert.Equal(11, data.GetProperty("data").GetProperty("weights").GetArrayLength());
        Assert.Contains("  page.html", File.ReadAllText(Path.Combine(dir.Path, OutputDirectory.ManifestName)), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path, ".*.tmp"));
    }

    [Fact]
    public void Reads_counts_from_a_file_or_standard_input()
    {
        using var dir = new TemporaryDirectory();
        string counts = dir.File("worms.txt", "# teeth 0..6\n3, 10, 25\n30 20 8 4\n");
        string file = Path.Combine(dir.Path, "explore.html");
        Assert.Equal(0, Run("explore", counts, "-o", file).ExitCode);
        var data = Data(File.ReadAllText(file));
        Assert.Equal(100, data.GetProperty("data").GetProperty("observationCount").GetInt64());
        Assert.Equal("worms.txt", data.GetProperty("source").GetString());
        Assert.Equal("message", data.GetProperty("library").GetProperty("rankBy").GetString());

        string piped = Path.Combine(dir.Path, "piped.html");
        var run = CliRunner.WithInput("0.5 0.25 0.25", "explore", "-", "-o", piped);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("standard input", Data(File.ReadAllText(piped)).GetProperty("source").GetString());
    }

    [Fact]
    public void Opens_in_Chinese_with_lang_zh()
    {
        using var dir = new TemporaryDirectory();
        string file = Path.Combine(dir.Path, "explore.html");
        Assert.Equal(0, Run("explore", "--lang", "zh", "-o", file).ExitCode);
        string html = File.ReadAllText(file);
        Assert.Contains("<html lang=\"zh-Hans\">", html, StringComparison.Ordinal);
        Assert.Equal("zh", Data(html).GetProperty("language").GetString());
    }

    [Fact]
    public void Never_replaces_a_file_kullback_did_not_write()
    {
        using var dir = new TemporaryDirectory();
        string file = dir.File("explore.html", "my notes");
        CliRunner.Of("explore", "-o", file).AssertUsageError("exists and was not written by kullback");
        Assert.Equal("my notes", File.ReadAllText(file));
        Assert.Empty(Directory.GetFiles(dir.Path, ".*.tmp"));
    }

    [Fact]
    public void Replaces_its_own_page_but_not_once_it_was_edited()
    {
        using var dir = new TemporaryDirectory();
        string file = Path.Combine(dir.Path, "explore.html");
        Assert.Equal(0, Run("explore", "-o", file).ExitCode);
        Assert.Equal(0, Run("explore", "--lang", "zh", "-o", file).ExitCode);
        Assert.Contains("zh-Hans", File.ReadAllText(file), StringComparison.Ordinal);
        File.AppendAllText(file, "<!-- mine -->");
        CliRunner.Of("explore", "-o", file).AssertUsageError("was not written by kullback (or was changed since)");
        Assert.EndsWith("<!-- mine -->", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_directory_a_missing_directory_and_the_manifest_s_name()
    {
        using var dir = new TemporaryDirectory();
        CliRunner.Of("explore", "-o", dir.Path).AssertUsageError("is a directory");
        CliRunner.Of("explore", "-o", Path.Combine(dir.Path, "nowhere", "explore.html")).AssertUsageError("does not exist");
        CliRunner.Of("explore", "-o", Path.Combine(dir.Path, OutputDirectory.ManifestName)).AssertUsageError("record of the files");
        CliRunner.Of("explore", "-o", "").AssertUsageError("needs a file name");
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Bad_data_is_an_input_error_that_names_the_place_and_writes_nothing()
    {
        using var dir = new TemporaryDirectory();
        string file = Path.Combine(dir.Path, "explore.html");
        CliRunner.Of("explore", dir.File("bad.txt", "0.2 0.3\n0.1 x"), "-o", file).AssertUsageError("bad.txt:2:5", "'x' is not a number");
        CliRunner.Of("explore", dir.File("zero.txt", "0 0 0"), "-o", file).AssertUsageError("every value is 0");
        CliRunner.Of("explore", dir.File("negative.txt", "1 -2"), "-o", file).AssertUsageError("negative");
        CliRunner.Of("explore", dir.File("many.txt", string.Join(' ', Enumerable.Repeat("1", ExploreInput.MaximumOutcomes + 1))), "-o", file)
            .AssertUsageError("at most 200");
        CliRunner.Of("explore", Path.Combine(dir.Path, "missing.txt"), "-o", file).AssertUsageError("there is no such file");
        CliRunner.Of("explore", "--lang", "fr", "-o", file).AssertUsageError("'fr'");
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void The_demo_writes_the_page_beside_its_charts()
    {
        using var dir = new TemporaryDirectory();
        var run = Run("demo", "--out", dir.Path, "--lang", "zh");
        Assert.True(run.ExitCode == 0, run.Error);
        string page = Path.Combine(dir.Path, ExplorePage.DefaultFileName);
        Assert.Contains(page, run.Out, StringComparison.Ordinal);
        Assert.Equal("zh", Data(File.ReadAllText(page)).GetProperty("language").GetString());
        Assert.Contains(ExplorePage.DefaultFileName, File.ReadAllText(Path.Combine(dir.Path, ".kullback-outputs")), StringComparison.Ordinal);
        var json = Run("demo", "--out", dir.Path, "--json");
        Assert.Equal(12, JsonDocument.Parse(json.Out).RootElement.GetProperty("charts").GetArrayLength());
    }

    private static CliRunner Run(params string[] args) => CliRunner.Of(args);

    private static JsonElement Data(string html)
    {
        var match = DataScript().Match(html);
        Assert.True(match.Success, "no data script in the page");
        return JsonDocument.Parse(match.Groups[1].Value).RootElement;
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"kullback-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataScript();
}

/// <summary>Runs <c>kullback</c> in-process with captured standard streams.</summary>
internal sealed record CliRunner(int ExitCode, string Out, string Error)
{
    public static CliRunner WithInput(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = KullbackCli.Run(args, new Terminal(output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)), IsInteractive: false));
        return new CliRunner(code, output.ToString(), error.ToString());
    }

    public static CliRunner Of(params string[] args) => WithInput("", args);

    /// <summary>Exit code 2, one line on standard error containing every fragment, no stack trace, nothing on standard output.</summary>
    public void AssertUsageError(params string[] fragments)
    {
        Assert.True(ExitCode == 2, $"exit code {ExitCode}, stderr: {Error}");
        Assert.StartsWith("kullback", Error, StringComparison.Ordinal);
        Assert.Single(Error.TrimEnd('\n').Split('\n'));
        Assert.Equal("", Out);
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
        foreach (string f in fragments) Assert.Contains(f, Error, StringComparison.Ordinal);
    }
}
