using System.Globalization;

namespace Kullback.Data.Engines;

/// <summary>
/// A tabular source as the user names it: a file or glob, a table in a DuckDB database file, or a table on a
/// PostgreSQL or ClickHouse server, with an optional row filter. Parsed once, immutable, and never holding a password.
/// </summary>
/// <remarks>
/// <para>The syntax (<see cref="Parse"/>):</para>
/// <list type="bullet">
/// <item><c>data.csv</c>, <c>logs/2024-*.csv.gz</c>, <c>lake/**/*.parquet</c>, <c>events.jsonl</c>: files, read by embedded
/// DuckDB. The format comes from the extension (<c>.csv</c>, <c>.tsv</c>, <c>.parquet</c>, <c>.pq</c>, <c>.json</c>,
/// <c>.jsonl</c>, <c>.ndjson</c>, each optionally <c>.gz</c> or <c>.zst</c>) unless given. Globs take <c>*</c>, <c>**</c>,
/// <c>?</c> and <c>[abc]</c>; Hive-partitioned directories (<c>year=2024/month=05/part.parquet</c>) are recognised by DuckDB,
/// which adds their keys as columns. <c>file:///abs/path.csv</c> is the same as the path.</item>
/// <item><c>duckdb:///path/to/file.duckdb?table=name</c> (or <c>schema.name</c>; <c>duckdb://relative/path.duckdb?table=…</c>
/// for a relative path): a table of a DuckDB database file, opened read-only.</item>
/// <item><c>postgresql://user@host:port/database?table=schema.name</c> (<c>postgres://</c> too; port 5432 by default,
/// schema from the server's search_path when omitted; <c>sslmode=disable|prefer|require|verify-ca|verify-full</c> may
/// follow).</item>
/// <item><c>clickhouse://user@host:port/database?table=name</c> (the HTTP port, 8123 by default; database
/// <c>default</c> when omitted; <c>table=db.name</c> names another database).</item>
/// </list>
/// <para>Parts of a URI are percent-decoded (<c>%20</c> for a space, <c>%3F</c> for a question mark in a path). A table
/// part may be double-quoted to hold dots: <c>table="my.schema"."t"</c>. The user defaults to PGUSER, then the
/// operating-system user (PostgreSQL), or <c>default</c> (ClickHouse).</para>
/// <para>A password is never part of a source: a source is shown in messages and lives in shell history and process
/// lists. <see cref="Parse"/> refuses <c>user:password@</c>; the engines take passwords from PGPASSWORD or the password
/// file (~/.pgpass, PGPASSFILE, or <see cref="EngineOptions.PasswordFile"/>) and from CLICKHOUSE_PASSWORD or
/// <see cref="EngineOptions.PasswordFile"/>.</para>
/// </remarks>
public sealed partial class DataSource
{
    /// <summary>The PostgreSQL port used when the source names none.</summary>
    public const int DefaultPostgreSqlPort = 5432;

    /// <summary>The ClickHouse HTTP port used when the source names none.</summary>
    public const int DefaultClickHousePort = 8123;

    private static readonly string[] PostgreSqlSslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"];

    private DataSource(SourceKind kind, string display)
    {
        Kind = kind;
        Display = display;
    }

    /// <summary>Where the source lives.</summary>
    public SourceKind Kind { get; }

    /// <summary>The source as the user gave it (never holding a password): what messages and <see cref="Location"/> show.</summary>
    public string Display { get; }

    /// <summary>The file path or glob (<see cref="SourceKind.Files"/>) or the database file (<see cref="SourceKind.DuckDbDatabase"/>); null for servers.</summary>
    public string? Path { get; private init; }

    /// <summary>The file format (<see cref="SourceKind.Files"/> only).</summary>
    public FileFormat? Format { get; private init; }

    /// <summary>The server's host name or address (servers only; an IPv6 address without brackets).</summary>
    public string? Host { get; private init; }

    /// <summary>The server's port (servers only): the PostgreSQL port, or ClickHouse's HTTP port.</summary>
    public int Port { get; private init; }

    /// <summary>The database (servers only).</summary>
    public string? Database { get; private init; }

    /// <summary>The user name as written in the source, or null when the source names none.</summary>
    public string? User { get; private init; }

    /// <summary>The table (database files and servers); for ClickHouse its <see cref="TableName.Schema"/> is the database.</summary>
    public TableName? Table { get; private init; }

    /// <summary>PostgreSQL's sslmode when the source sets one.</summary>
    public string? SslMode { get; private init; }

    /// <summary>The row filter: an SQL boolean expression in the source engine's dialect, or null for every row.</summary>
    public string? Filter { get; private set; }

    /// <summary>The location errors about this source carry: <see cref="Display"/>.</summary>
    public InputLocation Location => new(Display);

    /// <summary>The source's engine dialect.</summary>
    public SqlDialect Dialect => Kind switch
    {
        SourceKind.PostgreSql => SqlDialect.PostgreSql,
        SourceKind.ClickHouse => SqlDialect.ClickHouse,
        _ => SqlDialect.DuckDb,
    };

    /// <summary>The source as <see cref="Display"/> shows it.</summary>
    public override string ToString() => Display;

    /// <summary>
    /// The same source restricted to the rows where <paramref name="filter"/> holds: an SQL boolean expression in the
    /// source's dialect (<c>country = 'NZ' AND amount &gt; 0</c>), placed in parentheses in a WHERE clause.
    /// </summary>
    /// <param name="filter">The expression, or null or blank for every row.</param>
    /// <exception cref="InvalidArgumentException">The filter holds a semicolon outside quotes or comments (one statement only), or a NUL.</exception>
    public DataSource WithFilter(string? filter)
    {
        var copy = (DataSource)MemberwiseClone();
        if (string.IsNullOrWhiteSpace(filter))
        {
            copy.Filter = null;
            return copy;
        }
        SqlFilterCheck.RequireSingleExpression(filter, nameof(filter));
        copy.Filter = filter.Trim();
        return copy;
    }

    /// <summary>Parses a source (the syntax is in the remarks of <see cref="DataSource"/>).</summary>
    /// <param name="text">The source as the user wrote it.</param>
    /// <param name="format">The file format, to override the extension (file sources only).</param>
    /// <exception cref="InvalidArgumentException">The text is empty, holds a password, names an unknown scheme or option, lacks a table or database, or its format cannot be told.</exception>
    public static DataSource Parse(string text, FileFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
            throw new InvalidArgumentException("The source is empty; give a file, a glob, or a postgresql://, clickhouse:// or duckdb:// URI.", nameof(text));
        int schemeEnd = SchemeLength(trimmed);
        if (schemeEnd < 0)
            return ParseFiles(trimmed, format);
        string scheme = trimmed[..schemeEnd].ToLowerInvariant();
        if (format is not null)
            throw new InvalidArgumentException("A file format applies to file sources only, not to a table.", nameof(format));
        return scheme switch
        {
            "postgresql" or "postgres" => ParseServer(trimmed, schemeEnd, SourceKind.PostgreSql),
            "clickhouse" => ParseServer(trimmed, schemeEnd, SourceKind.ClickHouse),
            "duckdb" => ParseDuckDb(trimmed, schemeEnd),
            "file" => ParseFiles(Uri.UnescapeDataString(trimmed[(schemeEnd + 3)..]), format),
            _ => throw new InvalidArgumentException(
                $"Sources of the kind {InputText.Quote(scheme)} are not supported; give a file or glob, or a postgresql://, clickhouse:// or duckdb:// URI.", nameof(text)),
        };
    }

    /// <summary>The length of a URI scheme followed by <c>://</c> at the start, or −1 (a plain path, also <c>C:\data.csv</c>).</summary>
    private static int SchemeLength(string text)
    {
        int i = 0;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '-' or '.')) i++;
        return i >= 2 && char.IsAsciiLetter(text[0]) && text.AsSpan(i).StartsWith("://", StringComparison.Ordinal) ? i : -1;
    }

    private static DataSource ParseFiles(string path, FileFormat? format)
    {
        if (path.Length == 0)
            throw new InvalidArgumentException("The file source has an empty path.", nameof(path));
        var detected = format ?? FormatFromExtension(path);
        return new DataSource(SourceKind.Files, path) { Path = path, Format = detected };
    }

    private static FileFormat FormatFromExtension(string path)
    {
        string name = System.IO.Path.GetFileName(path.TrimEnd('/', '\\')).ToLowerInvariant();
        foreach (string compression in (ReadOnlySpan<string>)[".gz", ".gzip", ".zst"])
        {
            if (name.EndsWith(compression, StringComparison.Ordinal)) { name = name[..^compression.Length]; break; }
        }
        string extension = System.IO.Path.GetExtension(name);
        return extension switch
        {
            ".csv" or ".tsv" or ".tab" => FileFormat.Csv,
            ".parquet" or ".pq" => FileFormat.Parquet,
            ".json" or ".jsonl" or ".ndjson" => FileFormat.Json,
            ".duckdb" or ".ddb" => throw new InvalidArgumentException(
                $"{InputText.Quote(path, 80)} is a DuckDB database; name its table: duckdb:///path/to/file.duckdb?table=name.", nameof(path)),
            "" => throw new InvalidArgumentException(
                $"Cannot tell the format of {InputText.Quote(path, 80)} without an extension; use .csv, .tsv, .parquet or .json (.jsonl), or give the format.", nameof(path)),
            _ => throw new InvalidArgumentException(
                $"Cannot tell the format of {InputText.Quote(path, 80)} from its extension {InputText.Quote(extension)}; use .csv, .tsv, .parquet or .json (.jsonl), or give the format.", nameof(path)),
        };
    }

    private static DataSource ParseDuckDb(string text, int schemeEnd)
    {
        string rest = text[(schemeEnd + 3)..];
        var (pathPart, query) = SplitQuery(rest);
        string path = Uri.UnescapeDataString(pathPart);
        if (path.Length == 0)
            throw new InvalidArgumentException("The duckdb:// source has no file; write duckdb:///path/to/file.duckdb?table=name.", nameof(text));
        var options = ParseQuery(query, text, ["table"]);
        var table = RequireTable(options, "duckdb:///path/to/file.duckdb?table=name");
        return new DataSource(SourceKind.DuckDbDatabase, text) { Path = path, Table = table };
    }

    private static DataSource ParseServer(string text, int schemeEnd, SourceKind kind)
    {
        string product = kind == SourceKind.PostgreSql ? "PostgreSQL" : "ClickHouse";
        string example = kind == SourceKind.PostgreSql
            ? "postgresql://user@host:5432/database?table=schema.name"
            : "clickhouse://user@host:8123/database?table=name";
        string rest = text[(schemeEnd + 3)..];
        // A ':' before an '@' is user:password, whatever the password holds ('/', '?', digits): refuse it before any
        // part could be echoed in a message. (An '@' in a table name must then be written %40.)
        if (PasswordPattern().IsMatch(rest))
        {
            string where = kind == SourceKind.PostgreSql ? "PGPASSWORD or ~/.pgpass (or a password file)" : "CLICKHOUSE_PASSWORD or a password file";
            throw Invalid(
                $"The {product} source holds a password (or an '@' that should be written %40), which would be shown in messages and kept in shell history; remove it and put it in {where}.");
        }
        var (beforeQuery, query) = SplitQuery(rest);
        int slash = beforeQuery.IndexOf('/', StringComparison.Ordinal);
        string authority = slash < 0 ? beforeQuery : beforeQuery[..slash];
        string pathPart = slash < 0 ? "" : beforeQuery[(slash + 1)..];

        string? user = null;
        int at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            user = Uri.UnescapeDataString(authority[..at]);
            if (user.Length == 0) user = null;
            authority = authority[(at + 1)..];
        }

        var (host, port) = SplitHostPort(authority, kind, product, example);
        string database = Uri.UnescapeDataString(pathPart.TrimEnd('/'));
        if (database.Contains('/', StringComparison.Ordinal))
            throw new InvalidArgumentException($"The {product} source's path {InputText.Quote(database)} should be just the database name; write {example}.", nameof(text));
        if (database.Length == 0)
        {
            if (kind == SourceKind.PostgreSql)
                throw new InvalidArgumentException($"The PostgreSQL source names no database; write {example}.", nameof(text));
            database = "default";
        }

        string[] known = kind == SourceKind.PostgreSql ? ["table", "sslmode"] : ["table"];
        var options = ParseQuery(query, text, known);
        var table = RequireTable(options, example);
        if (kind == SourceKind.ClickHouse && table.Schema is null)
            table = table with { Schema = database };
        string? sslMode = null;
        if (options.TryGetValue("sslmode", out string? mode))
        {
            sslMode = mode.ToLowerInvariant();
            if (Array.IndexOf(PostgreSqlSslModes, sslMode) < 0)
                throw new InvalidArgumentException($"sslmode {InputText.Quote(mode)} is not one of {string.Join(", ", PostgreSqlSslModes)}.", nameof(text));
        }
        return new DataSource(kind, text) { Host = host, Port = port, Database = database, User = user, Table = table, SslMode = sslMode };
    }

    private static (string Host, int Port) SplitHostPort(string authority, SourceKind kind, string product, string example)
    {
        string host;
        string? portText = null;
        if (authority.StartsWith('['))
        {
            int close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
                throw Invalid($"The {product} source's host {InputText.Quote(authority)} has an unclosed '['.");
            host = authority[1..close];
            string after = authority[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':')
                    throw Invalid($"The {product} source's host {InputText.Quote(authority)} has text after ']'.");
                portText = after[1..];
            }
        }
        else
        {
            int colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            if (colon >= 0) portText = authority[(colon + 1)..];
        }
        host = Uri.UnescapeDataString(host);
        if (host.Length == 0)
            throw Invalid($"The {product} source names no host; write {example}.");
        int port = kind == SourceKind.PostgreSql ? DefaultPostgreSqlPort : DefaultClickHousePort;
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
            throw Invalid($"The {product} source's port {InputText.Quote(portText)} is not a number from 1 to 65535.");
        return (host, port);
    }

    private static (string Before, string Query) SplitQuery(string text)
    {
        int question = text.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (text, "") : (text[..question], text[(question + 1)..]);
    }

    private static Dictionary<string, string> ParseQuery(string query, string text, string[] known)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            string value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (Array.FindIndex(known, k => k.Equals(key, StringComparison.OrdinalIgnoreCase)) < 0)
                throw new InvalidArgumentException(
                    $"The source option {InputText.Quote(key)} is not known; the options here are {string.Join(", ", known)}.", nameof(text));
            if (!options.TryAdd(key, value))
                throw new InvalidArgumentException($"The source option {InputText.Quote(key)} is given twice.", nameof(text));
        }
        return options;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[^/?#@]*:[^@]*@", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PasswordPattern();

    /// <summary>An error about the text given to <see cref="Parse"/>.</summary>
    private static InvalidArgumentException Invalid(string reason, string paramName = "text") => new(reason, paramName);

    private static TableName RequireTable(Dictionary<string, string> options, string example)
    {
        if (!options.TryGetValue("table", out string? table) || table.Length == 0)
            throw Invalid($"The source names no table; write {example}.");
        return TableName.Parse(table);
    }
}
