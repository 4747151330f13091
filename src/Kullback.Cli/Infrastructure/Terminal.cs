namespace Kullback.Cli;

/// <summary>Where a command reads and writes: the real console, or strings in tests.</summary>
/// <param name="Out">Standard output: reports and JSON.</param>
/// <param name="Error">Standard error: one-line error messages.</param>
/// <param name="In">Standard input, read when a file argument is "-".</param>
/// <param name="IsInteractive">True when a person is watching standard output (colour, table width).</param>
/// <param name="ErrorIsInteractive">True when a person is watching standard error (progress bars go there).</param>
internal sealed record Terminal(TextWriter Out, TextWriter Error, TextReader In, bool IsInteractive, bool ErrorIsInteractive = false)
{
    public static Terminal FromConsole() =>
        new(Console.Out, Console.Error, Console.In, !Console.IsOutputRedirected, !Console.IsErrorRedirected);
}
