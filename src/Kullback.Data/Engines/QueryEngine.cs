namespace Kullback.Data.Engines;

/// <summary>Opens the engine that reads a source: embedded DuckDB for files and database files, Npgsql for PostgreSQL, HTTP for ClickHouse.</summary>
public static class QueryEngine
{
    /// <summary>
    /// Opens an engine for the source and checks it: the server is reachable and takes the credentials, the files
    /// exist, the table exists and may be read, the filter is valid. The engine's <see cref="IQueryEngine.Columns"/>
    /// lists what was found.
    /// </summary>
    /// <param name="source">The source (see <see cref="DataSource.Parse"/>).</param>
    /// <param name="options">Time limits, password file, DuckDB resources; <see cref="EngineOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <exception cref="InvalidArgumentException">An option is invalid.</exception>
    /// <exception cref="InvalidInputException">The source cannot be read; the problem says why, in one line.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<IQueryEngine> OpenAsync(DataSource source, EngineOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= EngineOptions.Default;
        options.Validate();
        QueryEngineBase engine = source.Kind switch
        {
            SourceKind.Files or SourceKind.DuckDbDatabase => new DuckDbEngine(source, options),
            SourceKind.PostgreSql => new PostgreSqlEngine(source, options),
            SourceKind.ClickHouse => new ClickHouseEngine(source, options),
            _ => throw new InvalidArgumentException($"No engine reads sources of the kind {source.Kind}.", nameof(source)),
        };
        try
        {
            await engine.OpenAsync(cancellationToken).ConfigureAwait(false);
            return engine;
        }
        catch
        {
            await engine.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
