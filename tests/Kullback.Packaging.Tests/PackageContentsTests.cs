using System.IO.Compression;
using System.Xml.Linq;

namespace Kullback.Packaging.Tests;

/// <summary>What each package carries: one version, the metadata a registry shows, the README, XML docs and symbols.</summary>
[Collection(PackagingGroup.Name)]
public class PackageContentsTests(PackedArtifacts packed)
{
    public static TheoryData<string> Libraries => new(PackedArtifacts.LibraryIds);

    public static TheoryData<string> AllPackages => new([.. PackedArtifacts.LibraryIds, "Kullback.Cli", $"Kullback.Cli.{PackedArtifacts.RuntimeIdentifier}"]);

    [Theory]
    [MemberData(nameof(AllPackages))]
    public void Every_package_carries_the_metadata_and_the_readme(string id)
    {
        using var package = ZipFile.OpenRead(packed.PackagePath(id));
        var metadata = Nuspec(package, id);
        Assert.Equal(id, Value(metadata, "id"));
        Assert.Equal(Repository.Version, Value(metadata, "version"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
        Assert.Contains("kullback-leibler", Value(metadata, "tags").Split(' '));
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal(("expression", "MIT"), ((string)license.Attribute("type")!, license.Value));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal(Repository.BuildProperty("RepositoryUrl"), (string)repository.Attribute("url")!);
        Assert.Equal("README.md", Value(metadata, "readme"));
        // The README of the sources that were packed (the repository's, copied when the fixture started).
        Assert.Equal(File.ReadAllText(Path.Combine(packed.SourceCopy, "README.md")), Text(package, "README.md"));
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Every_library_has_its_xml_docs_and_a_symbols_package_with_its_pdb(string id)
    {
        using var package = ZipFile.OpenRead(packed.PackagePath(id));
        var lib = package.Entries.Where(e => e.FullName.StartsWith("lib/net10.0/", StringComparison.Ordinal)).Select(e => e.Name).ToList();
        string assembly = Assert.Single(lib, n => n.EndsWith(".dll", StringComparison.Ordinal));
        string stem = Path.GetFileNameWithoutExtension(assembly);
        Assert.Contains(stem + ".xml", lib);
        Assert.Contains("<member name=\"T:", Text(package, $"lib/net10.0/{stem}.xml"), StringComparison.Ordinal);

        using var symbols = ZipFile.OpenRead(packed.PackagePath(id, "snupkg"));
        Assert.Contains(symbols.Entries, e => e.FullName == $"lib/net10.0/{stem}.pdb");
    }

    [Fact]
    public void The_libraries_depend_on_each_other_at_this_version()
    {
        using var package = ZipFile.OpenRead(packed.PackagePath("Kullback.Data"));
        var dependencies = Nuspec(package, "Kullback.Data").Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!);
        Assert.Equal(Repository.Version, dependencies["Kullback"]);
        Assert.Contains("MathNet.Numerics", ZipText("Kullback", "Kullback.nuspec"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_tool_package_points_to_the_platform_package_which_holds_only_this_platforms_native_libraries()
    {
        using var pointer = ZipFile.OpenRead(packed.PackagePath("Kullback.Cli"));
        // <DotNetCliTool><Commands><Command Name="kullback" …/></Commands><RuntimeIdentifierPackages>
        //   <RuntimeIdentifierPackage RuntimeIdentifier="linux-x64" Id="Kullback.Cli.linux-x64" /> …
        string rid = PackedArtifacts.RuntimeIdentifier;
        var settings = XDocument.Parse(Text(pointer, "tools/any/any/DotnetToolSettings.xml")).Descendants().ToList();
        Assert.Contains(settings, e => e.Name.LocalName == "Command" && (string?)e.Attribute("Name") == "kullback");
        Assert.Contains(settings, e => e.Name.LocalName == "RuntimeIdentifierPackage"
            && (string?)e.Attribute("RuntimeIdentifier") == rid && (string?)e.Attribute("Id") == $"Kullback.Cli.{rid}");
        Assert.DoesNotContain(pointer.Entries, e => e.FullName.EndsWith(".dll", StringComparison.Ordinal));

        using var platform = ZipFile.OpenRead(packed.PackagePath($"Kullback.Cli.{rid}"));
        var files = platform.Entries.Select(e => e.FullName).ToList();
        Assert.Contains(files, f => f.EndsWith("/kullback.dll", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("/runtimes/", StringComparison.Ordinal) && !f.Contains($"/runtimes/{rid}/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.EndsWith(".pdb", StringComparison.Ordinal) && !f.EndsWith("/kullback.pdb", StringComparison.Ordinal)
            && !f.Contains("Kullback.", StringComparison.Ordinal));
    }

    private string ZipText(string id, string entry)
    {
        using var package = ZipFile.OpenRead(packed.PackagePath(id));
        return Text(package, entry);
    }

    private static XElement Nuspec(ZipArchive package, string id) =>
        XDocument.Parse(Text(package, id + ".nuspec")).Root!.Elements().Single(e => e.Name.LocalName == "metadata");

    private static string Value(XElement metadata, string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

    private static string Text(ZipArchive package, string entry)
    {
        var found = package.GetEntry(entry) ?? throw new Xunit.Sdk.XunitException($"the package has no {entry}: {string.Join(", ", package.Entries.Select(e => e.FullName))}");
        using var reader = new StreamReader(found.Open());
        return reader.ReadToEnd();
    }
}
