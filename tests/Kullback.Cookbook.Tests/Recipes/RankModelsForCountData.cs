using System.Text.Json;

namespace Kullback.Cookbook.Tests.Recipes;

/// <summary>docs/cookbook/rank-models-for-count-data.md: <c>kullback fit</c> on a value,count table.</summary>
[Collection(CookbookGroup.Name)]
public class RankModelsForCountData
{
    // Support tickets opened per hour over 400 hours: over-dispersed (variance well above the mean), as real counts are.
    private const string Tickets = """
        tickets,hours
        0,31
        1,58
        2,72
        3,67
        4,54
        5,40
        6,28
        7,19
        8,12
        9,8
        10,5
        11,3
        12,2
        14,1
        """;

    [Fact]
    public void Recipe()
    {
        using var shell = new Shell();
        File.WriteAllText(shell.PathOf("tickets.csv"), Tickets + "\n");
        var (code, _) = shell.Run("kullback fit tickets.csv --out charts");
        Assert.Equal(0, code);
        var (_, json) = shell.Run("kullback fit tickets.csv --json");
        using var document = JsonDocument.Parse(json);
        var fits = document.RootElement.GetProperty("fits").EnumerateArray().ToList();
        // Ranked by message length: the over-dispersed families beat Poisson, which cannot widen its variance.
        string best = fits[0].GetProperty("family").GetString()!;
        Assert.Contains(best, new[] { "negative_binomial", "beta_binomial", "discretized_normal" });
        var poisson = fits.Single(f => f.GetProperty("family").GetString() == "poisson");
        // The page says the two-parameter families win "by tens of nats".
        double gap = poisson.GetProperty("message_length").GetDouble() - fits[0].GetProperty("message_length").GetDouble();
        Assert.InRange(gap, 10, 100);
        Assert.Equal(400, document.RootElement.GetProperty("n_observations").GetInt64());

        string chart = Directory.GetFiles(shell.PathOf("charts"), "*.png").Order(StringComparer.Ordinal).First();
        Cookbook.Page("rank-models-for-count-data", new Dictionary<string, string>
        {
            ["data"] = Cookbook.Fenced("text", Tickets),
            ["shell"] = Cookbook.Fenced("console", shell.Transcript.Split("$ kullback fit tickets.csv --json")[0]),
        }, new Dictionary<string, string> { ["fit-data-and-best-fits.png"] = chart });
    }
}
