using System.CommandLine;

namespace Kullback.Cli.Commands.Demo;

/// <summary><c>kullback demo</c>: the space-worm walkthrough, with its report and charts.</summary>
internal static class DemoCommand
{
    public const string DefaultOut = "kullback-demo";

    public static Command Create(Terminal terminal)
    {
        var outOption = new Option<string>("--out")
        {
            Description = "Directory for the charts (PNG and SVG); created if missing.",
            DefaultValueFactory = _ => DefaultOut,
            HelpName = "DIR",
        };
        var jsonOption = new Option<bool>("--json") { Description = "Print one JSON object instead of the report." };
        var langOption = new Option<string>("--lang")
        {
            Description = "Language of the report: en (English) or zh (Chinese).",
            DefaultValueFactory = _ => "en",
        };
        langOption.AcceptOnlyFromAmong([.. Text.Languages]);

        var command = new Command("demo", "The space-worm walkthrough: entropy, KL divergence in both directions, which approximation loses less information, and charts.")
        {
            outOption, jsonOption, langOption,
        };
        command.SetAction(parse => CommandRunner.Run(terminal, () =>
            Run(terminal, parse.GetValue(outOption)!, parse.GetValue(jsonOption), Text.For(parse.GetValue(langOption)!))));
        return command;
    }

    public static int Run(Terminal terminal, string outDirectory, bool json, Text text)
    {
        string directory = OutputDirectory.Prepare(outDirectory);
        var analysis = SpaceWormAnalysis.Run();
        IReadOnlyList<string> charts;
        try
        {
            charts = DemoCharts.Write(analysis, directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write the charts to --out '{outDirectory}': {e.Message}");
        }

        if (json) DemoJson.Write(terminal.Out, analysis, charts);
        else DemoReport.Write(ConsoleFactory.For(terminal), analysis, charts, directory, text);
        return ExitCodes.Success;
    }
}
