using System.CommandLine;
using Kullback.Reports;

namespace Kullback.Cli.Commands.Explore;

/// <summary>
/// <c>kullback explore [COUNTS_OR_PROBABILITIES] [--lang en|zh] [-o FILE.html]</c>: writes the tutorial as one
/// self-contained interactive page, opened with the learner's own data (the tutorial's space worms without a file).
/// </summary>
internal static class ExploreCommand
{
    public const string DefaultFile = ExplorePage.DefaultFileName;

    public static Command Create(Terminal terminal, Option<bool> verbose)
    {
        var input = new Argument<string?>("COUNTS_OR_PROBABILITIES")
        {
            Description = "File of counts or probabilities for the outcomes 0, 1, 2, … (commas, spaces or newlines; # comments), or - for standard input. Without it: the tutorial's space worms.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The page to write; a file kullback did not write is never replaced.",
            DefaultValueFactory = _ => DefaultFile,
            HelpName = "FILE.html",
        };
        var lang = Options.Choice("--lang", "The language the page opens in (it has a switch): en (English) or zh (Chinese).", Text.Languages, "en");
        var command = new Command("explore", "The tutorial as a page you can touch: drag the data, compare the families, watch the divergences, send the message home. One HTML file, no network needed.")
        {
            input, output, lang,
        };
        command.SetAction(parse => CommandRunner.Run(terminal, "explore", parse.GetValue(verbose), report =>
        {
            using var file = OutputFile.Prepare(parse.GetValue(output)!);
            var data = ExploreInputFile.Read(parse.GetValue(input), terminal);
            terminal.Interrupt.ThrowIfCancellationRequested();
            var language = PageLanguages.Parse(parse.GetValue(lang)!);
            file.Commit(path => ExplorePage.Write(path, data, language));
            report.WriteLine(file.Path);
            return ExitCodes.Success;
        }));
        return command;
    }
}
