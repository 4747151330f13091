using System.CommandLine;
using Kullback.Cli.Commands.Continuous;
using Kullback.Cli.Commands.Demo;
using Kullback.Cli.Commands.Estimate;
using Kullback.Cli.Commands.Fit;
using Kullback.Cli.Commands.Sweep;
using Kullback.Cli.Commands.Measure;

namespace Kullback.Cli;

/// <summary>The <c>kullback</c> command line: builds the commands and runs one, returning its exit code.</summary>
internal static class KullbackCli
{
    public static RootCommand BuildRootCommand(Terminal terminal) =>
        new("kullback: how much information is lost when one probability distribution stands in for another.")
        {
            DemoCommand.Create(terminal),
            MeasureCommand.Create(terminal),
            FitCommand.Create(terminal),
            SweepCommand.Create(terminal),
            ContinuousCommand.Create(terminal),
            EstimateCommand.Create(terminal),
        };

    /// <summary>Parses <paramref name="args"/> and runs the command: 0 on success, 2 for usage or input errors, 1 for internal failures.</summary>
    public static int Run(string[] args, Terminal terminal)
    {
        var root = BuildRootCommand(terminal);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) terminal.Error.WriteLine($"kullback: {error.Message}");
            terminal.Error.WriteLine("Run 'kullback --help' for usage.");
            return ExitCodes.UsageError;
        }
        return CommandRunner.Run(terminal, () => parse.Invoke(new InvocationConfiguration
        {
            Output = terminal.Out,
            Error = terminal.Error,
            EnableDefaultExceptionHandler = false,
        }));
    }
}
