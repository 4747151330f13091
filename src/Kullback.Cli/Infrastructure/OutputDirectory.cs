using System.Globalization;
using System.Security.Cryptography;

namespace Kullback.Cli;

/// <summary>
/// The directory a command writes its files into (charts, pages), written so that a user can trust it:
/// <list type="bullet">
/// <item>a file is replaced only if kullback wrote it (the directory's <c>.kullback-outputs</c> manifest records the
/// SHA-256 of each file it wrote) and it has not changed since; any other file of the same name stops the command
/// before it does any work;</item>
/// <item>files are written into a staging directory beside the target and moved into place only when all of them are
/// done, so a failure or an interrupt leaves nothing partial — and no empty directory — behind;</item>
/// <item>a failed write names the path and the reason (exit 2).</item>
/// </list>
/// </summary>
internal sealed class OutputDirectory : IDisposable
{
    /// <summary>The manifest's name inside the output directory.</summary>
    public const string ManifestName = ".kullback-outputs";

    private readonly string _target;
    private readonly string _staging;
    private readonly string _option;
    private readonly List<string> _names;

    private OutputDirectory(string target, string staging, string option, List<string> names)
    {
        _target = target;
        _staging = staging;
        _option = option;
        _names = names;
    }

    /// <summary>The directory as the user gave it.</summary>
    public string Path => _target;

    /// <summary>
    /// Checks, before any work, that <paramref name="directory"/> can receive <paramref name="fileNames"/>, and makes the
    /// staging directory.
    /// </summary>
    /// <param name="directory">The target directory (created when the files are committed, if missing).</param>
    /// <param name="fileNames">Every file name the command will write (no directories).</param>
    /// <param name="option">The option that named the directory, for messages ("--out").</param>
    /// <exception cref="UsageException">The path is a file, a name is taken by a file kullback did not write, or the parent cannot be written.</exception>
    public static OutputDirectory Prepare(string directory, IReadOnlyCollection<string> fileNames, string option = "--out")
    {
        if (string.IsNullOrWhiteSpace(directory)) throw new UsageException($"{option} needs a directory name.");
        string full = System.IO.Path.GetFullPath(directory);
        if (File.Exists(full)) throw new UsageException($"{option} {InputText.Quote(directory)} is a file, not a directory: give a directory to hold the output.");
        if (Directory.Exists(full))
        {
            var manifest = ReadManifest(full);
            foreach (string name in fileNames)
            {
                string path = System.IO.Path.Combine(full, name);
                if (Directory.Exists(path))
                    throw new UsageException($"{option} {InputText.Quote(directory)}: {InputText.Quote(name)} there is a directory; kullback will not replace it.");
                if (!File.Exists(path)) continue;
                if (!manifest.TryGetValue(name, out string? hash) || hash != Hash(path))
                    throw new UsageException($"{option} {InputText.Quote(directory)}: {InputText.Quote(name)} exists and was not written by kullback (or was changed since); move it away or choose another directory.");
            }
        }
        // Staged inside the directory when it exists (a move within it is atomic), else beside it, so that a failure leaves
        // no empty directory behind.
        string parent = Directory.Exists(full) ? full : System.IO.Path.GetDirectoryName(full.TrimEnd(System.IO.Path.DirectorySeparatorChar)) ?? full;
        string staging = System.IO.Path.Combine(parent, $".kullback-staging-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {InputText.Quote(directory)}: cannot write in {InputText.Quote(parent)}: {CommandRunner.Reason(e)}.", e);
        }
        return new OutputDirectory(full, staging, option, [.. fileNames.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Where to write <paramref name="name"/> (one of the names given to <see cref="Prepare"/>) before it is committed.</summary>
    public string Staged(string name)
    {
        if (!_names.Contains(name)) throw new InvalidOperationException($"'{name}' was not announced to the output directory.");
        return System.IO.Path.Combine(_staging, name);
    }

    /// <summary>The path <paramref name="name"/> will have once committed.</summary>
    public string Final(string name) => System.IO.Path.Combine(_target, name);

    /// <summary>Writes a staged file through <paramref name="write"/>, turning an I/O failure into a message naming the file.</summary>
    public void Write(string name, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            write(Staged(name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {InputText.Quote(Final(name))}: {CommandRunner.Reason(e)}.", e);
        }
    }

    /// <summary>Moves every staged file into the target directory (creating it), records them in the manifest, and returns their paths.</summary>
    public IReadOnlyList<string> Commit()
    {
        var written = new List<string>();
        try
        {
            Directory.CreateDirectory(_target);
            var manifest = ReadManifest(_target);
            foreach (string name in _names)
            {
                string staged = System.IO.Path.Combine(_staging, name);
                if (!File.Exists(staged)) continue;
                string hash = Hash(staged);
                File.Move(staged, System.IO.Path.Combine(_target, name), overwrite: true);
                manifest[name] = hash;
                written.Add(System.IO.Path.Combine(_target, name));
            }
            WriteManifest(_target, manifest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{_option} {InputText.Quote(_target)}: cannot move the output into place: {CommandRunner.Reason(e)}.", e);
        }
        TryDelete(_staging);
        return written;
    }

    /// <summary>Removes the staging directory; nothing staged reaches the target unless committed.</summary>
    public void Dispose() => TryDelete(_staging);

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A staging directory left behind is hidden and harmless; the command's own result stands.
        }
    }

    /// <summary>The manifest of <paramref name="directory"/>: file name → SHA-256 (hex) of what kullback wrote there.</summary>
    internal static Dictionary<string, string> ReadManifest(string directory)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        string path = System.IO.Path.Combine(directory, ManifestName);
        if (!File.Exists(path)) return entries;
        foreach (string line in File.ReadLines(path))
        {
            int space = line.IndexOf("  ", StringComparison.Ordinal);
            if (space == 64) entries[line[(space + 2)..]] = line[..space];
        }
        return entries;
    }

    /// <summary>Replaces the manifest of <paramref name="directory"/> (through a temporary file).</summary>
    internal static void WriteManifest(string directory, Dictionary<string, string> entries)
    {
        string path = System.IO.Path.Combine(directory, ManifestName);
        string temp = path + ".tmp";
        File.WriteAllLines(temp, entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Value}  {e.Key}"));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The SHA-256 of the file at <paramref name="path"/>, lower-case hex.</summary>
    internal static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_target} ({_names.Count} files)");
}
