using System.Globalization;
using System.Net.Sockets;
using Npgsql;

namespace Kullback.Data.Engines;

/// <summary>
/// PostgreSQL through Npgsql: one pooled data source per engine, sessions read-only
/// (<c>default_transaction_read_only</c>), the password from PGPASSWORD or a pgpass file, never from the source.
/// </summary>
/// <remarks>
/// The timeout is enforced twice: by cancelling the command when the deadline passes (Npgsql sends PostgreSQL a
/// cancel request) and by <c>statement_timeout</c>, one second later, in case the client is gone. Faults are told
/// apart by SQLSTATE (<see cref="PostgresException.SqlState"/>) and by the exception Npgsql wraps, never by message text.
/// </remarks>
internal sealed class PostgreSqlEngine : QueryEngineBase
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _server;
    private readonly string _user;

    public PostgreSqlEngine(DataSource source, EngineOptions options) : base(source, options)
    {
        _user = source.User ?? Environment.GetEnvironmentVariable("PGUSER") ?? Environment.UserName;
        _server = source.Host!.Contains(':', StringComparison.Ordinal)
            ? $"[{source.Host}]:{source.Port.ToString(CultureInfo.InvariantCulture)}"
            : $"{source.Host}:{source.Port.ToString(CultureInfo.InvariantCulture)}";
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = source.Host,
            Port = source.Port,
            Database = source.Database,
            Username = _user,
            ApplicationName = "kullback",
            Timeout = (int)Math.Clamp(Math.Ceiling(Min(options.ConnectTimeout, options.Timeout).TotalSeconds), 1, 1024),
            CommandTimeout = 0,
            Pooling = true,
            MaxPoolSize = 4,
            Options = StatementOptions(options.Timeout),
        };
        if (options.PasswordFile is { } passFile) builder.Passfile = passFile;
        if (source.SslMode is { } sslMode) builder.SslMode = ParseSslMode(sslMode);
        _dataSource = NpgsqlDataSource.Create(builder);
        Relation = SqlDialect.PostgreSql.QuoteTable(source.Table!.Value);
    }

    public override string Relation { get; }

    private string TableText => InputText.Quote(Source.Table!.Value.ToString());

    protected override async Task<IReadOnlyList<ResultColumn>> DescribeAsync(CancellationToken cancellationToken)
    {
        var cursor = await StartAsync($"SELECT * FROM {Relation} LIMIT 0", describing: true, cancellationToken).ConfigureAwait(false);
        await using (cursor.ConfigureAwait(false))
        {
            return cursor.Columns;
        }
    }

    protected override Task<IResultCursor> StartAsync(string sql, CancellationToken cancellationToken) =>
        StartAsync(sql, describing: false, cancellationToken);

    private async Task<IResultCursor> StartAsync(string sql, bool describing, CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException && !cancellationToken.IsCancellationRequested)
        {
            throw ConnectFault(e);
        }

        NpgsqlCommand? command = null;
        try
        {
            command = new NpgsqlCommand(sql, connection);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return new Cursor(connection, command, reader, this);
        }
        catch (Exception e)
        {
            if (command is not null) await command.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
            if (e is NpgsqlException npgsql && !cancellationToken.IsCancellationRequested)
                throw QueryFault(npgsql, describing);
            throw;
        }
    }

    public override async ValueTask DisposeAsync() => await _dataSource.DisposeAsync().ConfigureAwait(false);

    private InvalidInputException ConnectFault(Exception e)
    {
        if (e is PostgresException pg)
        {
            return pg.SqlState switch
            {
                PostgresErrorCodes.InvalidPassword => Fault($"PostgreSQL at {_server} refused the password for user {InputText.Quote(_user)}", e),
                PostgresErrorCodes.InvalidAuthorizationSpecification => Fault($"PostgreSQL at {_server} refused user {InputText.Quote(_user)}: {EngineText.OneLine(pg.MessageText)}", e),
                PostgresErrorCodes.InvalidCatalogName => Fault($"PostgreSQL at {_server} has no database {InputText.Quote(Source.Database)}", e),
                PostgresErrorCodes.InsufficientPrivilege => Fault($"user {InputText.Quote(_user)} may not connect to database {InputText.Quote(Source.Database)}: {EngineText.OneLine(pg.MessageText)}", e),
                PostgresErrorCodes.CannotConnectNow => Fault($"PostgreSQL at {_server} is starting up or shutting down", e),
                PostgresErrorCodes.TooManyConnections => Fault($"PostgreSQL at {_server} has too many connections: {EngineText.OneLine(pg.MessageText)}", e),
                _ => Fault($"PostgreSQL at {_server} refused the connection ({pg.SqlState}): {EngineText.OneLine(pg.MessageText)}", e),
            };
        }
        return e.InnerException switch
        {
            SocketException socket => Fault($"PostgreSQL at {_server} is not reachable ({SocketProblem(socket)})", e),
            TimeoutException => Fault($"PostgreSQL at {_server} did not answer within the {Durations.Describe(Min(Options.ConnectTimeout, Options.Timeout))} connect timeout", e),
            IOException => Fault($"PostgreSQL at {_server} closed the connection while logging in user {InputText.Quote(_user)}", e),
            _ => Fault($"PostgreSQL at {_server} could not log in user {InputText.Quote(_user)}: {EngineText.OneLine(e.Message)}{PasswordHint()}", e),
        };
    }

    private InvalidInputException QueryFault(NpgsqlException e, bool describing)
    {
        if (e is PostgresException pg)
        {
            string text = EngineText.OneLine(pg.MessageText);
            return pg.SqlState switch
            {
                PostgresErrorCodes.UndefinedTable when describing => Fault($"table {TableText} does not exist", e),
                PostgresErrorCodes.InvalidSchemaName when describing => Fault($"table {TableText} does not exist (no such schema)", e),
                PostgresErrorCodes.InsufficientPrivilege => Fault($"user {InputText.Quote(_user)} may not read table {TableText}: {text}", e),
                PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                    => Fault("the server closed the connection during the scan (PostgreSQL is shutting down)", e),
                PostgresErrorCodes.QueryCanceled => Fault($"the query was cancelled on the server: {text}", e),
                _ when pg.SqlState.StartsWith("53", StringComparison.Ordinal) => Fault($"PostgreSQL ran out of resources: {text}", e),
                _ when pg.SqlState.StartsWith("42", StringComparison.Ordinal) || pg.SqlState.StartsWith("22", StringComparison.Ordinal)
                    => Fault($"PostgreSQL rejected the query: {text}", e),
                _ => Fault($"PostgreSQL failed the query ({pg.SqlState}): {text}", e),
            };
        }
        if (IsBrokenConnection(e))
            return Fault("the server closed the connection during the scan", e);
        return Fault($"PostgreSQL failed the query: {EngineText.OneLine(e.Message)}", e);
    }

    private InvalidInputException ReadFault(Exception e) =>
        e is NpgsqlException npgsql ? QueryFault(npgsql, describing: false)
        : Fault($"PostgreSQL failed the query: {EngineText.OneLine(e.Message)}", e);

    private static bool IsBrokenConnection(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is IOException or SocketException or EndOfStreamException or ObjectDisposedException) return true;
        }
        return false;
    }

    private static string PasswordHint() =>
        Environment.GetEnvironmentVariable("PGPASSWORD") is null
            ? " (a password comes from PGPASSWORD or a pgpass file: ~/.pgpass, PGPASSFILE or the password-file option)"
            : "";

    private static string SocketProblem(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "the host name does not resolve",
        SocketError.TimedOut => "no answer",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "no route to the host",
        _ => socket.SocketErrorCode.ToString(),
    };

    private static string StatementOptions(TimeSpan timeout)
    {
        string options = "-c default_transaction_read_only=on";
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            double milliseconds = Math.Min(timeout.TotalMilliseconds + 1000, int.MaxValue);
            options += string.Create(CultureInfo.InvariantCulture, $" -c statement_timeout={milliseconds:0}");
        }
        return options;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) =>
        b == System.Threading.Timeout.InfiniteTimeSpan ? a : a == System.Threading.Timeout.InfiniteTimeSpan ? b : a < b ? a : b;

    private static SslMode ParseSslMode(string mode) => mode switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        _ => SslMode.VerifyFull,
    };

    private sealed class Cursor : IResultCursor
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlCommand _command;
        private readonly NpgsqlDataReader _reader;
        private readonly PostgreSqlEngine _engine;
        private readonly bool[] _numeric;

        public Cursor(NpgsqlConnection connection, NpgsqlCommand command, NpgsqlDataReader reader, PostgreSqlEngine engine)
        {
            _connection = connection;
            _command = command;
            _reader = reader;
            _engine = engine;
            var columns = new ResultColumn[reader.FieldCount];
            _numeric = new bool[columns.Length];
            for (int i = 0; i < columns.Length; i++)
            {
                var type = reader.GetFieldType(i);
                _numeric[i] = type == typeof(decimal);
                columns[i] = new ResultColumn(reader.GetName(i), reader.GetDataTypeName(i), ClrValues.Category(type));
            }
            Columns = columns;
        }

        public IReadOnlyList<ResultColumn> Columns { get; }

        public async ValueTask<ResultRow?> ReadAsync(CancellationToken cancellationToken)
        {
            try
            {
                if (!await _reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            }
            catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw _engine.ReadFault(e);
            }
            var values = new ResultValue[Columns.Count];
            for (int i = 0; i < values.Length; i++)
                values[i] = ReadValue(i);
            return new ResultRow(Columns, values);
        }

        private ResultValue ReadValue(int ordinal)
        {
            if (_reader.IsDBNull(ordinal)) return ResultValue.Null;
            if (_numeric[ordinal])
            {
                // numeric holds more than decimal: integers beyond 28 digits come back through BigInteger; NaN,
                // ±Infinity and long fractions Npgsql cannot read as any .NET number, so the query must cast them.
                try { return ResultValue.FromDecimal(_reader.GetDecimal(ordinal)); }
                catch (Exception e) when (e is InvalidCastException or OverflowException) { }
                try { return ResultValue.FromBigInteger(_reader.GetFieldValue<System.Numerics.BigInteger>(ordinal)); }
                catch (Exception e) when (e is InvalidCastException or OverflowException)
                {
                    throw _engine.Fault(
                        $"PostgreSQL sent a numeric value in column {InputText.Quote(Columns[ordinal].Name)} that is NaN, infinite or too precise for a .NET number; cast it to double precision in the query", e);
                }
            }
            return ClrValues.ToResultValue(_reader.GetValue(ordinal));
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await _reader.DisposeAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The connection broke while the rest of the result was discarded; the fault was already reported.
            }
            await _command.DisposeAsync().ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
