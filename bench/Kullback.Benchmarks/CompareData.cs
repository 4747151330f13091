using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DuckDB.NET.Data;
using Kullback.Comparison;
using Kullback.Data.Comparison;
using Kullback.Data.Engines;

namespace Kullback.Benchmarks;

/// <summary>
/// <c>compare-data</c>: the speed and memory of <c>kullback compare</c> on 10 columns (5 numeric, 5 categorical) of a
/// reference and a current dataset, run by bench/compare_data.sh beside numpy doing the same histograms. Steps, each
/// its own process so that each peak memory is its own:
/// <list type="bullet">
/// <item><c>generate DIR N</c>: ref.parquet and cur.parquet of N rows each (DuckDB), and with <c>--csv</c> the same as tab-separated text for loading servers.</item>
/// <item><c>files DIR</c>: times <c>DatasetComparer.CompareAsync</c> on the Parquet files (default mode: exact statistics; and
/// <c>--distribution histogram</c>), prints JSON with seconds, peak working set, the per-query profile and the edges.</item>
/// <item><c>export DIR</c>: the columns as raw arrays for numpy (f64 numbers, fixed-width bytes for categories).</item>
/// <item><c>server REFERENCE CURRENT [--password-file F]</c>: times a comparison of two database tables through a loopback
/// proxy that counts the bytes the engine received.</item>
/// </list>
/// </summary>
internal static class CompareData
{
    public static readonly string[] Numeric = ["n_normal", "n_exponential", "n_integer", "n_lognormal", "n_sparse"];
    public static readonly string[] Categorical = ["c_10", "c_100", "c_1000", "c_flag", "c_sparse"];

    public static int Run(string[] args) => RunAsync(args[1..]).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "generate":
                Generate(args[1], long.Parse(args[2], CultureInfo.InvariantCulture), args.Contains("--csv"));
                return 0;
            case "files":
                await FilesAsync(args[1], args.SkipWhile(a => a != "--distribution").Skip(1).FirstOrDefault() ?? "auto");
                return 0;
            case "export":
                Export(args[1]);
                return 0;
            case "queries":
                await CompareDataQueries.RunAsync(args[1], args[2]);
                return 0;
            case "server":
                await ServerAsync(args[1], args[2], args.SkipWhile(a => a != "--password-file").Skip(1).FirstOrDefault());
                return 0;
            default:
                await Console.Error.WriteLineAsync("compare-data generate DIR N [--csv] | files DIR [--distribution auto|histogram] | export DIR | server REF CUR [--password-file F]");
                return 2;
        }
    }

    /// <summary>The data: numbers of five shapes (one with 2% NULL and NaN), categories of 10, 100 and 1000 values, a flag, a sparse one with NULL and empty text; the current side moved a little.</summary>
    private static void Generate(string directory, long n, bool csv)
    {
        Directory.CreateDirectory(directory);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        foreach (var (name, shift, seed) in new[] { ("ref", 0.0, 0.1), ("cur", 0.05, 0.2) })
        {
            string s = shift.ToString("R", CultureInfo.InvariantCulture);
            string select = string.Create(CultureInfo.InvariantCulture, $"""
                SELECT
                  {s} + sqrt(-2 * ln(1 - u1)) * cos(2 * pi() * u2) AS n_normal,
                  -ln(1 - u3) * (1 + {s}) AS n_exponential,
                  CAST(floor(u4 * 1000000) AS BIGINT) AS n_integer,
                  exp(0.5 * sqrt(-2 * ln(1 - u2)) * sin(2 * pi() * u1) + {s}) AS n_lognormal,
                  CASE WHEN u5 < 0.01 THEN NULL WHEN u5 < 0.02 THEN CAST('NaN' AS DOUBLE) ELSE round(u5 * 100 + {s}, 2) END AS n_sparse,
                  'k' || CAST(floor(u1 * 10) AS INTEGER) AS c_10,
                  'h' || CAST(floor(pow(u3, 1 + {s}) * 100) AS INTEGER) AS c_100,
                  't' || CAST(floor(u4 * u5 * 1000) AS INTEGER) AS c_1000,
                  CASE WHEN u2 < 0.3 + {s} THEN 'yes' ELSE 'no' END AS c_flag,
                  CASE WHEN u5 < 0.05 THEN NULL WHEN u5 < 0.1 THEN '' ELSE 's' || CAST(floor(u1 * 7) AS INTEGER) END AS c_sparse
                FROM (SELECT random() AS u1, random() AS u2, random() AS u3, random() AS u4, random() AS u5 FROM range({n}))
                """);
            Execute(connection, $"SELECT setseed({seed.ToString("R", CultureInfo.InvariantCulture)})");
            Execute(connection, $"COPY ({select}) TO '{Path.Combine(directory, name + ".parquet")}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)");
            if (csv)   // tab-separated, \N for NULL, no quoting (empty text stays empty): what PostgreSQL's COPY and ClickHouse's TabSeparated read
                Execute(connection, $"COPY (SELECT * FROM read_parquet('{Path.Combine(directory, name + ".parquet")}')) TO '{Path.Combine(directory, name + ".tsv")}' (HEADER false, DELIMITER '\t', NULLSTR '\\N', QUOTE '')");
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static CompareRequest Request(string reference, string current, DistributionMode mode, string? passwordFile) => new()
    {
        Reference = reference,
        Current = current,
        Columns = [.. Numeric, .. Categorical],
        Distribution = mode,
        Engine = EngineOptions.Default with { PasswordFile = passwordFile, Timeout = TimeSpan.FromHours(1) },
    };

    /// <summary>Times one comparison of the Parquet files and prints its result as JSON (seconds, peak memory, profile, edges, counts).</summary>
    private static async Task FilesAsync(string directory, string distribution)
    {
        var mode = distribution == "histogram" ? DistributionMode.Histogram : DistributionMode.Auto;
        var request = Request(Path.Combine(directory, "ref.parquet"), Path.Combine(directory, "cur.parquet"), mode, null);
        var profile = new Profile();
        var clock = Stopwatch.StartNew();
        var result = await DatasetComparer.CompareAsync(request, profile);
        double seconds = clock.Elapsed.TotalSeconds;
        profile.Report("done");
        using var process = Process.GetCurrentProcess();
        var output = new Dictionary<string, object>
        {
            ["seconds"] = seconds,
            ["peak_working_set_mb"] = process.PeakWorkingSet64 / 1048576.0,
            ["rows"] = result.Reference.Rows,
            ["profile"] = profile.Steps,
            ["edges"] = result.Columns.Where(c => c.Kind == ColumnKind.Numeric).ToDictionary(c => c.Name, c => Edges(c.Histogram)),
            ["reference_counts"] = result.Columns.ToDictionary(c => c.Name, c => c.Histogram.Reference.ToArray()),
            ["current_counts"] = result.Columns.ToDictionary(c => c.Name, c => c.Histogram.Current.ToArray()),
            ["drifted"] = result.Columns.Where(c => c.Verdict.Drifted).Select(c => c.Name).ToArray(),
            // The exact statistics in round-trip digits, so that two runs (of two versions) can be checked for the same bits.
            ["statistics"] = result.Columns.Where(c => c.Distribution?.Exact is not null).ToDictionary(c => c.Name, c => new[]
            {
                c.Distribution!.Exact!.KolmogorovSmirnov.Statistic, c.Distribution.Exact.Wasserstein.Distance, c.Distribution.Exact.CramerVonMises?.Statistic ?? double.NaN,
            }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray()),
        };
        Console.WriteLine(JsonSerializer.Serialize(output));
    }

    /// <summary>The finite edges of a numeric histogram, as np.histogram takes them (its bins are [e₀, e₁) … [e_{k−1}, e_k]).</summary>
    private static double[] Edges(ColumnHistogram histogram) =>
        [.. histogram.Bins.OfType<RangeBin>().Select(b => b.Lower).Where(l => l is not null).Select(l => l!.Value)];

    /// <summary>The columns as raw little-endian arrays: NAME.ref.f64 / NAME.cur.f64 (NULL as NaN), NAME.ref.s16 (16-byte fixed-width text, NULL as empty).</summary>
    private static void Export(string directory)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        foreach (string side in new[] { "ref", "cur" })
        {
            foreach (string column in Numeric)
            {
                using var file = new BinaryWriter(File.Create(Path.Combine(directory, $"{column}.{side}.f64")));
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT CAST({column} AS DOUBLE) FROM read_parquet('{Path.Combine(directory, side + ".parquet")}')";
                command.UseStreamingMode = true;
                using var reader = command.ExecuteReader();
                while (reader.Read()) file.Write(reader.IsDBNull(0) ? double.NaN : reader.GetDouble(0));
            }
            foreach (string column in Categorical)
            {
                using var file = new BinaryWriter(File.Create(Path.Combine(directory, $"{column}.{side}.s16")));
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {column} FROM read_parquet('{Path.Combine(directory, side + ".parquet")}')";
                command.UseStreamingMode = true;
                using var reader = command.ExecuteReader();
                var buffer = new byte[16];
                while (reader.Read())
                {
                    Array.Clear(buffer);
                    if (!reader.IsDBNull(0)) System.Text.Encoding.UTF8.GetBytes(reader.GetString(0), buffer);
                    file.Write(buffer);
                }
            }
        }
    }

    /// <summary>Times a comparison of two tables on a server, counting the bytes the engine read through a loopback proxy.</summary>
    private static async Task ServerAsync(string reference, string current, string? passwordFile)
    {
        var referenceSource = DataSource.Parse(reference);
        await using var proxy = ByteCountingProxy.Start(referenceSource.Host!, referenceSource.Port);
        string Via(string source) => source.Replace(
            string.Create(CultureInfo.InvariantCulture, $"@{referenceSource.Host}:{referenceSource.Port}/"),
            string.Create(CultureInfo.InvariantCulture, $"@127.0.0.1:{proxy.Port}/"), StringComparison.Ordinal);
        string? file = passwordFile;
        if (passwordFile is not null && File.ReadAllText(passwordFile).Split('\n')[0].Split(':').Length == 5)
        {
            // A pgpass file names the port: give the proxy's port the same password.
            file = Path.Combine(Path.GetTempPath(), $"kullback-bench-pgpass-{Environment.ProcessId}");
            string entries = File.ReadAllText(passwordFile);
            File.WriteAllText(file, entries.Replace(string.Create(CultureInfo.InvariantCulture, $":{referenceSource.Port}:"), string.Create(CultureInfo.InvariantCulture, $":{proxy.Port}:"), StringComparison.Ordinal));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var profile = new Profile();
        var clock = Stopwatch.StartNew();
        var result = await DatasetComparer.CompareAsync(Request(Via(reference), Via(current), DistributionMode.Auto, file), profile);
        double seconds = clock.Elapsed.TotalSeconds;
        profile.Report("done");
        if (file != passwordFile && file is not null) File.Delete(file);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["seconds"] = seconds,
            ["bytes_received"] = proxy.BytesToClient,
            ["bytes_sent"] = proxy.BytesToServer,
            ["peak_working_set_mb"] = process.PeakWorkingSet64 / 1048576.0,
            ["rows"] = result.Reference.Rows,
            ["profile"] = profile.Steps,
            ["reference_counts"] = result.Columns.ToDictionary(c => c.Name, c => c.Histogram.Reference.ToArray()),
            ["current_counts"] = result.Columns.ToDictionary(c => c.Name, c => c.Histogram.Current.ToArray()),
        }));
    }

    /// <summary>The time of each step DatasetComparer reports (the step runs until the next report).</summary>
    private sealed class Profile : IProgress<string>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private string? _step;
        private double _start;

        public List<KeyValuePair<string, double>> Steps { get; } = [];

        public void Report(string value)
        {
            double now = _clock.Elapsed.TotalSeconds;
            if (_step is not null) Steps.Add(new(_step, Math.Round(now - _start, 3)));
            _step = value;
            _start = now;
        }
    }

    /// <summary>A TCP proxy on a loopback port that forwards to the server and counts the bytes in each direction.</summary>
    private sealed class ByteCountingProxy : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;
        private long _toClient, _toServer;

        private ByteCountingProxy(string host, int port)
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            _accepting = AcceptAsync(host, port);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public long BytesToClient => Interlocked.Read(ref _toClient);

        public long BytesToServer => Interlocked.Read(ref _toServer);

        public static ByteCountingProxy Start(string host, int port) => new(host, port);

        private async Task AcceptAsync(string host, int port)
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
                catch (OperationCanceledException) { return; }
                _ = Task.Run(async () =>
                {
                    using (client)
                    using (var server = new TcpClient())
                    {
                        await server.ConnectAsync(host, port);
                        var a = Pump(client.GetStream(), server.GetStream(), toServer: true);
                        var b = Pump(server.GetStream(), client.GetStream(), toServer: false);
                        await Task.WhenAny(a, b);
                    }
                });
            }
        }

        private async Task Pump(NetworkStream from, NetworkStream to, bool toServer)
        {
            var buffer = new byte[81920];
            try
            {
                int read;
                while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
                {
                    if (toServer) Interlocked.Add(ref _toServer, read);
                    else Interlocked.Add(ref _toClient, read);
                    await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // A side closed.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _accepting;
            _stop.Dispose();
        }
    }
}

/// <summary>Scratch: times each scan query of one numeric column on the Parquet files.</summary>
internal static class CompareDataQueries
{
    public static async Task RunAsync(string directory, string column)
    {
        var source = DataSource.Parse(Path.Combine(directory, "ref.parquet"));
        var cur = DataSource.Parse(Path.Combine(directory, "cur.parquet"));
        await using var engine = await QueryEngine.OpenAsync(source);
        await using var other = await QueryEngine.OpenAsync(cur);
        var plan = new ColumnPlan(column, ColumnKind.Numeric, ColumnCategory.Real);
        var scan = new SourceScan(engine, [plan]);
        async Task<int> Time(string name, string sql)
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            int rows = 0;
            await foreach (var _ in engine.QueryAsync(sql)) rows++;
            double used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"{name,-24} {clock.Elapsed.TotalSeconds,8:F3} s  {used,8:F3} s CPU  {rows} rows  ({sql.Length} chars)");
            return rows;
        }
        if (Environment.GetEnvironmentVariable("KULLBACK_QUERIES_SQL") is { } file)
        {
            // Scratch: each ;-separated query of the file, {ref} and {cur} being the two sources' FROM clauses.
            foreach (string query in File.ReadAllText(file).Split(";\n").Where(q => q.Trim().Length > 0))
            {
                string sql = query.Replace("{ref}", engine.FromWhere(), StringComparison.Ordinal).Replace("{cur}", other.FromWhere(), StringComparison.Ordinal).Replace("{col}", column, StringComparison.Ordinal);
                var clock = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                int rows = 0;
                await foreach (var row in engine.QueryAsync(sql))
                    if (rows++ == 0) Console.WriteLine(string.Join(" | ", Enumerable.Range(0, row.Columns.Count).Select(i => row[i].ToString())));
                double used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                Console.WriteLine($"{query.Trim()[..Math.Min(30, query.Trim().Length)],-30} {clock.Elapsed.TotalSeconds,8:F3} s  {used,8:F3} s CPU  {rows} rows");
            }
            return;
        }
        if (Environment.GetEnvironmentVariable("KULLBACK_QUERIES_ONLY") == "sorts")
        {
            var p0 = new ColumnPlan(column, ColumnKind.Numeric, ColumnCategory.Real);
            var xs = new double[4096];
            var rs = new long[4096];
            var cs = new long[4096];
            async Task Triples(string name, QueryEngineBase e, string sql)
            {
                var clock = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                long rows = 0;
                await foreach (int k in e.QueryTriplesAsync(sql, xs, rs, cs)) rows += k;
                Console.WriteLine($"{name,-24} {clock.Elapsed.TotalSeconds,8:F3} s  {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,8:F3} s CPU  {rows} rows");
            }
            var ref0 = (QueryEngineBase)engine;
            var cur0 = (QueryEngineBase)other;
            await Triples("pooled", ref0, scan.Queries.Grouped(p0, other.FromWhere(), mostlyDistinct: true));
            string one(IQueryEngine e) => $"SELECT x, CAST(1 AS BIGINT) AS r, CAST(0 AS BIGINT) AS c FROM (SELECT CAST({column} AS DOUBLE) AS x {e.FromWhere()}) WHERE NOT (x IS NULL OR isnan(x)) ORDER BY x";
            await Triples("ref alone", ref0, one(engine));
            await Triples("cur alone", cur0, one(other));
            return;
        }
        if (Environment.GetEnvironmentVariable("KULLBACK_QUERIES_ONLY") == "exact")
        {
            var p0 = new ColumnPlan(column, ColumnKind.Numeric, ColumnCategory.Real);
            string v = $"CAST({column} AS DOUBLE)";
            string pooled = $"SELECT {v} AS x, 0 AS s {engine.FromWhere()} UNION ALL SELECT {v} AS x, 1 AS s {other.FromWhere()}";
            await Time("grouped", scan.Queries.Grouped(p0, other.FromWhere()));
            await Time("sorted", $"SELECT x, s FROM ({pooled}) WHERE NOT (x IS NULL OR isnan(x)) ORDER BY x");
            await Time("sorted count", $"SELECT count(*) FROM (SELECT x, s FROM ({pooled}) WHERE NOT (x IS NULL OR isnan(x)) ORDER BY x)");
            var allPlans = CompareData.Numeric.Select(c => new ColumnPlan(c, ColumnKind.Numeric, ColumnCategory.Real)).Concat(CompareData.Categorical.Select(c => new ColumnPlan(c, ColumnKind.Categorical, ColumnCategory.Text))).ToList();
            string ov = scan.Queries.Overview(allPlans);
            await Time("overview 10", ov);
            await Time("overview 10 no distinct", ov.Replace("count(DISTINCT", "max(", StringComparison.Ordinal));
            await Time("distinct numeric only", $"SELECT {string.Join(", ", CompareData.Numeric.Select(c => $"count(DISTINCT {c})"))} {engine.FromWhere()}");
            await Time("distinct categorical only", $"SELECT {string.Join(", ", CompareData.Categorical.Select(c => $"count(DISTINCT {c})"))} {engine.FromWhere()}");
            await Time("distinct by sort n_normal", $"SELECT count(*) FROM (SELECT DISTINCT n_normal {engine.FromWhere()})");
            return;
        }
        await Time("overview", scan.Queries.Overview([plan]));
        var all = CompareData.Numeric.Select(c => new ColumnPlan(c, ColumnKind.Numeric, ColumnCategory.Real)).Concat(CompareData.Categorical.Select(c => new ColumnPlan(c, ColumnKind.Categorical, ColumnCategory.Text))).ToList();
        string overview = scan.Queries.Overview(all);
        await Time("overview 10", overview);
        await Time("overview 10 approx", overview.Replace("count(DISTINCT", "approx_count_distinct(", StringComparison.Ordinal));
        await Time("overview 10 no distinct", overview.Replace("count(DISTINCT", "max(", StringComparison.Ordinal));
        var all10 = new SourceScan(engine, all);
        await all10.OverviewAsync(default);
        var columnEdges = new List<(ColumnPlan, NumericBinEdges)>();
        foreach (var p in all.Where(p => p.Kind == ColumnKind.Numeric)) columnEdges.Add((p, await all10.EdgesAsync(p, NumericBinningOptions.Default, default)));
        await Time("numeric counts", all10.Queries.NumericCounts(columnEdges));
        foreach (var p in all.Where(p => p.Kind == ColumnKind.Categorical)) await Time("value counts " + p.Name, all10.Queries.ValueCounts(p, 10000));
        await scan.OverviewAsync(default);
        long n = scan.Present(plan);
        long[] ranks = [.. Enumerable.Range(0, 1001).Select(i => SourceScan.TypeOneRank(i, 1000, n)).Distinct()];
        await Time("ranks (window)", scan.Queries.ValuesAtRanks(plan, ranks, n));
        await Time("ranks (quantile)", scan.Queries.Quantiles(plan, [.. ranks.Select(r => (r - 0.5) / n)]));
        var fine = NumericBinning.FromQuantiles(await scan.QuantilesAsync(plan, NumericBinning.QuantileProbabilities(1000), default));
        await Time("fine counts (tree)", scan.Queries.FineCounts(plan, fine.Edges));
        string edges = string.Join(", ", fine.Edges.Select(SqlSpellings.Number));
        await Time("fine counts (asof)", $"SELECT coalesce(b, 0) AS b, count(*) AS n FROM (SELECT CAST({column} AS DOUBLE) AS x {engine.FromWhere($"NOT ({column} IS NULL OR isnan({column}))")}) AS s ASOF LEFT JOIN (SELECT unnest(range(1, {fine.Edges.Length + 1})) AS b, unnest([{edges}]) AS e) AS t ON s.x >= t.e GROUP BY 1 ORDER BY 1");
        await Time("grouped", scan.Queries.Grouped(plan, other.FromWhere()));
    }
}
