using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Kullback.Packaging.Tests;

/// <summary>A project outside the repository references the packed packages, compiles the README's library example and runs it.</summary>
[Collection(PackagingGroup.Name)]
public class ConsumerProjectTests(PackedArtifacts packed)
{
    // What the consumer prints after the README's example, one value per line, round-trippable and culture-invariant.
    private const string Printing = """

        Console.WriteLine(FormattableString.Invariant($"entropy {entropy:R}"));
        Console.WriteLine(FormattableString.Invariant($"lost {lost:R}"));
        Console.WriteLine(FormattableString.Invariant($"reverse {reverse:R}"));
        Console.WriteLine(FormattableString.Invariant($"best {best.Model}"));
        Console.WriteLine(FormattableString.Invariant($"bits {bits:R}"));
        Console.WriteLine(FormattableString.Invariant($"breakdown {breakdown.Value.IsInfinite} {string.Join(',', breakdown.InfiniteAt.ToArray())}"));
        // The two other packages load and work beside the core.
        Console.WriteLine(FormattableString.Invariant($"plots {Kullback.Plots.ChartFile.DefaultWidth}"));
        Console.WriteLine(FormattableString.Invariant($"data {Kullback.Data.Engines.DataSource.Parse("january.csv").Format}"));
        """;

    [Fact]
    public void A_consumer_of_the_packages_runs_the_readme_example_and_gets_its_numbers()
    {
        string project = Path.Combine(packed.WorkDirectory, "consumer");
        Directory.CreateDirectory(project);
        // Empty build files stop MSBuild from importing anything above the consumer's folder.
        File.WriteAllText(Path.Combine(project, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(project, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(project, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Kullback" Version="{Repository.Version}" />
                <PackageReference Include="Kullback.Plots" Version="{Repository.Version}" />
                <PackageReference Include="Kullback.Data" Version="{Repository.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), Repository.ReadmeLibraryExample() + Printing);
        NuGetSources.WriteConfig(Path.Combine(project, "NuGet.config"), packed.PackageDirectory, NuGetSources.MachineSources(project),
            packagesFolder: Path.Combine(packed.WorkDirectory, "consumer-packages"), fallback: NuGetSources.GlobalPackagesFolder(project));

        var run = ProcessRun.Dotnet(project, "run", "-c", "Release").AssertSucceeded();

        var printed = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2)).Where(parts => parts.Length == 2).ToDictionary(parts => parts[0], parts => parts[1]);
        // The numbers of the README's comments: H = 3.262 bits, D(P‖U) = 0.1367 and D(U‖P) = 0.1697 nats (30 digits from mpmath).
        Assert.Equal(3.262, Number(printed["entropy"]), 3);
        Assert.Equal(0.136679710949669388759375344513, Number(printed["lost"]), 1e-14);
        Assert.Equal(0.169713221388226600710361181925, Number(printed["reverse"]), 1e-14);
        Assert.Equal("discretized_normal(mu = 5.62504, sigma = 2.9951)", printed["best"]);
        Assert.Equal(0.0514, Number(printed["bits"]), 4);
        Assert.Equal("True c", printed["breakdown"]);
        Assert.Equal("800", printed["plots"]);
        Assert.Equal("Csv", printed["data"]);

        // The assembly that ran is the one in the packed package, not a same-versioned one from an earlier restore.
        string built = Path.Combine(project, "bin", "Release", "net10.0", "Kullback.Core.dll");
        using var package = ZipFile.OpenRead(packed.PackagePath("Kullback"));
        using var packedAssembly = package.GetEntry("lib/net10.0/Kullback.Core.dll")!.Open();
        Assert.Equal(Convert.ToHexString(SHA256.HashData(packedAssembly)), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(built))));
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
