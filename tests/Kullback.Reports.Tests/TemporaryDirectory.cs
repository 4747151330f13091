namespace Kullback.Reports.Tests;

/// <summary>A fresh temporary directory, deleted afterwards.</summary>
internal sealed class TemporaryDirectory(string prefix = "kullback-test-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public string File(string name, string contents)
    {
        string path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, contents);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A browser still releasing its profile: the system's temporary directory is cleaned anyway.
        }
    }
}
