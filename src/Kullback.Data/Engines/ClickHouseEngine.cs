using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Kullback.Data.Engines;

/// <summary>
/// ClickHouse over its HTTP interface (any version from 18.16 on): each query is one POST whose result comes back as
/// <c>TabSeparatedWithNamesAndTypes</c>, with the user in <c>X-ClickHouse-User</c> and the password in
/// <c>X-ClickHouse-Key</c> (never in the URL, which servers log).
/// </summary>
/// <remarks>
/// <para>Each query is sent with <c>readonly=2</c> (no writes, settings allowed), <c>max_execution_time</c> = the
/// timeout in whole seconds, a fresh <c>query_id</c>, and <c>wait_end_of_query=1</c>, so that an error found after the
/// first rows still arrives as an HTTP error rather than as text appended to a 200 response. A user whose profile is
/// read-only (readonly=1) may change no setting: on that refusal the engine sends its queries without settings and
/// relies on the client-side deadline. When the deadline passes, the engine also sends <c>KILL QUERY</c> for the
/// query's id (best effort; servers before 19.x do not stop a query when its client goes away).</para>
/// <para>Servers before 19.x send the error code only in the body (<c>Code: 60, e.displayText() = …</c>); newer ones
/// also in the <c>X-ClickHouse-Exception-Code</c> header, which is preferred. Faults are told apart by that code.</para>
/// </remarks>
internal sealed partial class ClickHouseEngine : QueryEngineBase
{
    private const string Format = "TabSeparatedWithNamesAndTypes";
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(2);
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _server;
    private readonly string _user;
    private readonly string? _password;
    private bool _settingsAllowed = true;

    public ClickHouseEngine(DataSource source, EngineOptions options) : base(source, options)
    {
        _user = source.User ?? "default";
        _password = ReadPassword(options, source, _user);
        string host = source.Host!.Contains(':', StringComparison.Ordinal) ? $"[{source.Host}]" : source.Host!;
        _server = $"{host}:{source.Port.ToString(CultureInfo.InvariantCulture)}";
        _endpoint = new Uri($"http://{_server}/");
        var connectTimeout = options.Timeout == Timeout.InfiniteTimeSpan || options.ConnectTimeout < options.Timeout ? options.ConnectTimeout : options.Timeout;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = connectTimeout,
            // Shorter than the server's keep_alive_timeout (3 s by default), so that no request goes out on a connection the server is closing.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(1),
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Relation = SqlDialect.ClickHouse.QuoteTable(source.Table!.Value);
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
        while (true)
        {
            string queryId = Guid.NewGuid().ToString("D");
            HttpResponseMessage response;
            using (var request = BuildRequest(sql, queryId))
            {
                try
                {
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    await KillQueryAsync(queryId).ConfigureAwait(false);
                    throw;
                }
                catch (HttpRequestException e)
                {
                    throw NetworkFault(e);
                }
            }

            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return await Cursor.OpenAsync(response, this, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
            }

            using (response)
            {
                string body = await ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
                var (code, text) = ParseError(response, body);
                if (code == ErrorCodes.Readonly && _settingsAllowed && describing)
                {
                    // A read-only profile refuses every setting, ours included: ask again without them.
                    _settingsAllowed = false;
                    continue;
                }
                throw ServerFault(code, text, describing, (int)response.StatusCode);
            }
        }
    }

    public override ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private HttpRequestMessage BuildRequest(string sql, string queryId)
    {
        var query = new StringBuilder("?database=").Append(Uri.EscapeDataString(Source.Database!))
            .Append("&query_id=").Append(queryId)
            .Append("&wait_end_of_query=1");
        if (_settingsAllowed)
        {
            query.Append("&readonly=2");
            if (Options.Timeout != Timeout.InfiniteTimeSpan)
                query.Append("&max_execution_time=").Append(Math.Ceiling(Options.Timeout.TotalSeconds).ToString("0", CultureInfo.InvariantCulture));
        }
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, query.ToString()))
        {
            Content = new StringContent(sql + "\nFORMAT " + Format, Encoding.UTF8, "text/plain"),
        };
        AddCredentials(request);
        return request;
    }

    private void AddCredentials(HttpRequestMessage request)
    {
        request.Headers.Add("X-ClickHouse-User", _user);
        if (_password is not null) request.Headers.Add("X-ClickHouse-Key", _password);
    }

    /// <summary>Asks the server to stop a query whose client gave up (best effort, short, never throws).</summary>
    private async Task KillQueryAsync(string queryId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(KillTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
            {
                Content = new StringContent($"KILL QUERY WHERE query_id = {SqlDialect.ClickHouse.QuoteString(queryId)} ASYNC", Encoding.UTF8, "text/plain"),
            };
            AddCredentials(request);
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // The server may be gone or the user may not kill queries; the server's max_execution_time still applies.
        }
    }

    private static async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return body.Length > 4096 ? body[..4096] : body;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return "";
        }
    }

    /// <summary>The error code (header, else the body's <c>Code: N</c>; −1 when neither) and the server's message.</summary>
    internal static (int Code, string Text) ParseError(HttpResponseMessage? response, string body)
    {
        int code = -1;
        if (response is not null && response.Headers.TryGetValues("X-ClickHouse-Exception-Code", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out int headerCode))
            code = headerCode;
        var match = ErrorPattern().Match(body);
        if (match.Success)
        {
            if (code < 0) code = int.Parse(match.Groups["code"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            string text = match.Groups["text"].Value;
            text = text.Replace("e.displayText() = ", "", StringComparison.Ordinal);
            int what = text.IndexOf(", e.what() = ", StringComparison.Ordinal);
            if (what >= 0) text = text[..what];
            text = text.Replace("DB::Exception: ", "", StringComparison.Ordinal).Trim();
            return (code, EngineText.OneLine(text));
        }
        return (code, EngineText.OneLine(body));
    }

    [GeneratedRegex(@"^\s*Code:\s*(?<code>\d+)[,.]\s*(?<text>.*)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ErrorPattern();

    private InvalidInputException ServerFault(int code, string text, bool describing, int status)
    {
        string user = InputText.Quote(_user);
        return code switch
        {
            ErrorCodes.UnknownUser => Fault($"ClickHouse at {_server} has no user {user}"),
            ErrorCodes.WrongPassword => Fault($"ClickHouse at {_server} refused the password for user {user}"),
            ErrorCodes.RequiredPassword => Fault($"ClickHouse at {_server} requires a password for user {user} and none was given (set CLICKHOUSE_PASSWORD or give a password file)"),
            ErrorCodes.AuthenticationFailed => Fault($"ClickHouse at {_server} refused the user name or password for user {user}"),
            ErrorCodes.IpAddressNotAllowed => Fault($"ClickHouse at {_server} does not accept user {user} from this address"),
            ErrorCodes.UnknownTable when describing => Fault($"table {TableText} does not exist"),
            ErrorCodes.UnknownDatabase when describing => Fault($"database {InputText.Quote(Source.Table!.Value.Schema ?? Source.Database)} does not exist"),
            ErrorCodes.DatabaseAccessDenied or ErrorCodes.AccessDenied => Fault($"user {user} may not read table {TableText}: {text}"),
            ErrorCodes.TimeoutExceeded => TimeoutFault(),
            ErrorCodes.QueryWasCancelled => Fault($"the query was cancelled on the server: {text}"),
            ErrorCodes.NetworkError or ErrorCodes.SocketTimeout or ErrorCodes.AllConnectionTriesFailed or ErrorCodes.AttemptToReadAfterEof
                or ErrorCodes.CannotReadAllData or ErrorCodes.UnexpectedPacketFromServer
                => Fault($"ClickHouse lost a shard during the scan: {text}"),
            ErrorCodes.MemoryLimitExceeded => Fault($"ClickHouse ran past its memory limit: {text}"),
            >= 0 => Fault($"ClickHouse rejected the query: {text}"),
            _ when status is 401 or 403 => Fault($"ClickHouse at {_server} refused user {user}: {text}"),
            _ => Fault($"ClickHouse at {_server} answered HTTP {status.ToString(CultureInfo.InvariantCulture)}: {text}"),
        };
    }

    private InvalidInputException NetworkFault(Exception e)
    {
        var error = e switch
        {
            HttpRequestException request => request.HttpRequestError,
            HttpIOException io => io.HttpRequestError,
            _ => HttpRequestError.Unknown,
        };
        return error switch
        {
            HttpRequestError.ConnectionError when Find<SocketException>(e) is { } socket
                => Fault($"ClickHouse at {_server} is not reachable ({SocketProblem(socket)})", e),
            HttpRequestError.ConnectionError => Fault($"ClickHouse at {_server} is not reachable", e),
            HttpRequestError.NameResolutionError => Fault($"ClickHouse at {_server} is not reachable (the host name does not resolve)", e),
            HttpRequestError.ResponseEnded => Fault("the server closed the connection during the scan", e),
            _ when Find<IOException>(e) is not null || Find<SocketException>(e) is not null
                => Fault("the server closed the connection during the scan", e),
            _ => Fault($"ClickHouse at {_server} could not be asked: {EngineText.OneLine(e.Message)}", e),
        };
    }

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T found) return found;
        }
        return null;
    }

    private static string SocketProblem(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "the host name does not resolve",
        SocketError.TimedOut => "no answer",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "no route to the host",
        _ => socket.SocketErrorCode.ToString(),
    };

    /// <summary>
    /// The password: from the password file — the password alone on its first line, or, when its first entry has the
    /// five fields of a pgpass line, the first <c>host:port:database:user:password</c> entry that matches this source
    /// (<c>*</c> matches anything, <c>\:</c> and <c>\\</c> are a colon and a backslash), so that one pgpass file serves a
    /// comparison of PostgreSQL with ClickHouse — else from CLICKHOUSE_PASSWORD.
    /// </summary>
    private static string? ReadPassword(EngineOptions options, DataSource source, string user)
    {
        if (options.PasswordFile is { } file)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidArgumentException($"The password file {InputText.Quote(file, 80)} cannot be read: {EngineText.OneLine(e.Message)}", nameof(options), e);
            }
            string[] lines = text.Split('\n');
            var entries = lines.Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && l[0] != '#').ToList();
            if (entries.Count > 0 && PgPassFields(entries[0]) is not null)
            {
                string port = source.Port.ToString(CultureInfo.InvariantCulture);
                foreach (string entry in entries)
                {
                    if (PgPassFields(entry) is not { } f) continue;
                    if (Matches(f[0], source.Host!) && Matches(f[1], port) && Matches(f[2], source.Database!) && Matches(f[3], user)) return f[4];
                }
                return null;
            }
            int end = text.IndexOfAny(['\r', '\n']);
            return end < 0 ? text : text[..end];
        }
        return Environment.GetEnvironmentVariable("CLICKHOUSE_PASSWORD");

        static bool Matches(string pattern, string value) => pattern == "*" || string.Equals(pattern, value, StringComparison.Ordinal);
    }

    /// <summary>The five fields of a pgpass line (<c>\:</c> and <c>\\</c> unescaped), or null when it has another number.</summary>
    internal static string[]? PgPassFields(string line)
    {
        var fields = new List<string>(5);
        var field = new StringBuilder();
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '\\' && i + 1 < line.Length) field.Append(line[++i]);
            else if (c == ':') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.Count == 5 ? [.. fields] : null;
    }

    /// <summary>The server error codes the engine tells apart (ClickHouse's ErrorCodes.cpp).</summary>
    private static class ErrorCodes
    {
        public const int AttemptToReadAfterEof = 32;
        public const int CannotReadAllData = 33;
        public const int UnknownTable = 60;
        public const int UnknownDatabase = 81;
        public const int UnexpectedPacketFromServer = 102;
        public const int TimeoutExceeded = 159;
        public const int Readonly = 164;
        public const int UnknownUser = 192;
        public const int WrongPassword = 193;
        public const int RequiredPassword = 194;
        public const int IpAddressNotAllowed = 195;
        public const int SocketTimeout = 209;
        public const int NetworkError = 210;
        public const int MemoryLimitExceeded = 241;
        public const int AllConnectionTriesFailed = 279;
        public const int DatabaseAccessDenied = 291;
        public const int QueryWasCancelled = 394;
        public const int AccessDenied = 497;
        public const int AuthenticationFailed = 516;
    }

    private sealed class Cursor : IResultCursor
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;
        private readonly ClickHouseEngine _engine;
        private readonly string[] _types;

        private Cursor(HttpResponseMessage response, StreamReader reader, ClickHouseEngine engine, IReadOnlyList<ResultColumn> columns, string[] types)
        {
            _response = response;
            _reader = reader;
            _engine = engine;
            Columns = columns;
            _types = types;
        }

        public IReadOnlyList<ResultColumn> Columns { get; }

        public static async Task<Cursor> OpenAsync(HttpResponseMessage response, ClickHouseEngine engine, CancellationToken cancellationToken)
        {
            Stream stream;
            try
            {
                stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                throw engine.NetworkFault(e);
            }
            var reader = new StreamReader(stream, Encoding.UTF8);
            try
            {
                string? names = await engine.ReadLineAsync(reader, cancellationToken).ConfigureAwait(false);
                string? types = await engine.ReadLineAsync(reader, cancellationToken).ConfigureAwait(false);
                if (names is null || types is null)
                    throw engine.Fault("the server closed the connection during the scan (the result ended before its header)");
                var nameFields = ClickHouseTabSeparated.SplitLine(names);
                var typeFields = ClickHouseTabSeparated.SplitLine(types);
                if (nameFields.Count != typeFields.Count)
                    throw engine.Fault("ClickHouse sent a result whose header has as many names as types");
                var columns = new ResultColumn[nameFields.Count];
                var typeNames = new string[nameFields.Count];
                for (int i = 0; i < columns.Length; i++)
                {
                    typeNames[i] = typeFields[i] ?? "";
                    columns[i] = new ResultColumn(nameFields[i] ?? "", typeNames[i], ClickHouseTabSeparated.Category(typeNames[i]));
                }
                return new Cursor(response, reader, engine, columns, typeNames);
            }
            catch
            {
                reader.Dispose();
                throw;
            }
        }

        public async ValueTask<ResultRow?> ReadAsync(CancellationToken cancellationToken)
        {
            string? line = await _engine.ReadLineAsync(_reader, cancellationToken).ConfigureAwait(false);
            if (line is null) return null;
            var fields = ClickHouseTabSeparated.SplitLine(line);
            if (fields.Count != Columns.Count)
                throw BadRow(line);
            var values = new ResultValue[fields.Count];
            try
            {
                for (int i = 0; i < values.Length; i++)
                    values[i] = ClickHouseTabSeparated.ParseValue(fields[i], _types[i]);
            }
            catch (FormatException)
            {
                throw BadRow(line);
            }
            return new ResultRow(Columns, values);
        }

        private InvalidInputException BadRow(string line)
        {
            if (line.StartsWith("Code: ", StringComparison.Ordinal))
            {
                var (code, text) = ParseError(null, line);
                return _engine.ServerFault(code, text, describing: false, status: 200);
            }
            return _engine.Fault($"ClickHouse sent a row that does not fit the result's types: {InputText.Quote(line, 80)}");
        }

        public ValueTask DisposeAsync()
        {
            _reader.Dispose();
            _response.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw NetworkFault(e);
        }
    }
}
