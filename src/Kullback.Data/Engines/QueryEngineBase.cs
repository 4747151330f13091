using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Kullback.Data.Engines;

/// <summary>
/// What every engine shares: the time limit and cancellation of each query, the opening check of the source, the
/// FROM clause with the filter, and column lookup. An engine supplies how to start a query and read its rows.
/// </summary>
internal abstract class QueryEngineBase : IQueryEngine
{
    private IReadOnlyList<ResultColumn>? _columns;

    protected QueryEngineBase(DataSource source, EngineOptions options)
    {
        Source = source;
        Options = options;
    }

    public DataSource Source { get; }

    public SqlDialect Dialect => Source.Dialect;

    public abstract string Relation { get; }

    public IReadOnlyList<ResultColumn> Columns => _columns ?? throw new InvalidOperationException("The engine has not been opened.");

    protected EngineOptions Options { get; }

    public string FromWhere(string? condition = null)
    {
        string from = "FROM " + Relation;
        string? filter = Source.Filter;
        // The closing parenthesis goes on its own line so that a trailing -- comment cannot swallow it.
        if (filter is not null && condition is not null) return $"{from} WHERE ({filter}\n) AND ({condition}\n)";
        if (filter is not null) return $"{from} WHERE ({filter}\n)";
        if (condition is not null) return $"{from} WHERE ({condition}\n)";
        return from;
    }

    public ResultColumn RequireColumn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var comparer = Dialect.IdentifierComparer;
        foreach (var column in Columns)
        {
            if (comparer.Equals(column.Name, name)) return column;
        }
        string have = string.Join(", ", Columns.Take(20).Select(c => c.Name));
        if (Columns.Count > 20) have += $", … ({Columns.Count} in all)";
        throw Fault($"column {InputText.Quote(name)} does not exist (the source has {have})");
    }

    /// <summary>Connects, checks the source and reads its columns; faults as for <see cref="QueryAsync"/>.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        using var deadline = new QueryDeadline(Options.Timeout, cancellationToken);
        _columns = await Guard(deadline, () => DescribeAsync(deadline.Token)).ConfigureAwait(false);
        if (Source.Filter is not null)
        {
            await Guard(deadline, () => CheckFilterAsync(deadline.Token)).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<ResultRow> QueryAsync(string sql, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        using var deadline = new QueryDeadline(Options.Timeout, cancellationToken);
        var cursor = await Guard(deadline, () => StartAsync(sql, deadline.Token)).ConfigureAwait(false);
        await using (cursor.ConfigureAwait(false))
        {
            // Rows are read a batch at a time under one guard: a guarded step per row (a closure and a task each) cost
            // more than DuckDB's read itself on the exact pass's 4·10⁷ pooled values.
            var batch = new List<ResultRow>(RowsPerBatch);
            while (true)
            {
                batch.Clear();
                bool more = await Guard(deadline, () => FillAsync(cursor, batch, deadline.Token)).ConfigureAwait(false);
                foreach (var row in batch) yield return row;
                if (!more) yield break;
            }
        }
    }

    /// <summary>
    /// Runs a query whose rows are three non-NULL numbers (x, a, b) and reads them a block at a time into the arrays: each
    /// item is how many of the arrays' first entries the block filled (the arrays are reused for the next block). The
    /// exact pass of a comparison streams 4·10⁷ such rows at 2·10⁷ rows a side; a row object each cost more than the sort.
    /// </summary>
    /// <remarks>
    /// A task reads up to <see cref="BlocksAhead"/> blocks ahead while the caller works on the last, so that the engine's
    /// reader and the caller's arithmetic run on two cores at once: the reading is single-threaded once DuckDB's sort is
    /// done, and at 2·10⁷ rows a side the caller's arithmetic had added 2.2 s to the 5.7 s of reading one column.
    /// </remarks>
    internal async IAsyncEnumerable<int> QueryTriplesAsync(string sql, double[] x, long[] a, long[] b, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        if (a.Length != x.Length || b.Length != x.Length || x.Length == 0) throw new ArgumentException("The blocks must be of one positive length.", nameof(x));
        using var deadline = new QueryDeadline(Options.Timeout, cancellationToken);
        var cursor = await Guard(deadline, () => StartAsync(sql, deadline.Token)).ConfigureAwait(false);
        await using (cursor.ConfigureAwait(false))
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            var full = Channel.CreateBounded<TripleBlock>(new BoundedChannelOptions(BlocksAhead) { SingleReader = true, SingleWriter = true });
            var empty = Channel.CreateUnbounded<TripleBlock>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            for (int i = 0; i <= BlocksAhead; i++) empty.Writer.TryWrite(new TripleBlock(x.Length));
            var reading = Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        var block = await empty.Reader.ReadAsync(stop.Token).ConfigureAwait(false);
                        block.Count = await Guard(deadline, () => cursor.ReadTriplesAsync(block.X, block.A, block.B, deadline.Token).AsTask()).ConfigureAwait(false);
                        if (block.Count == 0) break;
                        await full.Writer.WriteAsync(block, stop.Token).ConfigureAwait(false);
                    }
                    full.Writer.TryComplete();
                }
                catch (Exception e)
                {
                    full.Writer.TryComplete(e);
                }
            }, CancellationToken.None);
            try
            {
                // A failed read completes the channel with its exception, which WaitToReadAsync throws here as it was.
                while (await full.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    while (full.Reader.TryRead(out var block))
                    {
                        block.X.AsSpan(0, block.Count).CopyTo(x);
                        block.A.AsSpan(0, block.Count).CopyTo(a);
                        block.B.AsSpan(0, block.Count).CopyTo(b);
                        int n = block.Count;
                        empty.Writer.TryWrite(block);
                        yield return n;
                    }
                }
            }
            finally
            {
                // The caller stopped early, or failed: the reader stops before the cursor is closed.
                await stop.CancelAsync().ConfigureAwait(false);
                await reading.ConfigureAwait(false);
            }
        }
    }

    /// <summary>How many blocks <see cref="QueryTriplesAsync"/> reads ahead of its caller.</summary>
    private const int BlocksAhead = 2;

    /// <summary>A block of (x, a, b) rows read ahead.</summary>
    private sealed class TripleBlock(int length)
    {
        public double[] X { get; } = new double[length];

        public long[] A { get; } = new long[length];

        public long[] B { get; } = new long[length];

        public int Count { get; set; }
    }

    /// <summary>How many rows <see cref="QueryAsync"/> reads under one guarded step.</summary>
    private const int RowsPerBatch = 1024;

    /// <summary>Reads rows into <paramref name="batch"/> until it holds <see cref="RowsPerBatch"/>; false once the result has ended.</summary>
    private static async Task<bool> FillAsync(IResultCursor cursor, List<ResultRow> batch, CancellationToken cancellationToken)
    {
        while (batch.Count < RowsPerBatch)
        {
            var row = await cursor.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (row is null) return false;
            batch.Add(row);
        }
        return true;
    }

    public abstract ValueTask DisposeAsync();

    /// <summary>Starts a query; engine faults are thrown as <see cref="InvalidInputException"/> made by <see cref="Fault"/>.</summary>
    protected abstract Task<IResultCursor> StartAsync(string sql, CancellationToken cancellationToken);

    /// <summary>Connects and reads the source's columns (without the filter), reporting a missing table or a refused login.</summary>
    protected abstract Task<IReadOnlyList<ResultColumn>> DescribeAsync(CancellationToken cancellationToken);

    /// <summary>Runs the filter on no rows, so that a bad filter is reported when the engine opens.</summary>
    protected virtual async Task<bool> CheckFilterAsync(CancellationToken cancellationToken)
    {
        var cursor = await StartAsync($"SELECT 1 {FromWhere()} LIMIT 0", cancellationToken).ConfigureAwait(false);
        await using (cursor.ConfigureAwait(false))
        {
            while (await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) is not null) { }
        }
        return true;
    }

    /// <summary>A fault of this source: an <see cref="InvalidInputException"/> located at the source.</summary>
    protected InvalidInputException Fault(string problem, Exception? inner = null) =>
        inner is null ? new InvalidInputException(problem, Source.Location) : new InvalidInputException(problem, Source.Location, inner);

    /// <summary>The fault of a query past its time.</summary>
    protected InvalidInputException TimeoutFault(Exception? inner = null) =>
        Fault($"the query ran past the {Durations.Describe(Options.Timeout)} timeout", inner);

    /// <summary>
    /// Runs one step of a query. Once the deadline is over, whatever the engine threw (its own cancellation, a
    /// broken connection, a cancelled-statement error) becomes the caller's <see cref="OperationCanceledException"/>
    /// or the timeout fault.
    /// </summary>
    private async Task<T> Guard<T>(QueryDeadline deadline, Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (Exception e) when (deadline.IsOver)
        {
            if (deadline.Caller.IsCancellationRequested)
                throw new OperationCanceledException("The query was cancelled.", e, deadline.Caller);
            throw TimeoutFault(e);
        }
    }
}
