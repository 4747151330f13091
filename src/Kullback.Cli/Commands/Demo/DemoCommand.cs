using System.CommandLine;
using Kullback.Analysis;
using Kullback.Reports;

namespace Kullback.Cli.Commands.Demo;

/// <summary><c>kullback demo</c>: the space-worm walkthrough, with its report and charts.</summary>
internal static class DemoCommand
{
    public const string DefaultOut = "kullback-demo";

    public static Command Create(Terminal terminal, Option<bool> verbose)
    {
        var outOption = new Option<string>("--out")
        {
            Description = "Directory for the charts (PNG and SVG) and the interactive page explore.html; created if missing. Files kullback did not write are never replaced.",
            DefaultValueFactory = _ => DefaultOut,
            HelpName = "DIR",
        };
        var json = Options.Json();
        var unit = Options.Unit();
        var lang = Options.Choice("--lang", "Language of the report: en (English) or zh (Chinese).", Text.Languages, "en");
        var command = new Command("demo", "The space-worm walkthrough: entropy, KL divergence in both directions, which approximation loses less information, and charts.")
        {
            outOption, json, unit, lang,
        };
        command.SetAction(parse => CommandRunner.Run(terminal, "demo", parse.GetValue(verbose), output =>
        {
            using var charts = OutputDirectory.Prepare(parse.GetValue(outOption)!, [.. ChartSet.FileNames(DemoCharts.Names), ExplorePage.DefaultFileName]);
            var walkthrough = SpaceWormWalkthrough.Run();
            var text = Text.For(parse.GetValue(lang)!);
            var (labels, font, note) = DemoCharts.Labels(text);
            if (note is not null) CommandRunner.Report(terminal, "demo", note, ExitCodes.Success);
            charts.Write(ExplorePage.DefaultFileName, path => ExplorePage.Write(path, ExploreInput.Tutorial, PageLanguages.Parse(parse.GetValue(lang)!)));
            var written = ChartSet.Write(charts, DemoCharts.Create(walkthrough, labels, font), terminal.Interrupt);
            if (parse.GetValue(json)) DemoJson.Write(output, walkthrough, parse.GetValue(unit), [.. written.Where(f => !f.EndsWith(".html", StringComparison.Ordinal))]);
            else DemoReport.Write(ConsoleFactory.For(output, terminal.IsInteractive), walkthrough, parse.GetValue(unit), written, charts.Path, text);
            return ExitCodes.Success;
        }));
        return command;
    }
}
