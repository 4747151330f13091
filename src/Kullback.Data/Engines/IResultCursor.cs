namespace Kullback.Data.Engines;

/// <summary>The rows of one running query, read one at a time.</summary>
internal interface IResultCursor : IAsyncDisposable
{
    /// <summary>The result's columns (known before the first row, also when there is none).</summary>
    IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>The next row, or null after the last.</summary>
    ValueTask<ResultRow?> ReadAsync(CancellationToken cancellationToken);
}
