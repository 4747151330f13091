namespace Kullback.Cli.Tests;

/// <summary>The error contract: exit codes, one line, the report only on success, internal errors as 70.</summary>
public class CommandRunnerTests
{
    private static (int Code, string Out, string Error) Run(Func<TextWriter, int> body, bool verbose = false)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var terminal = new Terminal(output, error, () => Stream.Null, IsInteractive: false);
        int code = CommandRunner.Run(terminal, "test", verbose, body);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_bug_is_exit_70_in_one_line_without_details_unless_asked()
    {
        var (code, output, error) = Run(w => { w.Write("half a report"); throw new InvalidOperationException("secret detail"); });
        Assert.Equal(70, code);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains("internal error, a bug in kullback", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret detail", error, StringComparison.Ordinal);

        var verbose = Run(_ => throw new InvalidOperationException("secret detail"), verbose: true);
        Assert.Equal(70, verbose.Code);
        Assert.Contains("InvalidOperationException: secret detail", verbose.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_data_and_bad_arguments_are_exit_2_with_their_own_words()
    {
        var data = Run(_ => throw new InvalidInputException("'x' is not a number", new InputLocation("f.txt", 3, 7)));
        Assert.Equal((2, "kullback test: f.txt:3:7: 'x' is not a number\n"), (data.Code, data.Error.ReplaceLineEndings("\n")));
        var argument = Run(_ => throw new InvalidArgumentException("k must be at least 1.", "k"));
        Assert.Equal((2, "kullback test: k must be at least 1.\n"), (argument.Code, argument.Error.ReplaceLineEndings("\n")));
        var computable = Run(_ => throw new NotComputableException("the integral did not converge."));
        Assert.Equal(2, computable.Code);
    }

    [Fact]
    public void A_message_with_line_breaks_is_still_one_line()
    {
        var (code, _, error) = Run(_ => throw new UsageException("first\nsecond\r\nthird"));
        Assert.Equal(2, code);
        Assert.Equal("kullback test: first second third", error.TrimEnd());
    }

    [Fact]
    public void The_report_is_written_only_when_the_command_succeeds()
    {
        var (code, output, _) = Run(w => { w.Write("the report"); return 0; });
        Assert.Equal((0, "the report"), (code, output));
    }

    [Fact]
    public void A_closed_standard_output_is_an_environment_error_not_a_bug()
    {
        var error = new StringWriter();
        int code = CommandRunner.Run(new Terminal(new BrokenWriter(), error, () => Stream.Null, false), "measure", false, w => { w.Write("x"); return 0; });
        Assert.Equal(2, code);
        Assert.Contains("cannot write to standard output", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class BrokenWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
        public override void Write(char value) => throw new IOException("Broken pipe");
        public override void Write(string? value) => throw new IOException("Broken pipe");
    }
}
