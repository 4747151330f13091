namespace Kullback.Cli;

/// <summary>Prepares the directory given with --out, or says clearly why it cannot be used.</summary>
internal static class OutputDirectory
{
    public static string Prepare(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException("--out needs a directory name.");
        if (File.Exists(path))
            throw new UsageException($"--out '{path}' is a file, not a directory: give a directory to hold the charts.");
        try
        {
            Directory.CreateDirectory(path);
            // Probe that files can be created here before any work is done.
            string probe = Path.Combine(path, $".kullback-write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write to --out '{path}': {e.Message}");
        }
        return path;
    }
}
