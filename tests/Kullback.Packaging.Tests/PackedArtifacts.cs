using System.Runtime.InteropServices;

namespace Kullback.Packaging.Tests;

/// <summary>
/// The packages, packed once for all the tests in <see cref="PackagingGroup"/>: a copy of the sources (src/ and the
/// root's build files, without bin/ and obj/) is packed in Release into a temporary folder, as the README's pack command
/// does, so the packing never touches the obj/ and bin/ folders of a build running beside it. The tool is packed for
/// this machine's runtime identifier only (the README's command packs every platform it lists).
/// </summary>
public sealed class PackedArtifacts : IDisposable
{
    private static readonly string[] RootFiles =
        ["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "README.md", "NuGet.config"];

    /// <summary>The packable projects, in the order a user would install them.</summary>
    public static readonly string[] LibraryIds = ["Kullback", "Kullback.Plots", "Kullback.Data", "Kullback.Reports"];

    /// <summary>A temporary folder holding the copy, the packages and whatever the tests install; deleted afterwards.</summary>
    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("kullback-packaging-").FullName;

    /// <summary>The folder with every .nupkg and .snupkg.</summary>
    public string PackageDirectory => Path.Combine(WorkDirectory, "packages");

    /// <summary>The copied sources the packages were made from.</summary>
    public string SourceCopy => Path.Combine(WorkDirectory, "source");

    /// <summary>The runtime identifier the tool was packed for.</summary>
    public static string RuntimeIdentifier => RuntimeInformation.RuntimeIdentifier;

    /// <summary>What <c>dotnet pack</c> printed.</summary>
    internal ProcessRun Pack { get; }

    public PackedArtifacts()
    {
        try
        {
            CopySources();
            Pack = ProcessRun.Dotnet(SourceCopy, "pack", "packages.slnx", "-c", "Release", "-o", PackageDirectory,
                $"-p:ToolPackageRuntimeIdentifiers={RuntimeIdentifier}",
                // SourceLink needs the git repository, which the copy is not; the tests check what the packages contain.
                "-p:ContinuousIntegrationBuild=false").AssertSucceeded();
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor failed.
            Dispose();
            throw;
        }
    }

    /// <summary>The path of a package of this version.</summary>
    public string PackagePath(string id, string extension = "nupkg") =>
        Path.Combine(PackageDirectory, $"{id}.{Repository.Version}.{extension}");

    private void CopySources()
    {
        Directory.CreateDirectory(SourceCopy);
        foreach (string file in RootFiles)
        {
            string from = Path.Combine(Repository.Root, file);
            if (File.Exists(from)) File.Copy(from, Path.Combine(SourceCopy, file));
        }
        CopyDirectory(Path.Combine(Repository.Root, "src"), Path.Combine(SourceCopy, "src"));
        var projects = Directory.GetFiles(Path.Combine(SourceCopy, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(SourceCopy, p).Replace('\\', '/')).Order(StringComparer.Ordinal);
        File.WriteAllText(Path.Combine(SourceCopy, "packages.slnx"),
            "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"{p}\" />\n")) + "</Solution>\n");
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (string directory in Directory.GetDirectories(from))
        {
            string name = Path.GetFileName(directory);
            if (name is "bin" or "obj") continue;
            CopyDirectory(directory, Path.Combine(to, name));
        }
    }

    public void Dispose() => Directory.Delete(WorkDirectory, recursive: true);
}

/// <summary>The tests that share one packing.</summary>
[CollectionDefinition(Name)]
public sealed class PackagingGroup : ICollectionFixture<PackedArtifacts>
{
    public const string Name = "Packed artifacts";
}
