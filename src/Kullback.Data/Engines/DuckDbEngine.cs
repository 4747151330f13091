using System.Data;
using System.Data.Common;
using DuckDB.NET.Data;

namespace Kullback.Data.Engines;

/// <summary>
/// Embedded DuckDB: file sources through <c>read_csv_auto</c>, <c>read_parquet</c> and <c>read_json_auto</c> in an
/// in-memory database, and tables of a DuckDB database file opened read-only.
/// </summary>
/// <remarks>
/// DuckDB.NET runs queries synchronously, so each runs on a pool thread; cancellation and the timeout interrupt it
/// through <c>duckdb_interrupt</c> (<see cref="DuckDBCommand.Cancel"/>), repeated until the query returns, because an
/// interrupt that arrives before execution starts is forgotten. Results are streamed (DuckDB.NET's streaming mode):
/// a long result, such as the pooled sorted values of the exact two-sample statistics, is fetched chunk by chunk and
/// never held whole, and a read that waits for the next chunk is interrupted in the same way. Insertion order is not
/// preserved (<c>preserve_insertion_order=false</c>): every query that needs an order says ORDER BY, and DuckDB then
/// keeps less in memory. Memory is limited to <see cref="DefaultMemoryLimit"/> unless configured; what outgrows it
/// spills to a directory of the engine's own under the system's temporary directory, removed when the engine is disposed. Extensions are never downloaded (<c>autoinstall_known_extensions=false</c>); CSV, Parquet and
/// JSON are built into the library.
/// </remarks>
internal sealed class DuckDbEngine : QueryEngineBase
{
    private static readonly TimeSpan InterruptInterval = TimeSpan.FromMilliseconds(20);
    private readonly DuckDBConnection _connection;
    private readonly string? _ownTempDirectory;
    private bool _opened;

    /// <summary>
    /// DuckDB's memory limit unless <see cref="EngineOptions.MemoryLimit"/> or the environment variable
    /// <see cref="MemoryLimitVariable"/> gives one: 2 GB, where DuckDB's own default is 80% of RAM. Past it sorts and
    /// hash tables spill to the temporary directory. The exact pass of a comparison of 2·10⁷ rows per side sorts 4·10⁷
    /// values within it (1.2 GB resident); under 1 GB that sort failed with Out of Memory rather than spilling (DuckDB 1.5).
    /// </summary>
    public const string DefaultMemoryLimit = "2GB";

    /// <summary>The environment variable that sets DuckDB's memory limit in its notation (<c>4GB</c>, <c>512MiB</c>) when the options do not.</summary>
    public const string MemoryLimitVariable = "KULLBACK_DUCKDB_MEMORY_LIMIT";

    private static string? EnvironmentMemoryLimit() =>
        Environment.GetEnvironmentVariable(MemoryLimitVariable) is { } text && !string.IsNullOrWhiteSpace(text) ? MemoryLimitText.Check(text, MemoryLimitVariable) : null;

    /// <summary>The memory limit this engine runs under, as written.</summary>
    private readonly string _memoryLimit;

    /// <summary>The memory limit in bytes.</summary>
    internal double MemoryLimitBytes { get; }

    public DuckDbEngine(DataSource source, EngineOptions options) : base(source, options)
    {
        var builder = new DuckDBConnectionStringBuilder
        {
            DataSource = source.Kind == SourceKind.DuckDbDatabase ? source.Path! : DuckDBConnectionStringBuilder.InMemoryDataSource,
        };
        builder["autoinstall_known_extensions"] = "false";
        builder["preserve_insertion_order"] = "false";
        if (source.Kind == SourceKind.DuckDbDatabase) builder["access_mode"] = "READ_ONLY";
        if (options.Threads is { } threads) builder["threads"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _memoryLimit = options.MemoryLimit ?? EnvironmentMemoryLimit() ?? DefaultMemoryLimit;
        MemoryLimitBytes = MemoryLimitText.Bytes(_memoryLimit, null);
        builder["memory_limit"] = _memoryLimit;
        if (options.TempDirectory is { } temp)
        {
            builder["temp_directory"] = temp;
        }
        else
        {
            // A directory of this engine's own, created by DuckDB when it first spills and removed on disposal.
            _ownTempDirectory = Path.Combine(Path.GetTempPath(), "kullback-duckdb-" + Guid.NewGuid().ToString("N"));
            builder["temp_directory"] = _ownTempDirectory;
        }
        _connection = new DuckDBConnection(builder.ConnectionString);
        Relation = source.Kind == SourceKind.DuckDbDatabase
            ? SqlDialect.DuckDb.QuoteTable(source.Table!.Value)
            : FileRelation(source);
    }

    public override string Relation { get; }

    private static string FileRelation(DataSource source)
    {
        string path = SqlDialect.DuckDb.QuoteString(source.Path!);
        return source.Format switch
        {
            FileFormat.Parquet => $"read_parquet({path})",
            FileFormat.Json => $"read_json_auto({path})",
            _ => $"read_csv_auto({path})",
        };
    }

    protected override async Task<IReadOnlyList<ResultColumn>> DescribeAsync(CancellationToken cancellationToken)
    {
        await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        if (Source.Kind == SourceKind.Files)
        {
            long matches = await ScalarAsync($"SELECT count(*) FROM glob({SqlDialect.DuckDb.QuoteString(Source.Path!)})", cancellationToken).ConfigureAwait(false);
            if (matches == 0)
                throw Fault(Source.Path!.AsSpan().IndexOfAny("*?[") >= 0 ? "no file matches the pattern" : "the file does not exist");
        }
        else
        {
            var table = Source.Table!.Value;
            string schema = SqlDialect.DuckDb.QuoteString(table.Schema ?? "main");
            string name = SqlDialect.DuckDb.QuoteString(table.Name);
            long found = await ScalarAsync(
                $"SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database() AND lower(table_schema) = lower({schema}) AND lower(table_name) = lower({name})",
                cancellationToken).ConfigureAwait(false);
            if (found == 0)
                throw Fault($"table {InputText.Quote(table.ToString())} does not exist");
        }

        var columns = new List<ResultColumn>();
        var cursor = await StartAsync($"DESCRIBE SELECT * FROM {Relation}", cancellationToken).ConfigureAwait(false);
        await using (cursor.ConfigureAwait(false))
        {
            while (await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) is { } row)
            {
                string type = row.GetString(1);
                columns.Add(new ResultColumn(row.GetString(0), type, DuckDbTypes.Category(type)));
            }
        }
        return columns;
    }

    protected override async Task<IResultCursor> StartAsync(string sql, CancellationToken cancellationToken)
    {
        await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.UseStreamingMode = true;
        try
        {
            var reader = await RunInterruptibly(command, () => command.ExecuteReader(), cancellationToken).ConfigureAwait(false);
            return new Cursor(command, reader, this, cancellationToken);
        }
        catch
        {
            await command.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            RemoveOwnTempDirectory();
        }
    }

    /// <summary>Removes the spill directory this engine chose (nothing is left behind, also after a failure or a cancel).</summary>
    private void RemoveOwnTempDirectory()
    {
        if (_ownTempDirectory is null || !Directory.Exists(_ownTempDirectory)) return;
        try
        {
            Directory.Delete(_ownTempDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Still held (another process cannot hold it: the name is this engine's own); left to the system's cleaning of /tmp.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    /// <summary>A query DuckDB could not run; out of memory, with the limit and how to raise it.</summary>
    private InvalidInputException QueryFault(DuckDBException e)
    {
        string message = EngineText.OneLine(e.Message);
        if (message.Contains("Out of Memory", StringComparison.OrdinalIgnoreCase))
            message += $" (the memory limit is {_memoryLimit}: raise it with --memory-limit or {MemoryLimitVariable})";
        return Fault($"DuckDB could not run the query: {message}", e);
    }

    private async Task EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (_opened) return;
        if (Source.Kind == SourceKind.DuckDbDatabase && !File.Exists(Source.Path))
            throw Fault("the DuckDB database file does not exist");
        try
        {
            await Task.Run(_connection.Open, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e)
        {
            throw Fault($"DuckDB could not open the source: {EngineText.OneLine(e.Message)}", e);
        }
        catch (InvalidOperationException e)
        {
            // DuckDB.NET refuses unknown or invalid configuration options this way.
            throw Fault($"DuckDB could not open the source: {EngineText.OneLine(e.Message)}", e);
        }
        _opened = true;
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        object? value = await RunInterruptibly(command, command.ExecuteScalar, cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a synchronous DuckDB call on a pool thread; cancellation interrupts it until it returns.</summary>
    private async Task<T> RunInterruptibly<T>(DuckDBCommand command, Func<T> call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var work = Task.Run(call, CancellationToken.None);
        using (cancellationToken.Register(() => _ = InterruptUntilDone(command, work)))
        {
            try
            {
                return await work.ConfigureAwait(false);
            }
            catch (DuckDBException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw QueryFault(e);
            }
        }
    }

    private static async Task InterruptUntilDone(DuckDBCommand command, Task work)
    {
        while (!work.IsCompleted)
        {
            try { command.Cancel(); }
            catch (InvalidOperationException) { return; }
            await Task.WhenAny(work, Task.Delay(InterruptInterval)).ConfigureAwait(false);
        }
    }

    private sealed class Cursor : IResultCursor
    {
        private readonly DuckDBCommand _command;
        private readonly DuckDBDataReader _reader;
        private readonly DuckDbEngine _engine;
        private readonly Type[] _types;
        private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration _interrupt;

        /// <param name="command">The command, disposed with the cursor.</param>
        /// <param name="reader">The streamed result.</param>
        /// <param name="engine">The engine, for its faults.</param>
        /// <param name="cancellationToken">Interrupts a read that is waiting for DuckDB's next chunk.</param>
        public Cursor(DuckDBCommand command, DuckDBDataReader reader, DuckDbEngine engine, CancellationToken cancellationToken)
        {
            _command = command;
            _reader = reader;
            _engine = engine;
            var columns = new ResultColumn[reader.FieldCount];
            _types = new Type[columns.Length];
            for (int i = 0; i < columns.Length; i++)
            {
                _types[i] = reader.GetFieldType(i);
                columns[i] = new ResultColumn(reader.GetName(i), reader.GetDataTypeName(i), ClrValues.Category(_types[i]));
            }
            Columns = columns;
            _interrupt = cancellationToken.Register(() => _ = InterruptUntilDone(command, _closed.Task));
        }

        public IReadOnlyList<ResultColumn> Columns { get; }

        public ValueTask<ResultRow?> ReadAsync(CancellationToken cancellationToken)
        {
            // Streamed: most reads copy from the current chunk; one at a chunk's end waits for DuckDB to produce the next.
            cancellationToken.ThrowIfCancellationRequested();
            bool more;
            try
            {
                more = _reader.Read();
            }
            catch (DuckDBException e)
            {
                throw _engine.QueryFault(e);
            }
            if (!more) return ValueTask.FromResult<ResultRow?>(null);
            var values = new ResultValue[Columns.Count];
            for (int i = 0; i < values.Length; i++)
                values[i] = ReadValue(i);
            return ValueTask.FromResult<ResultRow?>(new ResultRow(Columns, values));
        }

        /// <summary>The rows straight from DuckDB's reader when they are (DOUBLE or BIGINT, BIGINT, BIGINT), else row by row.</summary>
        public ValueTask<int> ReadTriplesAsync(double[] x, long[] a, long[] b, CancellationToken cancellationToken)
        {
            if (_types.Length != 3 || _types[1] != typeof(long) || _types[2] != typeof(long) || (_types[0] != typeof(double) && _types[0] != typeof(long)))
                return IResultCursor.ReadTriplesByRowsAsync(this, x, a, b, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            bool doubles = _types[0] == typeof(double);
            int n = 0;
            try
            {
                while (n < x.Length && _reader.Read())
                {
                    if (_reader.IsDBNull(0) || _reader.IsDBNull(1) || _reader.IsDBNull(2))
                        throw _engine.Fault("DuckDB returned NULL where the query has a number.");
                    x[n] = doubles ? _reader.GetDouble(0) : _reader.GetInt64(0);
                    a[n] = _reader.GetInt64(1);
                    b[n] = _reader.GetInt64(2);
                    n++;
                }
            }
            catch (DuckDBException e)
            {
                throw _engine.QueryFault(e);
            }
            return ValueTask.FromResult(n);
        }

        private ResultValue ReadValue(int ordinal)
        {
            if (_reader.IsDBNull(ordinal)) return ResultValue.Null;
            // The common numbers read without boxing (a long result, such as the pooled values and counts, is mostly these).
            var type = _types[ordinal];
            if (type == typeof(double)) return ResultValue.FromDouble(_reader.GetDouble(ordinal));
            if (type == typeof(long)) return ResultValue.FromInt64(_reader.GetInt64(ordinal));
            if (type == typeof(decimal))
            {
                try { return ResultValue.FromDecimal(_reader.GetDecimal(ordinal)); }
                catch (OverflowException) { return ResultValue.FromDouble(_reader.GetDouble(ordinal)); }
            }
            return ClrValues.ToResultValue(_reader.GetValue(ordinal));
        }

        public async ValueTask DisposeAsync()
        {
            await _interrupt.DisposeAsync().ConfigureAwait(false);
            _closed.TrySetResult();
            await _reader.DisposeAsync().ConfigureAwait(false);
            await _command.DisposeAsync().ConfigureAwait(false);
        }
    }
}
