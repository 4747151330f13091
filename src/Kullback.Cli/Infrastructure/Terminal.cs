namespace Kullback.Cli;

/// <summary>Where a command reads and writes: the real console, or strings in tests.</summary>
/// <param name="Out">Standard output: reports and JSON (written once, when the command has succeeded).</param>
/// <param name="Error">Standard error: one-line error messages and progress.</param>
/// <param name="In">Standard input, opened when a file argument is "-".</param>
/// <param name="IsInteractive">True when a person is watching standard output (colour, table width).</param>
/// <param name="ErrorIsInteractive">True when a person is watching standard error (progress bars go there).</param>
internal sealed record Terminal(TextWriter Out, TextWriter Error, Func<Stream> In, bool IsInteractive, bool ErrorIsInteractive = false)
{
    /// <summary>Cancelled by Ctrl-C or SIGTERM; commands check it between steps and clean up what they staged.</summary>
    public CancellationToken Interrupt { get; init; }

    public static Terminal FromConsole(CancellationToken interrupt) =>
        new(Console.Out, Console.Error, Console.OpenStandardInput, !Console.IsOutputRedirected, !Console.IsErrorRedirected) { Interrupt = interrupt };
}
