using Spectre.Console;

namespace Kullback.Cli;

/// <summary>A Spectre.Console console that writes to the terminal's output writer (so tests can capture it).</summary>
internal static class ConsoleFactory
{
    public static IAnsiConsole For(Terminal terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal.IsInteractive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal.IsInteractive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(terminal.Out),
        });
        console.Profile.Capabilities.Unicode = true;
        if (!terminal.IsInteractive) console.Profile.Width = 100;
        return console;
    }
}
