using Kullback.Plots;

namespace Kullback.Cookbook.Tests.Recipes;

/// <summary>docs/cookbook/use-the-library-from-csharp.md: measures over spans, every measure at once, labelled outcomes, a chart.</summary>
[Collection(CookbookGroup.Name)]
public class UseTheLibraryFromCSharp
{
    [Fact]
    public void Recipe()
    {
        string charts = Directory.CreateTempSubdirectory("kullback-cookbook-").FullName;
        var printed = new StringWriter();
        var console = Console.Out;
        Console.SetOut(printed);
        try
        {
            // recipe: measures
            // Yesterday's and today's share of traffic per page (any non-negative weights: they are normalised exactly).
            double[] yesterday = [420, 310, 150, 80, 40];
            double[] today = [380, 290, 170, 110, 50];

            double kl = Measures.KullbackLeibler(today, yesterday);                  // nats by default
            double klBits = Measures.KullbackLeibler(today, yesterday, InformationUnit.Bits);
            double js = Measures.JensenShannonDivergence(today, yesterday);
            Console.WriteLine(FormattableString.Invariant($"D(today‖yesterday) = {kl:F6} nats = {klBits:F6} bits, JS = {js:F6} nats"));

            // Every measure at once, each an Information (read in any unit) or a plain number.
            var all = MeasureSummary.Compute(today, yesterday);
            Console.WriteLine(FormattableString.Invariant($"H(today) = {all.EntropyP.Bits:F5} bits, Hellinger = {all.Hellinger:F6}, TV = {all.TotalVariation:F6}"));
            // end recipe

            // recipe: labels
            // Outcomes with names are aligned on the union of both supports; a label q never saw makes D(p‖q) infinite,
            // and the breakdown says which one.
            var p = DiscreteDistribution.FromCounts([Outcome.Of("home"), Outcome.Of("search"), Outcome.Of("help")], [50, 30, 20]);
            var q = DiscreteDistribution.FromCounts([Outcome.Of("home"), Outcome.Of("search")], [60, 40]);
            var breakdown = Measures.KullbackLeiblerBreakdown(p, q);
            Console.WriteLine($"D(p‖q) = {breakdown.Value}, infinite at: {string.Join(", ", breakdown.InfiniteAt.ToArray())}");
            // end recipe

            // recipe: chart
            // Kullback.Plots draws the two distributions side by side (ScottPlot 5) and saves PNG and SVG.
            var plot = GroupedBarChart.Create("Traffic per page", ["home", "search", "docs", "blog", "help"], "page", "share",
                new Series("yesterday", [.. yesterday.Select(x => x / yesterday.Sum())]),
                new Series("today", [.. today.Select(x => x / today.Sum())]));
            IReadOnlyList<string> files = ChartFile.Save(plot, charts, "traffic");
            // end recipe

            Assert.Equal(["traffic.png", "traffic.svg"], files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
            // tests/reference/cookbook_values.py (mpmath, 30 digits), to 1e-12 relative.
            AssertClose(0.0100926094346620106474364829697, kl);
            AssertClose(0.0100926094346620106474364829697 / 0.693147180559945309417232121458, klBits);
            AssertClose(0.0024471428374197986604233317439, js);
            AssertClose(2.04932668027213777811173008568, all.EntropyP.Bits);
            AssertClose(0.0494990596553098104941080480396, all.Hellinger);
            AssertClose(0.06, all.TotalVariation);
            Assert.True(breakdown.Value.IsInfinite);
            Assert.Equal([Outcome.Of("help")], breakdown.InfiniteAt.ToArray());
        }
        finally
        {
            Console.SetOut(console);
        }

        try
        {
            Cookbook.Page("use-the-library-from-csharp", new Dictionary<string, string>
            {
                ["measures"] = Cookbook.Fenced("csharp", Cookbook.Code("measures")),
                ["labels"] = Cookbook.Fenced("csharp", Cookbook.Code("labels")),
                ["chart"] = Cookbook.Fenced("csharp", Cookbook.Code("chart")),
                ["output"] = Cookbook.Fenced("text", printed.ToString()),
            }, new Dictionary<string, string> { ["traffic.png"] = Path.Combine(charts, "traffic.png") });
        }
        finally
        {
            Directory.Delete(charts, recursive: true);
        }
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
