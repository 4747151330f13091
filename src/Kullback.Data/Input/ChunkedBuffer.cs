namespace Kullback.Data.Input;

/// <summary>
/// A growing sequence kept in chunks, so that growing never copies what is already held (a doubling array peaks at
/// three times its contents); <see cref="ToArray"/> copies once at the end, so the peak is twice the contents.
/// </summary>
internal sealed class ChunkedBuffer<T>
    where T : unmanaged
{
    private const int LargestChunk = 1 << 20;
    private readonly List<T[]> _full = [];
    private T[] _current = new T[1024];
    private int _used;

    /// <summary>The number of items added.</summary>
    public long Count { get; private set; }

    public void Add(T item)
    {
        if (_used == _current.Length) Grow();
        _current[_used++] = item;
        Count++;
    }

    private void Grow()
    {
        _full.Add(_current);
        _current = new T[Math.Min(LargestChunk, _current.Length * 2)];
        _used = 0;
    }

    /// <summary>Everything added, in order, in one array.</summary>
    public T[] ToArray()
    {
        var all = GC.AllocateUninitializedArray<T>(checked((int)Count));
        int at = 0;
        foreach (var chunk in _full)
        {
            chunk.CopyTo(all, at);
            at += chunk.Length;
        }
        _current.AsSpan(0, _used).CopyTo(all.AsSpan(at));
        return all;
    }
}
