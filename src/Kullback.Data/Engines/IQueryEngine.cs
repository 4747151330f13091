namespace Kullback.Data.Engines;

/// <summary>
/// An engine that summarises one source where it lives: it runs aggregate SQL in its dialect and streams the few
/// result rows back (counts, edges, sums), never the source's rows. Opened by <see cref="QueryEngine.OpenAsync"/>,
/// which has already checked that the source is reachable, readable and has the columns listed in <see cref="Columns"/>.
/// </summary>
/// <remarks>
/// <para>Faults are part of the contract. An unreachable server, refused credentials, a missing table, a denied
/// privilege, a server that goes away during a scan, a query past <see cref="EngineOptions.Timeout"/> and an
/// engine's rejection of the SQL each raise <see cref="InvalidInputException"/> with
/// <see cref="InvalidInputException.Location"/> = <see cref="DataSource.Location"/> (never showing a password) and a
/// one-line <see cref="InvalidInputException.Problem"/>. Cancelling through the token raises
/// <see cref="OperationCanceledException"/> and cancels the query on the engine.</para>
/// <para>An engine runs one query at a time; it is not safe to use from several threads at once.</para>
/// </remarks>
public interface IQueryEngine : IAsyncDisposable
{
    /// <summary>The source this engine reads.</summary>
    DataSource Source { get; }

    /// <summary>The SQL dialect of <see cref="Relation"/> and of the statements <see cref="QueryAsync"/> takes.</summary>
    SqlDialect Dialect { get; }

    /// <summary>
    /// The source as an SQL table expression for a FROM clause: <c>"public"."events"</c>,
    /// <c>read_parquet('lake/**/*.parquet')</c>, <c>`analytics`.`events`</c>.
    /// </summary>
    string Relation { get; }

    /// <summary>The source's columns, in order, as found when the engine was opened.</summary>
    IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>
    /// <c>FROM relation</c>, with <c>WHERE (filter)</c> when the source has a <see cref="DataSource.Filter"/>, and
    /// <c>AND (condition)</c> (or <c>WHERE (condition)</c>) when one is given: the tail of an aggregate SELECT.
    /// </summary>
    /// <param name="condition">An extra boolean expression in <see cref="Dialect"/> (say, <c>"x" IS NOT NULL</c>), or null.</param>
    string FromWhere(string? condition = null);

    /// <summary>The column of that name (matched as the engine matches identifiers).</summary>
    /// <exception cref="InvalidInputException">The source has no such column; the problem lists the columns it has.</exception>
    ResultColumn RequireColumn(string name);

    /// <summary>Runs one SQL statement (a SELECT in <see cref="Dialect"/>) and streams its rows.</summary>
    /// <param name="sql">The statement, without a trailing semicolon or FORMAT clause.</param>
    /// <param name="cancellationToken">Cancels the query on the engine.</param>
    /// <exception cref="InvalidInputException">The engine could not run the query, the connection broke, or the timeout passed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    IAsyncEnumerable<ResultRow> QueryAsync(string sql, CancellationToken cancellationToken = default);
}
