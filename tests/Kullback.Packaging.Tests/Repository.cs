using System.Reflection;
using System.Xml.Linq;

namespace Kullback.Packaging.Tests;

/// <summary>The repository these tests were built from, and the facts about it that the packages must carry.</summary>
internal static class Repository
{
    /// <summary>The repository's root directory (where Kullback.slnx and Directory.Build.props are).</summary>
    public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The one version every package carries: <c>Version</c> in Directory.Build.props.</summary>
    public static string Version { get; } = BuildProperty("Version");

    /// <summary>A property of Directory.Build.props, read from its XML.</summary>
    public static string BuildProperty(string name) =>
        XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants(name).Single().Value;

    /// <summary>The README's first C# code block: the library example.</summary>
    public static string ReadmeLibraryExample()
    {
        string readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        int start = readme.IndexOf("```csharp\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no ```csharp block");
        start += "```csharp\n".Length;
        int end = readme.IndexOf("```", start, StringComparison.Ordinal);
        return readme[start..end];
    }
}
