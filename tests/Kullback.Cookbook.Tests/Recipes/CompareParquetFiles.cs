using System.Text.Json;
using DuckDB.NET.Data;

namespace Kullback.Cookbook.Tests.Recipes;

/// <summary>docs/cookbook/compare-parquet-files.md: <c>kullback compare</c> on two Parquet files, then a profile kept for later.</summary>
[Collection(CookbookGroup.Name)]
public class CompareParquetFiles
{
    // Two months of orders, made with DuckDB: in February the amounts grew by about 8% and vouchers took share from
    // cards; the regions did not change. Deterministic (no random()), so the page is reproducible.
    private const string MakeData = """
        COPY (
          SELECT i AS order_id,
                 round(10 + (i * 7919 % 1000) / 10.0, 2) AS amount,
                 CASE WHEN i % 10 < 6 THEN 'card' WHEN i % 10 < 9 THEN 'cash' ELSE 'voucher' END AS payment,
                 CASE i % 4 WHEN 0 THEN 'north' WHEN 1 THEN 'south' WHEN 2 THEN 'east' ELSE 'west' END AS region
          FROM range(20000) t(i)
        ) TO 'january.parquet' (FORMAT parquet);
        COPY (
          SELECT i AS order_id,
                 round(1.08 * (10 + (i * 7919 % 1000) / 10.0), 2) AS amount,
                 CASE WHEN i % 20 < 9 THEN 'card' WHEN i % 20 < 15 THEN 'cash' ELSE 'voucher' END AS payment,
                 CASE i % 4 WHEN 0 THEN 'north' WHEN 1 THEN 'south' WHEN 2 THEN 'east' ELSE 'west' END AS region
          FROM range(18000) t(i)
        ) TO 'february.parquet' (FORMAT parquet);
        """;

    [Fact]
    public void Recipe()
    {
        using var shell = new Shell();
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SET file_search_path = '{shell.Directory}';" + MakeData.Replace("TO '", $"TO '{shell.Directory}/", StringComparison.Ordinal);
            command.ExecuteNonQuery();
        }

        var (code, _) = shell.Run("kullback compare january.parquet february.parquet --columns amount,payment,region --out charts");
        Assert.Equal(1, code);   // 1: drift found
        var (_, json) = shell.Run("kullback compare january.parquet february.parquet --columns amount,payment,region --json");
        var drifted = Drifted(json);
        Assert.True(drifted["amount"]);
        Assert.True(drifted["payment"]);
        Assert.False(drifted["region"]);
        string compareTranscript = shell.Transcript.Split("$ kullback compare january.parquet february.parquet --columns amount,payment,region --json")[0];

        // Later: a profile of January stands in for the file, with the same verdict.
        using var later = new Shell();
        File.Copy(shell.PathOf("january.parquet"), later.PathOf("january.parquet"));
        File.Copy(shell.PathOf("february.parquet"), later.PathOf("february.parquet"));
        Assert.Equal(0, later.Run("kullback profile january.parquet --columns amount,payment,region -o january.profile.json").ExitCode);
        var (laterCode, _) = later.Run("kullback compare january.profile.json february.parquet");
        Assert.Equal(1, laterCode);
        var (_, laterJson) = later.Run("kullback compare january.profile.json february.parquet --json");
        Assert.Equal(drifted, Drifted(laterJson));
        string profileTranscript = later.Transcript.Split("$ kullback compare january.profile.json february.parquet --json")[0];

        string chart = Directory.GetFiles(shell.PathOf("charts"), "*amount*.png").Order(StringComparer.Ordinal).First();
        Cookbook.Page("compare-parquet-files", new Dictionary<string, string>
        {
            ["data"] = Cookbook.Fenced("sql", MakeData),
            ["compare"] = Cookbook.Fenced("console", compareTranscript),
            ["profile"] = Cookbook.Fenced("console", profileTranscript),
        }, new Dictionary<string, string> { ["compare-amount.png"] = chart });
    }

    private static Dictionary<string, bool> Drifted(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("drift").GetBoolean());
    }
}
