using Spectre.Console;

namespace Kullback.Cli;

/// <summary>A Spectre.Console console that writes into a command's report buffer (so tests can capture it).</summary>
internal static class ConsoleFactory
{
    /// <param name="output">Where the report goes.</param>
    /// <param name="interactive">Whether a person watches standard output: colour and the terminal's width, else plain text 100 wide.</param>
    /// <param name="width">The width for a non-interactive report.</param>
    public static IAnsiConsole For(TextWriter output, bool interactive, int width = 100)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Capabilities.Unicode = true;
        if (interactive) console.Profile.Width = Math.Max(width, SafeConsoleWidth());
        else console.Profile.Width = width;
        return console;
    }

    private static int SafeConsoleWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 100;
        }
        catch (IOException)
        {
            return 100;
        }
    }
}
