using System.CommandLine;
using Kullback.Cli.Commands.Compare;
using Kullback.Cli.Commands.Continuous;
using Kullback.Cli.Commands.Demo;
using Kullback.Cli.Commands.Estimate;
using Kullback.Cli.Commands.Explore;
using Kullback.Cli.Commands.Fit;
using Kullback.Cli.Commands.Measure;
using Kullback.Cli.Commands.Profile;
using Kullback.Cli.Commands.Sweep;

namespace Kullback.Cli;

/// <summary>The <c>kullback</c> command line: builds the commands and runs one, returning its exit code.</summary>
internal static class KullbackCli
{
    public static RootCommand BuildRootCommand(Terminal terminal)
    {
        var verbose = Options.Verbose();
        var root = new RootCommand("kullback: how much information is lost when one probability distribution stands in for another.")
        {
            verbose,
            DemoCommand.Create(terminal, verbose),
            MeasureCommand.Create(terminal, verbose),
            FitCommand.Create(terminal, verbose),
            SweepCommand.Create(terminal, verbose),
            ContinuousCommand.Create(terminal, verbose),
            EstimateCommand.Create(terminal, verbose),
            CompareCommand.Create(terminal, verbose),
            ProfileCommand.Create(terminal, verbose),
            ExploreCommand.Create(terminal, verbose),
        };
        root.SetAction(_ => CommandRunner.Report(terminal, "",
            $"a command is needed: {string.Join(", ", root.Subcommands.Select(c => c.Name))}. See 'kullback --help'.", ExitCodes.InputError));
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the command: 0 on success, 1 for a finding, 2 for usage, input and environment errors, 70 for a bug.</summary>
    public static int Run(string[] args, Terminal terminal)
    {
        var root = BuildRootCommand(terminal);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line, ours: the first error, and where to read more.
            string command = parse.CommandResult.Command == root ? "" : parse.CommandResult.Command.Name;
            string help = command.Length == 0 ? "kullback --help" : $"kullback {command} --help";
            return CommandRunner.Report(terminal, command, $"{parse.Errors[0].Message.TrimEnd('.')}. See '{help}'.", ExitCodes.InputError);
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = terminal.Out,
                Error = terminal.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e) when (CommandRunner.IsStreamFailure(e))
        {
            // Only --help and --version write outside the command runner.
            return CommandRunner.Report(terminal, "", $"cannot write to standard output: {CommandRunner.Reason(e.InnerException ?? e)}", ExitCodes.InputError);
        }
    }
}
