namespace Kullback.Cli.Tests;

/// <summary>Runs <c>kullback</c> in-process with captured standard streams.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun WithInput(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = KullbackCli.Run(args, new Terminal(output, error, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin)), IsInteractive: false));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static CliRun Of(params string[] args) => WithInput("", args);

    /// <summary>Asserts a usage error: exit code 2, one line on standard error containing every fragment, no stack trace, nothing on standard output.</summary>
    public void AssertUsageError(params string[] fragments)
    {
        Assert.True(ExitCode == 2, $"exit code {ExitCode}, stderr: {Error}");
        Assert.StartsWith("kullback", Error, StringComparison.Ordinal);
        Assert.Single(Error.TrimEnd('\n').Split('\n'));
        Assert.Equal("", Out);
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Error, StringComparison.Ordinal);
        foreach (string f in fragments) Assert.Contains(f, Error, StringComparison.Ordinal);
    }
}

/// <summary>A fresh temporary directory, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kullback-test-").FullName;

    public string File(string name, string contents)
    {
        string path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, contents);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
