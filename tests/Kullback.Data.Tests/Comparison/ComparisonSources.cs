using System.Globalization;
using DuckDB.NET.Data;
using Kullback.Data.Engines;
using Kullback.Data.Tests.Servers;

namespace Kullback.Data.Tests.Comparison;

/// <summary>
/// One reference and one current dataset (<see cref="ComparisonRows"/>) in every form a comparison reads: CSV, Parquet,
/// a hive-partitioned Parquet folder, a .duckdb file, PostgreSQL tables, and ClickHouse MergeTree tables on both shards
/// of a real two-shard cluster with a Distributed table over them. Its own servers, started once for the
/// <see cref="ComparesDatabases"/> collection and removed after it, so that stopping them mid-scan disturbs no other test.
/// </summary>
public sealed class ComparisonSources : IAsyncLifetime
{
    /// <summary>Rows of the reference and of the current data.</summary>
    public const int ReferenceRows = 3000, CurrentRows = 2400;

    private PostgresServer? _postgres;
    private ClickHouseCluster? _clickHouse;

    /// <summary>The temporary directory of the files and the password files.</summary>
    public string Directory { get; } = ServerSafetyNet.CreateDirectory("kullback-cmpdb-");

    internal ComparisonRows Reference { get; } = ComparisonRows.Generate(ReferenceRows, 11, shift: 0, blueShare: 0.2);

    internal ComparisonRows Current { get; } = ComparisonRows.Generate(CurrentRows, 12, shift: 4, blueShare: 0.3);

    public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("The PostgreSQL server has not started.");

    public ClickHouseCluster ClickHouse => _clickHouse ?? throw new InvalidOperationException("The ClickHouse cluster has not started.");

    /// <summary>A pgpass file that serves both servers: an entry for the PostgreSQL server and one for the ClickHouse nodes.</summary>
    public string CombinedPasswordFile => Path.Combine(Directory, "both-passwords");

    /// <summary>The source of one side in one form: csv, parquet, hive, duckdb, pg, ch.</summary>
    public string Source(string form, bool reference) => Source(form, reference ? "ref" : "cur");

    /// <summary>The source of the table or file named <paramref name="name"/> in one form.</summary>
    public string Source(string form, string name) => form switch
    {
        "csv" => Path.Combine(Directory, name + ".csv"),
        "parquet" => Path.Combine(Directory, name + ".parquet"),
        "hive" => Path.Combine(Directory, name + "_hive", "**", "*.parquet"),
        "duckdb" => $"duckdb://{Path.Combine(Directory, "data.duckdb")}?table=main.{name}",
        "pg" => Postgres.SourceFor("public.cmp_" + name),
        "ch" => ClickHouse.SourceFor("cmp_" + name),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "not a form"),
    };

    /// <summary>The engine options for a pair of forms: the password file that serves the servers involved.</summary>
    public EngineOptions OptionsFor(string referenceForm, string currentForm, TimeSpan? timeout = null)
    {
        bool pg = referenceForm == "pg" || currentForm == "pg", ch = referenceForm == "ch" || currentForm == "ch";
        string? file = pg && ch ? CombinedPasswordFile : pg ? Postgres.PasswordFile : ch ? ClickHouse.PasswordFile : null;
        return EngineOptions.Default with { PasswordFile = file, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
    }

    public async Task InitializeAsync()
    {
        var postgres = PostgresServer.StartAsync();
        var clickHouse = ClickHouseCluster.StartAsync();
        try
        {
            _postgres = await postgres;
        }
        finally
        {
            _clickHouse = await clickHouse;
        }
        WriteFiles();
        foreach (var (name, rows) in new[] { ("ref", Reference), ("cur", Current) })
        {
            await Postgres.LoadTableAsync("public.cmp_" + name, ComparisonRows.PostgreSqlColumns,
                Enumerable.Range(0, rows.Count).Select(i => rows.Row(i, booleanAsText: false)));
            await LoadClickHouseAsync("cmp_" + name, rows);
        }
        string pgpass = (await File.ReadAllTextAsync(Postgres.PasswordFile)).TrimEnd('\n');
        string clickHouseEntries = string.Concat(ClickHouse.Nodes.Select(n => string.Create(CultureInfo.InvariantCulture, $"{ClickHouseCluster.Host}:{n.HttpPort}:*:{ClickHouse.User}:{ClickHouse.Password}\n")));
        await File.WriteAllTextAsync(CombinedPasswordFile, $"# PostgreSQL, then ClickHouse\n{pgpass}\n{clickHouseEntries}");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(CombinedPasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>A Distributed table over MergeTree tables on both shards: three fifths of the rows on shard 1, the rest on shard 2.</summary>
    internal async Task LoadClickHouseAsync(string table, ComparisonRows rows)
    {
        await ClickHouse.CreateDistributedTableAsync(table, ComparisonRows.ClickHouseColumns);
        int split = rows.Count * 3 / 5;
        await ClickHouse.InsertAsync(1, table + "_local", Enumerable.Range(0, split).Select(i => rows.Row(i, booleanAsText: true)));
        await ClickHouse.InsertAsync(2, table + "_local", Enumerable.Range(split, rows.Count - split).Select(i => rows.Row(i, booleanAsText: true)));
    }

    /// <summary>CSV, Parquet, hive-partitioned Parquet and a .duckdb file, all written by DuckDB from one typed table per side.</summary>
    private void WriteFiles()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        void Run(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        string Quote(string path) => SqlDialect.DuckDb.QuoteString(path);
        Run($"ATTACH {Quote(Path.Combine(Directory, "data.duckdb"))} AS store");
        foreach (var (name, rows) in new[] { ("ref", Reference), ("cur", Current) })
        {
            string staging = Path.Combine(Directory, name + ".staging.tsv");
            rows.WriteStaging(staging);
            Run($"CREATE TABLE store.{name} AS SELECT * FROM read_csv({Quote(staging)}, delim = '\t', header = true, nullstr = '\\N', "
                + $"allow_quoted_nulls = false, quote = '', escape = '', columns = {ComparisonRows.DuckDbColumns})");
            File.Delete(staging);
            Run($"COPY store.{name} TO {Quote(Path.Combine(Directory, name + ".csv"))} (HEADER)");
            Run($"COPY store.{name} TO {Quote(Path.Combine(Directory, name + ".parquet"))} (FORMAT parquet)");
            Run(string.Create(CultureInfo.InvariantCulture,
                $"COPY (SELECT *, score % 3 AS part FROM store.{name}) TO {Quote(Path.Combine(Directory, name + "_hive"))} (FORMAT parquet, PARTITION_BY (part))"));
        }
        Run("DETACH store");
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_postgres is not null) await _postgres.DisposeAsync();
        }
        finally
        {
            if (_clickHouse is not null) await _clickHouse.DisposeAsync();
            ServerSafetyNet.DeleteDirectory(Directory);
        }
    }
}

/// <summary>The tests that compare across files and real servers (run one after another: some stop a server and restart it).</summary>
[CollectionDefinition(Name)]
public sealed class ComparesDatabases : ICollectionFixture<ComparisonSources>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Comparison across engines";
}
