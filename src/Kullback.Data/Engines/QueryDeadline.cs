namespace Kullback.Data.Engines;

/// <summary>One query's time limit joined with the caller's token, telling a timeout from a cancellation.</summary>
internal sealed class QueryDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;

    public QueryDeadline(TimeSpan timeout, CancellationToken caller)
    {
        Caller = caller;
        Timeout = timeout;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
            _source.CancelAfter(timeout);
    }

    /// <summary>The caller's token.</summary>
    public CancellationToken Caller { get; }

    /// <summary>The time limit.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Cancelled when the caller cancels or the time runs out.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Whether the query must stop: cancelled or past its time.</summary>
    public bool IsOver => _source.IsCancellationRequested;

    public void Dispose() => _source.Dispose();
}
