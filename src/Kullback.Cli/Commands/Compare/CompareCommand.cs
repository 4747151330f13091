using System.CommandLine;
using System.Globalization;
using Kullback.Comparison;
using Kullback.Data.Comparison;
using Kullback.Data.Engines;
using Kullback.Reports;

namespace Kullback.Cli.Commands.Compare;

/// <summary>
/// <c>kullback compare REFERENCE CURRENT</c>: how far one dataset has moved from another, column by column; exit 0 when
/// no column drifted, 1 when some did, 2 for bad input — as <c>diff</c> does.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(Terminal terminal, Option<bool> verbose)
    {
        var reference = new Argument<string>("REFERENCE") { Description = "The reference: a CSV/TSV/Parquet/JSON-lines file (gzipped too), a glob or hive-partitioned folder, duckdb:///file.duckdb?table=…, postgresql://user@host:port/db?table=schema.name or clickhouse://user@host:port/db?table=name." };
        var current = new Argument<string>("CURRENT") { Description = "The current data, in the same forms." };
        var columns = new Option<string?>("--columns") { Description = "The columns to compare, comma-separated (default: every column both have).", HelpName = "LIST" };
        var categorical = new Option<string?>("--categorical") { Description = "Columns to compare as categories whatever their type.", HelpName = "LIST" };
        var numeric = new Option<string?>("--numeric") { Description = "Columns to compare as numbers.", HelpName = "LIST" };
        var bins = Options.Integer("--bins", "Bins per numeric column for the quantile and width rules.", 10, 1, 10_000, "N");
        var binning = Options.Choice("--binning", "How numeric bins are chosen on the reference: quantile (default), width, or auto (Freedman–Diaconis or Doane).", ["quantile", "width", "auto"], "quantile");
        var smoothing = new Option<string>("--smoothing") { Description = "Pseudocount added to every bin of both samples: jeffreys (0.5, default), laplace (1), none (exact KL, ∞ possible) or a number.", DefaultValueFactory = _ => "jeffreys", HelpName = "jeffreys|laplace|none|A" };
        var alpha = Options.Number("--alpha", "Significance level for the Holm-corrected G-test p-values (default 0.05).", "A");
        var threshold = new Option<string>("--threshold") { Description = "The effect a column must reach to count as drift: psi=0.1 (default), or js_distance, hellinger, total_variation, kl_reference_current, ks, wasserstein_normalized … =VALUE.", DefaultValueFactory = _ => "psi=0.1", HelpName = "MEASURE=VALUE" };
        var distribution = Options.Choice("--distribution", "KS, Wasserstein and Cramér–von Mises from the raw values (exact; when one engine reads both sources), from a fine histogram (histogram), or auto.", ["auto", "exact", "histogram"], "auto");
        var fineBins = Options.Integer("--fine-bins", "Reference-quantile bins of the fine histogram.", 1000, 10, 100_000, "N");
        var where = new Option<string?>("--where") { Description = "An SQL condition both sides' rows must meet, in the sources' dialect.", HelpName = "SQL" };
        var timeout = Options.Integer("--timeout", "Seconds a query may run before it is cancelled.", 600, 1, 86_400, "SECONDS");
        var passwordFile = new Option<string?>("--password-file") { Description = "A file holding the database password (else PGPASSWORD / ~/.pgpass, CLICKHOUSE_PASSWORD).", HelpName = "PATH" };
        var memoryLimit = Options.MemoryLimit();
        var permutations = Options.Integer("--permutations", "Take each column's p-value from N seeded permutations of the G statistic instead of the χ² approximation (better when bins hold few values); 0, the default, keeps χ².", 0, 0, 100_000_000, "N");
        var seed = Options.Integer("--seed", "Seed of the permutations.", 0, int.MinValue, int.MaxValue, "S");
        var outOption = new Option<string?>("--out") { Description = "Directory for per-column charts (PNG and SVG): the two distributions over the bins, and each bin's share of PSI.", HelpName = "DIR" };
        var report = new Option<string?>("--report") { Description = "Also write the comparison as one self-contained HTML page: a sortable, filterable table of the columns, and per column its bins, charts and tests.", HelpName = "FILE.html" };
        var unit = Options.Unit();
        var json = Options.Json();
        var command = new Command("compare", "How far has CURRENT moved from REFERENCE? Per column: bins chosen on the reference, KL both ways, PSI, Jensen–Shannon, Hellinger, total variation, KS, Wasserstein, Cramér–von Mises, the G-test Holm-corrected across columns, and a verdict. Exit 0: no drift, 1: drift found, 2: bad input.")
        {
            reference, current, columns, categorical, numeric, bins, binning, smoothing, alpha, threshold, distribution, fineBins, where, timeout, passwordFile, memoryLimit, permutations, seed, outOption, report, unit, json,
        };
        command.SetAction(parse => CommandRunner.Run(terminal, "compare", parse.GetValue(verbose), output =>
        {
            var (measure, value) = CompareOptions.ParseThreshold(parse.GetValue(threshold)!);
            var criteria = DriftCriteria.Default with { Effect = measure, Threshold = value, Unit = parse.GetValue(unit) };
            if (parse.GetValue(alpha) is double a)
            {
                if (!(a > 0 && a < 1)) throw new UsageException("--alpha must lie strictly between 0 and 1.");
                criteria = criteria with { Alpha = a };
            }
            string rule = parse.GetValue(binning)!;
            var request = new CompareRequest
            {
                Reference = parse.GetValue(reference)!,
                Current = parse.GetValue(current)!,
                Filter = parse.GetValue(where),
                Columns = List(parse.GetValue(columns)),
                Categorical = List(parse.GetValue(categorical)) ?? [],
                Numeric = List(parse.GetValue(numeric)) ?? [],
                Binning = NumericBinningOptions.Default with
                {
                    BinCount = parse.GetValue(bins),
                    Rule = rule == "width" ? BinningRule.Width : BinningRule.Quantile,
                    Auto = rule == "auto",
                },
                Options = new ComparisonOptions { Smoothing = CompareOptions.ParseSmoothing(parse.GetValue(smoothing)!), Unit = parse.GetValue(unit), Criteria = criteria,
                                             Permutations = parse.GetValue(permutations), Seed = parse.GetValue(seed) },
                Distribution = parse.GetValue(distribution) switch { "exact" => DistributionMode.Exact, "histogram" => DistributionMode.Histogram, _ => DistributionMode.Auto },
                FineBins = parse.GetValue(fineBins),
                Engine = EngineOptions.Default with { Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)), PasswordFile = parse.GetValue(passwordFile), MemoryLimit = parse.GetValue(memoryLimit) },
            };
            using var page = parse.GetValue(report) is { } reportPath ? OutputFile.Prepare(reportPath, "--report") : null;
            var comparison = ScanProgress.Run(terminal, "Comparing", (progress, token) => DatasetComparer.CompareAsync(request, progress, token));
            IReadOnlyList<string> charts = [];
            if (parse.GetValue(outOption) is { } directory)
            {
                // The column names are known only now; the output is still checked before anything is written.
                using var chartDirectory = OutputDirectory.Prepare(directory, ChartSet.FileNames(CompareCharts.Names([.. comparison.Columns.Select(x => x.Name)])));
                charts = ChartSet.Write(chartDirectory, CompareCharts.Create(comparison), terminal.Interrupt);
            }
            if (page is not null)
            {
                using var text = new StringWriter(CultureInfo.InvariantCulture);
                CompareJson.Write(text, comparison, charts);
                page.Commit(path => ComparePage.Write(path, text.ToString()));
            }
            if (parse.GetValue(json)) CompareJson.Write(output, comparison, charts);
            else
            {
                CompareTable.Write(ConsoleFactory.For(output, terminal.IsInteractive, width: 160), comparison, parse.GetValue(verbose), charts);
                if (page is not null) output.WriteLine($"Report: {page.Path}");
            }
            return comparison.DriftFound ? ExitCodes.Finding : ExitCodes.Success;
        }));
        return command;
    }

    private static IReadOnlyList<string>? List(string? text) =>
        text is null ? null : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
