using System.Diagnostics;
using Kullback.Data.Input;
using static Kullback.Data.Tests.Input.InputAssert;

namespace Kullback.Data.Tests.Input;

/// <summary>Where text comes from: paths, standard input, pipes, FIFOs and process substitution, each read exactly once.</summary>
public sealed class SourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kullback-input-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string File(string name, string contents)
    {
        string path = Path.Combine(_directory, name);
        System.IO.File.WriteAllText(path, contents);
        return path;
    }

    [Fact]
    public void A_missing_file_a_directory_and_a_missing_directory_are_named_with_the_reason()
    {
        string missing = Path.Combine(_directory, "missing.csv");
        var e = Refused(() => TextInput.ReadVector(InputSource.FromPath(missing), VectorKind.Weights), "there is no such file");
        Assert.Equal(missing, e.Location?.Source);
        Assert.StartsWith($"{missing}: ", e.Message, StringComparison.Ordinal);
        Refused(() => TextInput.ReadObservations(InputSource.FromPath(_directory)), "is a directory, not a file");
        Refused(() => TextInput.ReadPoints(InputSource.FromPath(Path.Combine(_directory, "no", "such.csv"))), "no such file");
    }

    [Fact]
    public void An_unreadable_file_says_permission_denied()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName == "root") return;   // root reads every file: nothing to refuse
        string path = File("secret.txt", "1 2");
        System.IO.File.SetUnixFileMode(path, UnixFileMode.None);
        Refused(() => TextInput.ReadVector(InputSource.FromPath(path), VectorKind.Weights), "permission denied");
    }

    [Fact]
    public void A_read_error_midway_is_an_input_error_at_the_line_reached()
    {
        using var failing = new FailingStream("1 2\n3 4\n"u8.ToArray());
        var e = Refused(() => TextInput.ReadVector(InputSource.FromStream(failing, "disk"), VectorKind.Weights), "cannot be read: the disk went away");
        Assert.Equal("disk", e.Location?.Source);
        Assert.IsType<IOException>(e.InnerException);
    }

    [Fact]
    public void A_source_is_read_once_and_a_second_read_is_a_programming_error()
    {
        var source = InputSource.FromPath(File("p.txt", "0.5 0.5"));
        Assert.Equal([0.5, 0.5], TextInput.ReadVector(source, VectorKind.Probabilities));
        Assert.Equal(7, source.BytesRead);
        Assert.Equal(7, source.Length);
        Assert.Throws<InvalidOperationException>(() => TextInput.ReadVector(source, VectorKind.Probabilities));
    }

    [Fact]
    public void Standard_input_is_the_callers_stream_named_stdin()
    {
        using var stdin = new MemoryStream("1 x"u8.ToArray());
        var source = InputSource.FromArgument("-", () => stdin);
        var e = Refused(() => TextInput.ReadVector(source, VectorKind.Weights), "<stdin>:1:3: 'x'");
        Assert.Equal(InputSource.StandardInputName, e.Location?.Source);
        Assert.True(stdin.CanRead, "the caller's standard input is left open");
        Assert.Equal("data.txt", InputSource.FromArgument("data.txt", () => throw new InvalidOperationException("not asked for")).Name);
    }

    [Fact]
    public void A_fifo_is_read_once_to_its_end_with_every_sample()
    {
        if (!OperatingSystem.IsLinux()) return;
        string fifo = Path.Combine(_directory, "samples.fifo");
        Run("mkfifo", fifo);
        // A writer that feeds 200 samples slowly, in small writes, as a producer in a pipeline would.
        using var writer = Process.Start(new ProcessStartInfo("bash", ["-c", $"for i in $(seq 0 199); do echo $((i % 7)); done > '{fifo}'"]))!;
        var read = TextInput.ReadObservations(InputSource.FromPath(fifo), ObservationKind.Samples);
        writer.WaitForExit();
        Assert.Equal(200, read.Data.ObservationCount);
        Assert.Equal(7, read.Data.Count);
    }

    [Fact]
    public async Task Process_substitution_dev_fd_and_a_pipe_are_read_once()
    {
        if (!OperatingSystem.IsLinux()) return;
        // The child reads its /dev/fd/N through this test's own reader: run the points reader on a pipe given as a path.
        string script = File("points.sh", "for i in $(seq 1 500); do echo \"$i,$((i * 2))\"; done");
        using var producer = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true })!;
        var points = TextInput.ReadPoints(InputSource.FromStream(producer.StandardOutput.BaseStream, "pipe"));
        producer.WaitForExit();
        Assert.Equal((500, 2), (points.Count, points.Dimensions));
        Assert.Equal(1000.0, points.Coordinates[^1]);

        // /dev/fd/N of an anonymous pipe, opened by path as process substitution gives it.
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out);
        string path = $"/dev/fd/{pipe.ClientSafePipeHandle.DangerousGetHandle()}";
        var feeder = Task.Run(() =>
        {
            for (int i = 0; i < 300; i++) pipe.Write("3\n4\n"u8);
            pipe.Dispose();
        });
        var read = TextInput.ReadObservations(InputSource.FromPath(path), ObservationKind.Samples);
        await feeder;
        Assert.Equal(600, read.Data.ObservationCount);
    }

    [Fact]
    public void A_gzip_file_is_read_by_its_bytes()
    {
        string path = Path.Combine(_directory, "v.txt.gz");
        System.IO.File.WriteAllBytes(path, EncodingTests.Gzip("0.25 0.75\n"u8.ToArray()));
        var source = InputSource.FromPath(path);
        Assert.Equal([0.25, 0.75], TextInput.ReadVector(source, VectorKind.Probabilities));
        Assert.Equal(new FileInfo(path).Length, source.BytesRead);
    }

    /// <summary>Gives its bytes, then fails as a disk or network would.</summary>
    private sealed class FailingStream(byte[] bytes) : MemoryStream(bytes)
    {
        private bool _given;

        public override int Read(Span<byte> buffer)
        {
            if (_given) throw new IOException("the disk went away");
            _given = true;
            return base.Read(buffer);
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(file, arguments);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
