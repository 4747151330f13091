namespace Kullback.Reports.Tests;

/// <summary>Where the repository's files are, found from the test assembly upwards (the directory holding Kullback.slnx).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The page's sources, tested in place.</summary>
    public static string Assets => Path.Combine(Root, "src", "Kullback.Reports", "Assets");

    /// <summary>The Node tests of the page's mathematics.</summary>
    public static string NodeTests => Path.Combine(Root, "tests", "Kullback.Reports.Tests", "js");

    /// <summary>Where tests leave what a person may want to look at (screenshots): the test output directory.</summary>
    public static string Artifacts
    {
        get
        {
            string path = Path.Combine(AppContext.BaseDirectory, "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kullback.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Kullback.slnx above {AppContext.BaseDirectory}.");
    }
}
