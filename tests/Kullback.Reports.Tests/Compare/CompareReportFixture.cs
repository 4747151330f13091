using System.Globalization;
using System.Text;
using System.Text.Json;
using Kullback.Reports.Tests.Cli;

namespace Kullback.Reports.Tests.Compare;

/// <summary>
/// Two datasets and the report <c>kullback compare --report</c> makes of them, once for the class: a numeric column
/// that moved, a categorical one that did not, one with a new city, and a column whose name is markup.
/// </summary>
public sealed class CompareReportFixture : IDisposable
{
    /// <summary>A column name that would inject markup if the page ever used it as HTML.</summary>
    public const string HostileName = "<b>bold</b></script><img src=x onerror=alert(1)>";

    private readonly TemporaryDirectory _directory = new("kullback-compare-report-");

    public CompareReportFixture()
    {
        string reference = _directory.File("reference.csv", Csv(3000, seed: 1, shift: 0, newCity: false));
        string current = _directory.File("current.csv", Csv(2500, seed: 2, shift: 1.5, newCity: true));
        ReportPath = Path.Combine(_directory.Path, "report.html");
        var run = CliRunner.Of("compare", reference, current, "--report", ReportPath, "--json");
        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Error}");   // the amount and the city drifted
        Json = run.Out;
        Comparison = JsonDocument.Parse(run.Out).RootElement.Clone();
        Html = File.ReadAllText(ReportPath);
    }

    public string ReportPath { get; }

    /// <summary>What <c>--json</c> printed in the same run.</summary>
    public string Json { get; }

    public JsonElement Comparison { get; }

    public string Html { get; }

    private static string Csv(int rows, int seed, double shift, bool newCity)
    {
        var random = new Random(seed);
        var text = new StringBuilder("amount,colour,city,").Append(HostileName).Append('\n');
        string[] cities = ["Auckland", "Wellington", "Christchurch"];
        for (int i = 0; i < rows; i++)
        {
            double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
            double amount = Math.Round(10 + shift + 2 * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2), 2);
            string city = newCity && i % 10 == 0 ? "Dunedin" : cities[random.Next(cities.Length)];
            text.Append(amount.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(random.NextDouble() < 0.3 ? "blue" : "red").Append(',').Append(city).Append(',')
                .Append(random.Next(5).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    public void Dispose() => _directory.Dispose();
}
