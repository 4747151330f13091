using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace Kullback.Data.Tests.Engines;

/// <summary>
/// Files for the DuckDB engine tests, made once in a temporary directory: CSV, Parquet (one file and a Hive-partitioned
/// tree, written by DuckDB itself), newline-delimited JSON, and a DuckDB database file.
/// </summary>
public sealed class DuckDbFiles : IDisposable
{
    public DuckDbFiles()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("kullback-duckdb-").FullName;
        var csv = new StringBuilder("id,amount,country\n");
        for (int i = 1; i <= 100; i++)
            csv.Append(CultureInfo.InvariantCulture, $"{i},{i * 0.25},{(i % 4 == 0 ? "NZ" : "AU")}\n");
        File.WriteAllText(Csv, csv.ToString());
        File.WriteAllText(Apostrophe, "a\n1\n2\n");
        File.WriteAllText(OneToSixHundred, "x\n" + string.Join('\n', Enumerable.Range(1, 600)) + "\n");
        File.WriteAllText(NotADatabase, "this is not a DuckDB database\n");
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "daily"));
        for (int day = 1; day <= 3; day++)
            File.WriteAllText(Path.Combine(Directory, "daily", $"day-{day}.csv"), $"id,n\n{day},{day * 10}\n{day + 10},{day * 100}\n");
        var json = new StringBuilder();
        for (int i = 1; i <= 10; i++)
            json.Append(CultureInfo.InvariantCulture, $"{{\"id\": {i}, \"label\": \"l{i % 3}\", \"score\": {(i == 5 ? "null" : (i / 10.0).ToString(CultureInfo.InvariantCulture))}}}\n");
        File.WriteAllText(Json, json.ToString());

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, $"COPY (SELECT range AS id, range % 7 AS bucket, CASE WHEN range % 10 = 0 THEN 'nan'::DOUBLE ELSE range / 3.0 END AS x FROM range(1000)) TO '{Parquet}' (FORMAT PARQUET)");
        Execute(connection, $"COPY (SELECT range AS id, 2020 + range % 3 AS year, range * 1.5 AS amount FROM range(300)) TO '{HiveRoot}' (FORMAT PARQUET, PARTITION_BY (year))");

        using var database = new DuckDBConnection($"DataSource={DatabaseFile}");
        database.Open();
        Execute(database, "CREATE SCHEMA sales");
        Execute(database, "CREATE TABLE sales.orders AS SELECT range AS id, ((range % 5) * 0.25)::DECIMAL(10, 2) AS price, range % 2 = 0 AS paid, DATE '2024-01-01' + range::INTEGER AS day, NULL::VARCHAR AS note FROM range(50)");
        Execute(database, "CREATE TABLE \"odd \"\"name\" (\"a b\" INTEGER)");
        Execute(database, "INSERT INTO \"odd \"\"name\" VALUES (1), (2), (NULL)");
    }

    public string Directory { get; }

    public string Csv => Path.Combine(Directory, "sales.csv");

    public string Apostrophe => Path.Combine(Directory, "o'brien's data.csv");

    public string OneToSixHundred => Path.Combine(Directory, "one-to-600.csv");

    public string NotADatabase => Path.Combine(Directory, "fake.duckdb");

    public string DailyGlob => Path.Combine(Directory, "daily", "day-*.csv");

    public string Json => Path.Combine(Directory, "events.jsonl");

    public string Parquet => Path.Combine(Directory, "points.parquet");

    public string HiveRoot => Path.Combine(Directory, "hive");

    public string HiveGlob => Path.Combine(HiveRoot, "**", "*.parquet");

    public string DatabaseFile => Path.Combine(Directory, "warehouse.duckdb");

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
