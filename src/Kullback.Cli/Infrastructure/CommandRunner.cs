using System.Globalization;
using Kullback.Fitting;

namespace Kullback.Cli;

/// <summary>
/// The error contract, in one place: runs a command's body with its report buffered, writes the report only when the
/// body succeeded (so standard output never carries half a result), and turns every failure into one line on standard
/// error and an exit code: 2 for the input, the options or the environment, 70 for a bug (details only with --verbose
/// or KULLBACK_DEBUG=1), 130 when interrupted.
/// </summary>
internal static class CommandRunner
{
    /// <param name="terminal">The real streams.</param>
    /// <param name="command">The command's name, for messages ("fit").</param>
    /// <param name="verbose">Whether to show an internal error's details.</param>
    /// <param name="body">Writes its report to the buffer it is given and returns the exit code.</param>
    public static int Run(Terminal terminal, string command, bool verbose, Func<TextWriter, int> body)
    {
        var buffer = new StringWriter(CultureInfo.InvariantCulture);
        int code;
        try
        {
            code = body(buffer);
        }
        catch (Exception e)
        {
            return Fail(terminal, command, verbose, e);
        }
        try
        {
            terminal.Out.Write(buffer.ToString());
            terminal.Out.Flush();
        }
        catch (Exception e) when (IsStreamFailure(e))
        {
            return Report(terminal, command, $"cannot write to standard output: {Reason(e.InnerException ?? e)}", ExitCodes.InputError);
        }
        return code;
    }

    private static int Fail(Terminal terminal, string command, bool verbose, Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } one => Fail(terminal, command, verbose, one.InnerExceptions[0]),
        UsageException u => Report(terminal, command, u.Message, ExitCodes.InputError),
        InvalidInputException i => Report(terminal, command, i.Message, ExitCodes.InputError),
        InvalidArgumentException a => Report(terminal, command, a.Reason, ExitCodes.InputError),
        NotComputableException n => Report(terminal, command, n.Reason, ExitCodes.InputError),
        ModelNotApplicableException m => Report(terminal, command, m.Message, ExitCodes.InputError),
        OperationCanceledException when terminal.Interrupt.IsCancellationRequested =>
            Report(terminal, command, "interrupted; nothing was written.", ExitCodes.Interrupted),
        OutOfMemoryException => Report(terminal, command,
            "ran out of memory; the input is larger than this machine can hold (see the limits in the README).", ExitCodes.InputError),
        _ => Internal(terminal, command, verbose, e),
    };

    private static int Internal(Terminal terminal, string command, bool verbose, Exception e)
    {
        bool details = verbose || Environment.GetEnvironmentVariable("KULLBACK_DEBUG") == "1";
        Report(terminal, command, details
            ? $"internal error, a bug in kullback; please report it: {e.GetType().Name}: {e.Message}"
            : "internal error, a bug in kullback; please report it (run again with --verbose or KULLBACK_DEBUG=1 for the details).",
            ExitCodes.InternalError);
        if (details) TryWrite(terminal.Error, e.ToString());
        return ExitCodes.InternalError;
    }

    /// <summary>Writes "kullback COMMAND: message" as one line and returns <paramref name="code"/>.</summary>
    public static int Report(Terminal terminal, string command, string message, int code)
    {
        string prefix = string.IsNullOrEmpty(command) ? "kullback" : $"kullback {command}";
        TryWrite(terminal.Error, $"{prefix}: {OneLine(message)}");
        return code;
    }

    /// <summary>A standard stream that is closed, full or gone (a closed descriptor shows as UnauthorizedAccessException).</summary>
    public static bool IsStreamFailure(Exception e) => e is IOException or ObjectDisposedException or UnauthorizedAccessException;

    /// <summary>The message of an I/O error without .NET's decoration.</summary>
    public static string Reason(Exception e) => OneLine(e.Message).TrimEnd('.');

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    private static void TryWrite(TextWriter writer, string line)
    {
        try
        {
            writer.WriteLine(line);
            writer.Flush();
        }
        catch (Exception e) when (IsStreamFailure(e))
        {
            // Standard error is gone too: the exit code is all that is left.
        }
    }
}
