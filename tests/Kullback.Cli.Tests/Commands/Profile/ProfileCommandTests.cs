using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kullback.Cli.Tests;

/// <summary>
/// Profiles stand in for data: a profile of the reference, of the current data, or of each partition merged, gives
/// exactly the comparison of the data it was made from; the counting SQL for another engine reads back the same counts.
/// </summary>
public class ProfileCommandTests
{
    private static string Csv(TempDirectory dir, string name, int from, int to, int seed, double shift)
    {
        var random = new Random(seed);
        var sb = new StringBuilder("amount,colour,n\n");
        for (int i = from; i < to; i++)
        {
            double amount = Math.Round(10 + shift + 4 * (random.NextDouble() + random.NextDouble() - 1), 3);
            sb.Append(i % 40 == 0 ? "" : amount.ToString("R", CultureInfo.InvariantCulture)).Append(',')
              .Append(random.NextDouble() < 0.3 + shift / 10 ? "blue" : i % 7 == 0 ? "" : "red").Append(',')
              .Append((i * 7 % 5).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return dir.File(name, sb.ToString());
    }

    /// <summary>The comparison's JSON without the sources' names (which differ between data and profiles).</summary>
    private static string Comparable(CliRun run)
    {
        Assert.True(run.ExitCode is 0 or 1, run.Error);
        var root = JsonNode.Parse(run.Out)!.AsObject();
        root["reference"]!.AsObject().Remove("source");
        root["current"]!.AsObject().Remove("source");
        return root.ToJsonString();
    }

    [Fact]
    public void A_profile_gives_exactly_the_comparison_of_the_data_it_was_made_from()
    {
        using var dir = new TempDirectory();
        string reference = Csv(dir, "ref.csv", 0, 6000, 1, 0), current = Csv(dir, "cur.csv", 0, 5000, 2, 1);
        string refProfile = Path.Combine(dir.Path, "ref.json"), curProfile = Path.Combine(dir.Path, "cur.json");
        Assert.Equal(0, CliRun.Of("profile", reference, "-o", refProfile).ExitCode);
        Assert.Equal(0, CliRun.Of("profile", current, "--edges-from", refProfile, "-o", curProfile).ExitCode);
        string data = Comparable(CliRun.Of("compare", reference, current, "--json", "--distribution", "histogram"));
        Assert.Equal(data, Comparable(CliRun.Of("compare", refProfile, current, "--json")));
        Assert.Equal(data, Comparable(CliRun.Of("compare", refProfile, curProfile, "--json")));
        // The binned part is the same whatever the distribution mode.
        var exact = JsonDocument.Parse(CliRun.Of("compare", reference, current, "--json").Out).RootElement;
        var viaProfiles = JsonDocument.Parse(CliRun.Of("compare", refProfile, curProfile, "--json").Out).RootElement;
        for (int i = 0; i < 3; i++)
            Assert.Equal(exact.GetProperty("columns")[i].GetProperty("bins").GetRawText(), viaProfiles.GetProperty("columns")[i].GetProperty("bins").GetRawText());
    }

    [Fact]
    public void Profiles_of_partitions_merge_into_the_profile_of_the_whole_in_any_order()
    {
        using var dir = new TempDirectory();
        string whole = Csv(dir, "whole.csv", 0, 9000, 3, 0);
        var lines = File.ReadAllLines(whole);
        string a = dir.File("a.csv", string.Join('\n', lines.Take(3001)) + "\n"), b = dir.File("b.csv", lines[0] + "\n" + string.Join('\n', lines.Skip(3001)) + "\n");
        string edges = Path.Combine(dir.Path, "edges.json");
        Assert.Equal(0, CliRun.Of("profile", whole, "-o", edges).ExitCode);
        string pa = Path.Combine(dir.Path, "pa.json"), pb = Path.Combine(dir.Path, "pb.json"), ab = Path.Combine(dir.Path, "ab.json"), ba = Path.Combine(dir.Path, "ba.json");
        Assert.Equal(0, CliRun.Of("profile", a, "--edges-from", edges, "-o", pa).ExitCode);
        Assert.Equal(0, CliRun.Of("profile", b, "--edges-from", edges, "-o", pb).ExitCode);
        Assert.Equal(0, CliRun.Of("profile", "merge", pa, pb, "-o", ab).ExitCode);
        Assert.Equal(0, CliRun.Of("profile", "merge", pb, pa, "-o", ba).ExitCode);
        Assert.Equal(File.ReadAllText(ab), File.ReadAllText(ba));
        var merged = JsonDocument.Parse(File.ReadAllText(ab)).RootElement;
        var direct = JsonDocument.Parse(File.ReadAllText(edges)).RootElement;
        Assert.Equal(9000, merged.GetProperty("rows").GetInt64());
        for (int i = 0; i < 3; i++)
        {
            var m = merged.GetProperty("columns")[i];
            var d = direct.GetProperty("columns")[i];
            foreach (string key in new[] { "missing", "present" }) Assert.Equal(d.GetProperty(key).GetInt64(), m.GetProperty(key).GetInt64());
            if (m.TryGetProperty("counts", out var counts)) Assert.Equal(d.GetProperty("counts").GetRawText(), counts.GetRawText());
            else Assert.Equal(
                d.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt64()),
                m.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt64()));
        }
        CliRun.Of("profile", "merge", pa, edges.Replace("edges", "missing", StringComparison.Ordinal), "-o", Path.Combine(dir.Path, "x.json")).AssertUsageError("missing.json");
    }

    [Fact]
    public void The_counting_sql_for_another_engine_reads_back_as_the_same_counts()
    {
        using var dir = new TempDirectory();
        string reference = Csv(dir, "ref.csv", 0, 4000, 4, 0), current = Csv(dir, "cur.csv", 0, 3000, 5, 0.5);
        string refProfile = Path.Combine(dir.Path, "ref.json");
        Assert.Equal(0, CliRun.Of("profile", reference, "-o", refProfile).ExitCode);
        var sql = CliRun.Of("profile", "events", "--edges-from", refProfile, "--show-sql", "--dialect", "duckdb");
        Assert.Equal(0, sql.ExitCode);
        // Run it where "events" lives — here a DuckDB database — and export the counts table, as a user would.
        string counts = Path.Combine(dir.Path, "counts.csv");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE TABLE events AS SELECT * FROM read_csv('{current}', header = true); COPY ({sql.Out}) TO '{counts}' (HEADER)";
            command.ExecuteNonQuery();
        }
        string curProfile = Path.Combine(dir.Path, "cur.json");
        Assert.Equal(0, CliRun.Of("profile", counts, "--from-counts", "--edges-from", refProfile, "-o", curProfile).ExitCode);
        var fromData = JsonDocument.Parse(CliRun.Of("compare", reference, current, "--json").Out).RootElement;
        var fromCounts = JsonDocument.Parse(CliRun.Of("compare", refProfile, curProfile, "--json").Out).RootElement;
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(fromData.GetProperty("columns")[i].GetProperty("bins").GetRawText(), fromCounts.GetProperty("columns")[i].GetProperty("bins").GetRawText());
            Assert.Equal(fromData.GetProperty("columns")[i].GetProperty("measures").GetRawText(), fromCounts.GetProperty("columns")[i].GetProperty("measures").GetRawText());
        }
    }

    [Fact]
    public void An_existing_file_kullback_did_not_write_is_never_replaced()
    {
        using var dir = new TempDirectory();
        string reference = Csv(dir, "ref.csv", 0, 100, 6, 0), mine = dir.File("mine.json", "{\"my\": \"notes\"}");
        CliRun.Of("profile", reference, "-o", mine).AssertUsageError("'mine.json' exists and was not written by kullback");
        Assert.Equal("{\"my\": \"notes\"}", File.ReadAllText(mine));
    }
}
