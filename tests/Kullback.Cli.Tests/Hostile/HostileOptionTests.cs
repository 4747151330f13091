namespace Kullback.Cli.Tests.Hostile;

/// <summary>
/// Hostile option values, every command: each gets exit 2 and one line that names the option, never a .NET type
/// name, a stack trace, a NaN or a partial report.
/// </summary>
public class HostileOptionTests
{
    private const string Worms = "0.02 0.03 0.05 0.14 0.16 0.15 0.12 0.08 0.10 0.08 0.07\n";

    public static TheoryData<string, string[]> Cases()
    {
        var data = new TheoryData<string, string[]>();
        void Add(string expected, params string[] args) => data.Add(expected, args);
        // --steps
        foreach (string v in new[] { "0", "1", "-3", "1000000000", "abc", "", "1.5", "1e3", "0x10", "99999999999999999999" })
            Add("--steps", "sweep", "{worms}", "--family", "binomial", "--param", "p", "--steps", v);
        // --from / --to: finite numbers with a decimal point, whatever the locale
        foreach (string v in new[] { "nan", "NaN", "inf", "-Infinity", "1e309", "1,5", "" })
            Add("--from", "sweep", "{worms}", "--family", "binomial", "--param", "p", "--from", v);
        // --k
        foreach (string v in new[] { "0", "-1", "1e10", "2147483648", "k", "" })
            Add("--k", "estimate", "{points}", "{points}", "--k", v);
        // --base on every command that prints information
        foreach (string command in new[] { "measure", "fit", "sweep", "continuous", "estimate", "demo" })
            foreach (string v in new[] { "1", "0", "-2", "nan", "inf", "1e309", "0.5", "two" })
                Add("--base", command switch
                {
                    "measure" => ["measure", "{worms}", "{worms}", "--base", v],
                    "fit" => ["fit", "{worms}", "--base", v],
                    "sweep" => ["sweep", "{worms}", "--family", "binomial", "--param", "p", "--base", v],
                    "continuous" => ["continuous", "--p", "normal(0,1)", "--q", "normal(0,2)", "--base", v],
                    "estimate" => ["estimate", "{points}", "{points}", "--base", v],
                    _ => ["demo", "--base", v],
                });
        // --trials
        foreach (string v in new[] { "0", "-5", "1.5", "99999999999999999999", "ten" })
            Add("--trials", "fit", "{worms}", "--trials", v);
        // --families, --family, --param, --method, --rank, --as, --lang
        Add("--families", "fit", "{worms}", "--families", ",,");
        Add("zipf", "fit", "{worms}", "--families", "zipf");
        Add("--family", "sweep", "{worms}", "--family", "zipf", "--param", "p");
        Add("--param", "sweep", "{worms}", "--family", "binomial", "--param", "lambda");
        Add("--param", "sweep", "{worms}", "--family", "binomial", "--param", "");
        Add("bayes", "fit", "{worms}", "--method", "bayes");
        Add("median", "fit", "{worms}", "--rank", "median");
        Add("rows", "fit", "{worms}", "--as", "rows");
        Add("fr", "demo", "--lang", "fr");
        // --column
        Add("--column 0", "fit", "{csv}", "--column", "0");
        Add("99999999999", "fit", "{csv}", "--column", "99999999999");
        Add("no column", "fit", "{csv}", "--column", "\u001b[31mred");
        // --out
        Add("--out", "demo", "--out", "");
        Add("is a file", "demo", "--out", "{worms}");
        // the shape of the command line
        Add("--frobnicate", "measure", "{worms}", "{worms}", "--frobnicate");
        Add("Unrecognized", "measure", "{worms}", "{worms}", "{worms}");
        Add("command", "demos");
        Add("--p", "continuous", "--q", "normal(0,1)");
        Add("--p", "continuous", "--p", "normal(0,1", "--q", "normal(0,1)");
        Add("--p", "continuous", "--p", "normal(0,1e400)", "--q", "normal(0,1)");
        Add("--p", "continuous", "--p", "NORMAL(0,\u200b1)", "--q", "normal(0,1)");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_hostile_option_gets_one_line_naming_it_and_exit_2(string expected, string[] args)
    {
        using var dir = new TempDirectory();
        string worms = dir.File("worms.txt", Worms);
        string points = dir.File("points.csv", string.Join('\n', Enumerable.Range(0, 20).Select(i => $"{i * 0.37 % 5},{i * 0.11 % 3}")) + "\n");
        string csv = dir.File("data.csv", "id,teeth\n1,3\n2,4\n3,4\n");
        string[] resolved = args.Select(a => a.Replace("{worms}", worms).Replace("{points}", points).Replace("{csv}", csv)).ToArray();
        bool writesFiles = resolved[0] is "demo" or "fit" or "sweep";
        var run = writesFiles && !resolved.Contains("--out") ? CliRun.Of([.. resolved, "--out", Path.Combine(dir.Path, "out")]) : CliRun.Of(resolved);
        run.AssertUsageError(expected);
        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
        if (!resolved.Any(a => a.Contains("nan", StringComparison.OrdinalIgnoreCase)))
            Assert.DoesNotContain("NaN", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u200b", run.Error, StringComparison.Ordinal);
        Assert.True(run.Error.Length < 400, run.Error);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")), "a failed run left its output directory");
    }
}
