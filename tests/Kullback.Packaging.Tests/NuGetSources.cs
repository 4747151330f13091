using System.Security;

namespace Kullback.Packaging.Tests;

/// <summary>
/// NuGet.config files for the installs these tests make: the packed folder for Kullback's packages and, for everything
/// else, the sources this machine's restore already uses (whatever mirror ~/.nuget/NuGet/NuGet.Config or the
/// environment names), with package source mapping so that Kullback's ids can only come from the packed folder.
/// </summary>
internal static class NuGetSources
{
    /// <summary>The enabled package sources of this machine, as <c>dotnet nuget list source</c> reports them.</summary>
    public static IReadOnlyList<string> MachineSources(string workingDirectory)
    {
        var run = ProcessRun.Dotnet(workingDirectory, "nuget", "list", "source", "--format", "short").AssertSucceeded();
        // Each line is "E <source>" (enabled) or "D <source>" (disabled).
        return [.. run.Out.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith("E ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim())];
    }

    /// <summary>The folder the machine's restores keep packages in (NUGET_PACKAGES or the default).</summary>
    public static string GlobalPackagesFolder(string workingDirectory)
    {
        var run = ProcessRun.Dotnet(workingDirectory, "nuget", "locals", "global-packages", "--list").AssertSucceeded();
        const string Prefix = "global-packages:";
        string line = run.Out.Split('\n').Single(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        return line[Prefix.Length..].Trim();
    }

    /// <summary>
    /// Writes a NuGet.config: <paramref name="packed"/> serves Kullback and Kullback.*; <paramref name="upstream"/> serve
    /// the rest. Packages restore into <paramref name="packagesFolder"/>, a fresh folder, so no earlier restore of a
    /// package with the same version can stand in for the packed one; <paramref name="fallback"/> (the machine's
    /// folder) spares downloading the dependencies again.
    /// </summary>
    public static void WriteConfig(string path, string packed, IReadOnlyList<string> upstream, string packagesFolder, string? fallback)
    {
        static string X(string s) => SecurityElement.Escape(s);
        var sources = upstream.Select((url, i) => (Key: $"upstream{i}", Url: url)).ToList();
        string config = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{X(packagesFolder)}" />
              </config>
              <packageSources>
                <clear />
                <add key="packed" value="{X(packed)}" />
            {string.Concat(sources.Select(s => $"    <add key=\"{s.Key}\" value=\"{X(s.Url)}\" />\n"))}  </packageSources>
            {(fallback is null ? "" : $"  <fallbackPackageFolders>\n    <clear />\n    <add key=\"machine\" value=\"{X(fallback)}\" />\n  </fallbackPackageFolders>\n")}  <packageSourceMapping>
                <clear />
                <packageSource key="packed">
                  <package pattern="Kullback" />
                  <package pattern="Kullback.*" />
                </packageSource>
            {string.Concat(sources.Select(s => $"    <packageSource key=\"{s.Key}\">\n      <package pattern=\"*\" />\n    </packageSource>\n"))}  </packageSourceMapping>
            </configuration>
            """;
        File.WriteAllText(path, config);
    }
}
