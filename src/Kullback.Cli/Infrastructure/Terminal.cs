namespace Kullback.Cli;

/// <summary>Where a command reads and writes: the real console, or strings in tests.</summary>
/// <param name="Out">Standard output: reports and JSON.</param>
/// <param name="Error">Standard error: one-line error messages.</param>
/// <param name="In">Standard input, read when a file argument is "-".</param>
/// <param name="IsInteractive">True when a person is watching standard output (colour, progress).</param>
internal sealed record Terminal(TextWriter Out, TextWriter Error, TextReader In, bool IsInteractive)
{
    public static Terminal FromConsole() =>
        new(Console.Out, Console.Error, Console.In, !Console.IsOutputRedirected);
}
