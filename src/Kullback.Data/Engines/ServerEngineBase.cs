namespace Kullback.Data.Engines;

/// <summary>
/// What the database servers share beyond <see cref="QueryEngineBase"/>: the relation is the source's table, quoted in
/// the server's dialect, and the columns are described by a query that returns none, so that a missing table or schema
/// is reported as such (<c>describing</c> is true only for that query).
/// </summary>
internal abstract class ServerEngineBase : QueryEngineBase
{
    protected ServerEngineBase(DataSource source, EngineOptions options) : base(source, options) =>
        Relation = source.Dialect.QuoteTable(source.Table!.Value);

    public sealed override string Relation { get; }

    /// <summary>The table's name as messages show it (quoted, escaped).</summary>
    protected string TableText => InputText.Quote(Source.Table!.Value.ToString());

    protected sealed override async Task<IReadOnlyList<ResultColumn>> DescribeAsync(CancellationToken cancellationToken)
    {
        var cursor = await StartAsync($"SELECT * FROM {Relation} LIMIT 0", describing: true, cancellationToken).ConfigureAwait(false);
        await using (cursor.ConfigureAwait(false))
        {
            return cursor.Columns;
        }
    }

    protected sealed override Task<IResultCursor> StartAsync(string sql, CancellationToken cancellationToken) =>
        StartAsync(sql, describing: false, cancellationToken);

    /// <summary>Starts <paramref name="sql"/>; with <paramref name="describing"/>, faults name the table.</summary>
    protected abstract Task<IResultCursor> StartAsync(string sql, bool describing, CancellationToken cancellationToken);
}
