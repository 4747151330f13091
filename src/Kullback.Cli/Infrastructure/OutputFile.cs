using System.Globalization;

namespace Kullback.Cli;

/// <summary>
/// One file a command writes (<c>-o FILE.html</c>), with <see cref="OutputDirectory"/>'s promises at the level of a file:
/// <list type="bullet">
/// <item>an existing file is replaced only if kullback wrote it (recorded, with its SHA-256, in the
/// <c>.kullback-outputs</c> manifest of its directory) and it has not changed since; any other file stops the command
/// before it does any work;</item>
/// <item>the file is written under a temporary name in its own directory and moved into place only when complete, so a
/// failure or an interrupt leaves nothing partial behind;</item>
/// <item>the directory must exist (as for <c>cp</c> or <c>curl -o</c>); a failed write names the path and the reason (exit 2).</item>
/// </list>
/// </summary>
internal sealed class OutputFile : IDisposable
{
    private readonly string _target;
    private readonly string _staged;
    private readonly string _option;

    private OutputFile(string target, string staged, string option)
    {
        _target = target;
        _staged = staged;
        _option = option;
    }

    /// <summary>The full path the file will have.</summary>
    public string Path => _target;

    /// <summary>Checks, before any work, that <paramref name="path"/> can be written (or replaced) by kullback.</summary>
    /// <param name="path">The file, as the user gave it.</param>
    /// <param name="option">The option that named it, for messages ("-o").</param>
    /// <exception cref="UsageException">The path is empty or a directory, its directory is missing, or a file kullback did not write is in the way.</exception>
    public static OutputFile Prepare(string path, string option = "-o")
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{option} needs a file name.");
        string full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full) || path.EndsWith('/') || path.EndsWith(System.IO.Path.DirectorySeparatorChar))
            throw new UsageException($"{option} {InputText.Quote(path)} is a directory: give a file name such as explore.html.");
        string directory = System.IO.Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
            throw new UsageException($"{option} {InputText.Quote(path)}: the directory {InputText.Quote(directory)} does not exist.");
        string name = System.IO.Path.GetFileName(full);
        if (name == OutputDirectory.ManifestName)
            throw new UsageException($"{option} {InputText.Quote(path)}: that name is kullback's record of the files it wrote; choose another.");
        if (File.Exists(full))
        {
            var manifest = OutputDirectory.ReadManifest(directory);
            if (!manifest.TryGetValue(name, out string? hash) || hash != OutputDirectory.Hash(full))
                throw new UsageException($"{option} {InputText.Quote(path)} exists and was not written by kullback (or was changed since); move it away or choose another name.");
        }
        string staged = System.IO.Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
        return new OutputFile(full, staged, option);
    }

    /// <summary>Writes the file's content through <paramref name="write"/> (given the temporary path), then moves it into place and records it.</summary>
    /// <exception cref="UsageException">The file cannot be written or moved: the message names it and the reason.</exception>
    public void Commit(Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string directory = System.IO.Path.GetDirectoryName(_target)!;
        try
        {
            write(_staged);
            string hash = OutputDirectory.Hash(_staged);
            File.Move(_staged, _target, overwrite: true);
            var manifest = OutputDirectory.ReadManifest(directory);
            manifest[System.IO.Path.GetFileName(_target)] = hash;
            OutputDirectory.WriteManifest(directory, manifest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{_option} {InputText.Quote(_target)}: cannot write it: {CommandRunner.Reason(e)}.", e);
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Removes the temporary file if it is still there.</summary>
    public void Dispose()
    {
        try
        {
            if (File.Exists(_staged)) File.Delete(_staged);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A hidden temporary file left behind is harmless; the command's own result stands.
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_target} (via {_option})");
}
