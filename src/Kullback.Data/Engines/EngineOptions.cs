namespace Kullback.Data.Engines;

/// <summary>How an engine runs its queries: time limits, where a password comes from, and DuckDB's resources.</summary>
public sealed record EngineOptions
{
    /// <summary>The defaults: a 10-minute query timeout, a 15-second connect timeout, passwords from the environment.</summary>
    public static EngineOptions Default { get; } = new();

    /// <summary>
    /// The longest one query may take, from connecting to the last row (default 10 minutes); past it the query is
    /// cancelled on the engine and an <see cref="InvalidInputException"/> says so. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest a server may take to accept a connection (default 15 s; at most <see cref="Timeout"/> applies).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A file holding the password. PostgreSQL: a pgpass file (<c>host:port:database:user:password</c> lines),
    /// consulted after PGPASSWORD, as libpq and Npgsql do (without it: PGPASSFILE, then ~/.pgpass). ClickHouse: the
    /// password alone on the first line, preferred to CLICKHOUSE_PASSWORD. Never read for files.
    /// </summary>
    public string? PasswordFile { get; init; }

    /// <summary>DuckDB: the worker threads (default: DuckDB's, one per core).</summary>
    public int? Threads { get; init; }

    /// <summary>
    /// DuckDB: the memory limit, in DuckDB's notation (<c>4GB</c>, <c>512MiB</c>); default: the environment variable
    /// <c>KULLBACK_DUCKDB_MEMORY_LIMIT</c>, else 2 GB (DuckDB's own default would be 80% of RAM). Sorts and hash tables
    /// that outgrow it spill to <see cref="TempDirectory"/>.
    /// </summary>
    public string? MemoryLimit { get; init; }

    /// <summary>
    /// DuckDB: where operators that outgrow <see cref="MemoryLimit"/> spill. Default: a directory of the engine's own
    /// under the system's temporary directory, created only when DuckDB spills and removed when the engine is disposed
    /// (also after a failure or a cancel); a directory given here is left as it is.
    /// </summary>
    public string? TempDirectory { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="InvalidArgumentException">A timeout is zero or negative (other than infinite), the thread count is below 1, the memory limit is not a size of at least 64 MB, or the password file does not exist.</exception>
    internal void Validate()
    {
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
            throw new InvalidArgumentException($"The query timeout must be positive, not {Durations.Describe(Timeout)}.", nameof(Timeout));
        if (ConnectTimeout <= TimeSpan.Zero)
            throw new InvalidArgumentException($"The connect timeout must be positive, not {Durations.Describe(ConnectTimeout)}.", nameof(ConnectTimeout));
        if (Threads is < 1)
            throw new InvalidArgumentException($"DuckDB needs at least one thread, not {Threads}.", nameof(Threads));
        if (MemoryLimit is { } limit) MemoryLimitText.Check(limit, null);
        if (PasswordFile is { } file && !File.Exists(file))
            throw new InvalidArgumentException($"The password file {InputText.Quote(file, 80)} does not exist.", nameof(PasswordFile));
    }
}
