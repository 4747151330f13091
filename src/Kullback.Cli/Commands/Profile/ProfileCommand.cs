using System.CommandLine;
using Kullback.Comparison;
using Kullback.Data.Comparison;
using Kullback.Data.Engines;

namespace Kullback.Cli.Commands.Profile;

/// <summary>
/// <c>kullback profile DATA -o FILE.json</c>: a dataset summarised where it lives (bins, counts, categories), to stand in
/// for the data in <c>compare</c>; <c>profile merge</c> adds profiles of partitions; <c>--show-sql</c> prints the
/// counting statement for an engine kullback does not run (Spark SQL, Trino), whose result <c>--counts</c> reads back.
/// </summary>
internal static class ProfileCommand
{
    public static Command Create(Terminal terminal, Option<bool> verbose)
    {
        var data = new Argument<string>("DATA") { Description = "A file, glob or database table URL, as compare takes; with --show-sql, a table name of the target engine." };
        var output = new Option<string?>("--output", "-o") { Description = "The profile to write (JSON, kullback.profile/1). A file kullback did not write is never replaced.", HelpName = "FILE.json" };
        var edgesFrom = new Option<string?>("--edges-from") { Description = "Count into this reference profile's bins (for the current side, or partitions of one dataset).", HelpName = "PROFILE" };
        var columns = new Option<string?>("--columns") { Description = "The columns to profile (default all; with --edges-from, the profile's).", HelpName = "LIST" };
        var categorical = new Option<string?>("--categorical") { Description = "Columns to profile as categories.", HelpName = "LIST" };
        var numeric = new Option<string?>("--numeric") { Description = "Columns to profile as numbers.", HelpName = "LIST" };
        var bins = Options.Integer("--bins", "Bins per numeric column (quantile and width rules).", 10, 1, 10_000, "N");
        var binning = Options.Choice("--binning", "quantile (default), width or auto.", ["quantile", "width", "auto"], "quantile");
        var fineBins = Options.Integer("--fine-bins", "Reference-quantile bins of the fine histogram kept for the distribution statistics.", 1000, 10, 100_000, "N");
        var where = new Option<string?>("--where") { Description = "An SQL condition the rows must meet.", HelpName = "SQL" };
        var timeout = Options.Integer("--timeout", "Seconds a query may run.", 600, 1, 86_400, "SECONDS");
        var passwordFile = new Option<string?>("--password-file") { Description = "A file holding the database password.", HelpName = "PATH" };
        var memoryLimit = Options.MemoryLimit();
        var showSql = new Option<bool>("--show-sql") { Description = "Print the SQL that counts DATA (a table name) into --edges-from's bins, for --dialect, instead of running anything." };
        var dialect = Options.Choice("--dialect", "The SQL dialect of --show-sql.", [.. SqlSpellings.All.Select(a => a.Key)], "duckdb");
        var countsFlag = new Option<bool>("--from-counts") { Description = "DATA is the counts table (column_name, bin, n) that --show-sql's statement produced; needs --edges-from." };

        var command = new Command("profile", "Summarise a dataset where it lives — per column its bins and counts, categories, missing values — as a profile that compare accepts in place of the data.")
        {
            data, output, edgesFrom, columns, categorical, numeric, bins, binning, fineBins, where, timeout, passwordFile, memoryLimit, showSql, dialect, countsFlag,
        };
        command.SetAction(parse => CommandRunner.Run(terminal, "profile", parse.GetValue(verbose), writer =>
        {
            DatasetProfile? reference = parse.GetValue(edgesFrom) is { } edges ? ProfileFile.Read(edges) : null;
            if (parse.GetValue(showSql))
            {
                if (reference is null) throw new UsageException("--show-sql needs --edges-from: the bins come from the reference's profile.");
                writer.Write(CountingSql.For(SqlSpellings.Parse(parse.GetValue(dialect)!), parse.GetValue(data)!, reference));
                return ExitCodes.Success;
            }
            string path = parse.GetValue(output) ?? throw new UsageException("--output (-o) is needed: the file to write the profile to.");
            string file = Path.GetFullPath(path);
            using var target = OutputDirectory.Prepare(Path.GetDirectoryName(file)!, [Path.GetFileName(file)], "--output");
            DatasetProfile profile;
            var engineOptions = EngineOptions.Default with { Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)), PasswordFile = parse.GetValue(passwordFile), MemoryLimit = parse.GetValue(memoryLimit) };
            if (parse.GetValue(countsFlag))
            {
                if (reference is null) throw new UsageException("--from-counts needs --edges-from: the counts are of that profile's bins.");
                profile = ScanProgress.Run(terminal, "Reading counts", (_, token) => CountsTable.ReadAsync(parse.GetValue(data)!, reference, engineOptions, token));
            }
            else
            {
                var options = new ProfileOptions
                {
                    Binning = NumericBinningOptions.Default with
                    {
                        BinCount = parse.GetValue(bins), Rule = parse.GetValue(binning) == "width" ? BinningRule.Width : BinningRule.Quantile, Auto = parse.GetValue(binning) == "auto",
                    },
                    FineBins = parse.GetValue(fineBins),
                };
                profile = ScanProgress.Run(terminal, "Profiling", async (progress, token) =>
                {
                    var source = DataSource.Parse(parse.GetValue(data)!).WithFilter(parse.GetValue(where));
                    await using var engine = await QueryEngine.OpenAsync(source, engineOptions, token).ConfigureAwait(false);
                    var chosen = Columns(engine, reference, List(parse.GetValue(columns)), List(parse.GetValue(categorical)) ?? [], List(parse.GetValue(numeric)) ?? []);
                    progress.Report($"scanning {source}");
                    return await ProfileScanner.ScanAsync(engine, chosen, options, reference, token).ConfigureAwait(false);
                });
            }
            target.Write(Path.GetFileName(file), staged => File.WriteAllText(staged, ProfileFile.Write(profile)));
            target.Commit();
            writer.WriteLine($"Profile of {profile.Source} ({profile.Rows:N0} rows, {profile.Columns.Length} columns) written to {file}.");
            return ExitCodes.Success;
        }));
        command.Add(MergeCommand(terminal, verbose));
        return command;
    }

    private static List<(string Name, ColumnKind Kind)> Columns(IQueryEngine engine, DatasetProfile? reference, IReadOnlyList<string>? names,
                                                              IReadOnlyList<string> categorical, IReadOnlyList<string> numeric)
    {
        if (reference is not null)
            return [.. reference.Columns.Where(c => names is null || names.Contains(c.Name, StringComparer.Ordinal)).Select(c => (engine.RequireColumn(c.Name).Name, c.Kind))];
        var chosen = names?.Select(n => engine.RequireColumn(n)) ?? engine.Columns;
        return [.. chosen.Select(c => (c.Name,
            categorical.Contains(c.Name, StringComparer.OrdinalIgnoreCase) ? ColumnKind.Categorical
            : numeric.Contains(c.Name, StringComparer.OrdinalIgnoreCase) ? ColumnKind.Numeric
            : ColumnPlan.Infer(c, engine.Source.Location)))];
    }

    private static Command MergeCommand(Terminal terminal, Option<bool> verbose)
    {
        var profiles = new Argument<string[]>("PROFILES") { Description = "Profiles of parts of one dataset, made with the same edges (--edges-from one of them).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The merged profile to write.", Required = true, HelpName = "FILE.json" };
        var merge = new Command("merge", "Add profiles that share their bins: profiles of partitions merge into the profile of the whole, in any order.") { profiles, output };
        merge.SetAction(parse => CommandRunner.Run(terminal, "profile merge", parse.GetValue(verbose), writer =>
        {
            string file = Path.GetFullPath(parse.GetValue(output)!);
            using var target = OutputDirectory.Prepare(Path.GetDirectoryName(file)!, [Path.GetFileName(file)], "--output");
            var parts = parse.GetValue(profiles)!.Select(ProfileFile.Read).ToList();
            var merged = parts.Skip(1).Aggregate(parts[0], (a, b) => a.Merge(b));
            target.Write(Path.GetFileName(file), staged => File.WriteAllText(staged, ProfileFile.Write(merged)));
            target.Commit();
            writer.WriteLine($"{parts.Count} profiles merged ({merged.Rows:N0} rows) into {file}.");
            return ExitCodes.Success;
        }));
        return merge;
    }

    private static IReadOnlyList<string>? List(string? text) =>
        text is null ? null : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
