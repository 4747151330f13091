using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Kullback.Cookbook.Tests;

/// <summary>
/// Keeps docs/cookbook in step with the recipes. A page is prose written by hand with generated blocks between
/// <c>&lt;!-- generated: KEY --&gt;</c> and <c>&lt;!-- end generated --&gt;</c>: the code a recipe runs (cut from its
/// test's source between <c>// recipe: KEY</c> and <c>// end recipe</c>), the commands it runs with what they printed,
/// and its charts. Each recipe's test compares its page with what it just ran and fails when they differ; with
/// <c>KULLBACK_UPDATE_DOCS=1</c> it rewrites the page (and copies its charts into docs/cookbook/images) instead.
/// </summary>
internal static class Cookbook
{
    private const string Begin = "<!-- generated: ";
    private const string End = "<!-- end generated -->";

    /// <summary>The repository's root.</summary>
    public static string Root { get; } = typeof(Cookbook).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>docs/cookbook.</summary>
    public static string Directory => Path.Combine(Root, "docs", "cookbook");

    /// <summary>Whether this run rewrites the pages rather than checking them.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("KULLBACK_UPDATE_DOCS") == "1";

    /// <summary>The code of the recipe <paramref name="key"/> in the calling source file, dedented.</summary>
    public static string Code(string key, [CallerFilePath] string sourceFile = "")
    {
        // Deterministic (CI) builds map the repository's root to /_/ in the paths the compiler records.
        if (sourceFile.StartsWith("/_/", StringComparison.Ordinal)) sourceFile = Path.Combine(Root, sourceFile[3..]);
        var lines = File.ReadAllLines(sourceFile);
        int start = Array.FindIndex(lines, l => l.Trim() == $"// recipe: {key}");
        Assert.True(start >= 0, $"{sourceFile} has no '// recipe: {key}' line");
        int end = Array.FindIndex(lines, start + 1, l => l.Trim() == "// end recipe");
        Assert.True(end > start, $"{sourceFile}: '// recipe: {key}' has no '// end recipe'");
        var body = lines[(start + 1)..end];
        int indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())).Trim('\n') + "\n";
    }

    /// <summary>A fenced block of <paramref name="language"/>.</summary>
    public static string Fenced(string language, string text) => $"```{language}\n{text.TrimEnd('\n')}\n```\n";

    /// <summary>
    /// Checks (or, when <see cref="Updating"/>, rewrites) docs/cookbook/<paramref name="page"/>.md: every generated block
    /// must be exactly <paramref name="blocks"/>[its key], and every block given must appear in the page.
    /// </summary>
    public static void Page(string page, IReadOnlyDictionary<string, string> blocks, IReadOnlyDictionary<string, string>? charts = null)
    {
        string path = Path.Combine(Directory, page + ".md");
        string current = File.ReadAllText(path).ReplaceLineEndings("\n");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var expected = new StringBuilder();
        int at = 0;
        while (true)
        {
            int begin = current.IndexOf(Begin, at, StringComparison.Ordinal);
            if (begin < 0) break;
            int keyEnd = current.IndexOf(" -->\n", begin, StringComparison.Ordinal);
            Assert.True(keyEnd > begin, $"{path}: unterminated '{Begin}' marker");
            string key = current[(begin + Begin.Length)..keyEnd];
            int end = current.IndexOf(End, keyEnd, StringComparison.Ordinal);
            Assert.True(end > keyEnd, $"{path}: '{Begin}{key} -->' has no '{End}'");
            Assert.True(blocks.ContainsKey(key), $"{path}: the page has a block '{key}' that no recipe produces");
            seen.Add(key);
            expected.Append(current, at, keyEnd + " -->\n".Length - at).Append(blocks[key]);
            at = end;
        }
        expected.Append(current, at, current.Length - at);
        Assert.Empty(blocks.Keys.Except(seen));

        foreach (var (name, produced) in charts ?? new Dictionary<string, string>())
        {
            Assert.True(File.Exists(produced), $"the recipe did not write {produced}");
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], File.ReadAllBytes(produced)[..4]);
            Assert.Contains($"(images/{name})", current, StringComparison.Ordinal);
            if (Updating) File.Copy(produced, Path.Combine(Directory, "images", name), overwrite: true);
            else Assert.True(File.Exists(Path.Combine(Directory, "images", name)), $"docs/cookbook/images/{name} is missing: run the cookbook with KULLBACK_UPDATE_DOCS=1");
        }

        if (Updating)
        {
            File.WriteAllText(path, expected.ToString());
            return;
        }
        Assert.True(expected.ToString() == current,
            $"docs/cookbook/{page}.md is out of date with its recipe; regenerate it with KULLBACK_UPDATE_DOCS=1 dotnet test tests/Kullback.Cookbook.Tests\n--- expected\n{expected}\n--- found\n{current}");
    }
}

/// <summary>The recipes share the console (their C# prints with Console.WriteLine, as a reader's would): one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CookbookGroup
{
    public const string Name = "Cookbook";
}
