using System.Text;

namespace Kullback.Data.Input;

/// <summary>
/// Where text comes from: a path (a regular file, a FIFO, a process substitution such as <c>/dev/fd/63</c>, a device),
/// or a stream the caller owns (standard input). A source is read exactly once, front to back, and never re-opened
/// or seeked, so pipes and FIFOs work; gzip data (recognised by its first bytes, not by the name) are decompressed
/// as they stream.
/// </summary>
/// <remarks>
/// Opening is deferred to the read. A missing path, a directory or an unreadable file is then refused with an
/// <see cref="InvalidInputException"/> whose location is the path as given and whose problem says which.
/// </remarks>
public sealed class InputSource
{
    /// <summary>The name used for standard input in messages.</summary>
    public const string StandardInputName = "<stdin>";

    private readonly string? _path;
    private readonly Stream? _stream;
    private readonly bool _leaveOpen;
    private readonly ByteCount _bytesRead = new();
    private int _opened;

    private InputSource(string name, string? path, Stream? stream, bool leaveOpen)
    {
        Name = name;
        _path = path;
        _stream = stream;
        _leaveOpen = leaveOpen;
    }

    /// <summary>The file at <paramref name="path"/>, named in messages as given.</summary>
    /// <exception cref="InvalidArgumentException"><paramref name="path"/> is empty.</exception>
    public static InputSource FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0) throw new InvalidArgumentException("The path is empty.", nameof(path));
        return new InputSource(path, path, null, leaveOpen: false);
    }

    /// <summary>A stream, read from where it stands to its end; named <paramref name="name"/> in messages.</summary>
    /// <param name="stream">A readable stream; it need not be seekable.</param>
    /// <param name="name">How messages name it.</param>
    /// <param name="leaveOpen">False to dispose the stream when the read ends.</param>
    public static InputSource FromStream(Stream stream, string name = StandardInputName, bool leaveOpen = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        if (!stream.CanRead) throw new InvalidArgumentException("The stream cannot be read.", nameof(stream));
        return new InputSource(name, null, stream, leaveOpen);
    }

    /// <summary>
    /// A command-line argument: <c>-</c> is standard input (<paramref name="standardInput"/> is called only then),
    /// anything else a path.
    /// </summary>
    public static InputSource FromArgument(string argument, Func<Stream> standardInput)
    {
        ArgumentNullException.ThrowIfNull(argument);
        ArgumentNullException.ThrowIfNull(standardInput);
        return argument == "-" ? FromStream(standardInput(), StandardInputName) : FromPath(argument);
    }

    /// <summary>Text held in memory (encoded as UTF-8), named <paramref name="name"/> in messages: for tests and small inputs.</summary>
    public static InputSource FromText(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromStream(new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false), name, leaveOpen: false);
    }

    /// <summary>The path as given, <see cref="StandardInputName"/>, or the name given with the stream.</summary>
    public string Name { get; }

    /// <summary>True when this source is standard input or another caller's stream rather than a path.</summary>
    public bool IsStream => _stream is not null;

    /// <summary>
    /// The bytes read from the source so far (before decompression), safe to read from another thread for a
    /// progress display; 0 before the read starts.
    /// </summary>
    public long BytesRead => _bytesRead.Value;

    /// <summary>The source's length in bytes once the read has started, when it is a regular file; otherwise null.</summary>
    public long? Length { get; private set; }

    /// <summary>Opens the source for its one read.</summary>
    /// <exception cref="InvalidOperationException">The source was already read.</exception>
    /// <exception cref="InvalidInputException">The path does not exist, is a directory, or cannot be opened.</exception>
    internal Stream Open()
    {
        if (Interlocked.Exchange(ref _opened, 1) != 0)
            throw new InvalidOperationException($"{Name} was already read: a source is read once.");
        Stream raw = _stream is not null ? _stream : OpenPath(_path!);
        try
        {
            if (raw.CanSeek) Length = raw.Length - raw.Position;
        }
        catch (NotSupportedException)
        {
            Length = null;
        }
        return new CountingStream(raw, leaveOpen: _stream is not null && _leaveOpen, _bytesRead);
    }

    private FileStream OpenPath(string path)
    {
        var where = new InputLocation(Name);
        if (Directory.Exists(path)) throw new InvalidInputException("this is a directory, not a file.", where);
        try
        {
            // No buffer of FileStream's own: the reader reads large blocks straight into its buffer.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException e)
        {
            throw new InvalidInputException("there is no such file.", where, e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new InvalidInputException("there is no such file (a directory on the path does not exist).", where, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidInputException("the file cannot be opened: permission denied.", where, e);
        }
        catch (IOException e)
        {
            throw new InvalidInputException($"the file cannot be opened: {OneLine(e.Message)}", where, e);
        }
    }

    internal static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
