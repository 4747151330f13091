namespace Kullback.Data.Engines;

/// <summary>The rows of one running query, read one at a time.</summary>
internal interface IResultCursor : IAsyncDisposable
{
    /// <summary>The result's columns (known before the first row, also when there is none).</summary>
    IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>The next row, or null after the last.</summary>
    ValueTask<ResultRow?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The next rows of a result of three non-NULL numbers (a number, then two integers), into the arrays from index 0:
    /// how many were read, 0 after the last. Engines that can read them without a row object each do so.
    /// </summary>
    ValueTask<int> ReadTriplesAsync(double[] x, long[] a, long[] b, CancellationToken cancellationToken) =>
        ReadTriplesByRowsAsync(this, x, a, b, cancellationToken);

    /// <summary><see cref="ReadTriplesAsync"/> through <see cref="ReadAsync"/>, a row object at a time.</summary>
    protected static async ValueTask<int> ReadTriplesByRowsAsync(IResultCursor cursor, double[] x, long[] a, long[] b, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        int n = 0;
        while (n < x.Length && await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) is { } row)
        {
            x[n] = row.GetDouble(0);
            a[n] = row.GetInt64(1);
            b[n] = row.GetInt64(2);
            n++;
        }
        return n;
    }
}
