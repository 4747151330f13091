namespace Kullback.Data.Input;

/// <summary>
/// A growing sequence kept in chunks, so that growing never copies what is already held (a doubling array peaks at
/// three times its contents), and two sequences join without copying; <see cref="ToArray"/> copies once at the end,
/// so the peak is twice the contents.
/// </summary>
internal sealed class ChunkedBuffer<T>
    where T : unmanaged
{
    private const int LargestChunk = 1 << 20;
    private readonly List<(T[] Items, int Used)> _full = [];
    private T[] _current = new T[1024];
    private int _used;

    /// <summary>The number of items added.</summary>
    public long Count { get; private set; }

    public void Add(T item)
    {
        if (_used == _current.Length) Grow(1);
        _current[_used++] = item;
        Count++;
    }

    public void Add(ReadOnlySpan<T> items)
    {
        if (_used + items.Length > _current.Length) Grow(items.Length);
        items.CopyTo(_current.AsSpan(_used));
        _used += items.Length;
        Count += items.Length;
    }

    /// <summary>Room for <paramref name="length"/> more items, counted as added: the caller fills it.</summary>
    public Span<T> Reserve(int length)
    {
        if (_used + length > _current.Length) Grow(length);
        var room = _current.AsSpan(_used, length);
        _used += length;
        Count += length;
        return room;
    }

    /// <summary>Takes back the last <paramref name="length"/> items reserved (a row that turned out bad).</summary>
    public void Unreserve(int length)
    {
        _used -= length;
        Count -= length;
    }

    /// <summary>Moves everything of <paramref name="other"/> to the end of this one.</summary>
    public void Append(ChunkedBuffer<T> other)
    {
        _full.Add((_current, _used));
        _full.AddRange(other._full);
        _full.Add((other._current, other._used));
        _current = new T[Math.Min(LargestChunk, Math.Max(1024, _current.Length))];
        _used = 0;
        Count += other.Count;
    }

    private void Grow(int needed)
    {
        _full.Add((_current, _used));
        _current = GC.AllocateUninitializedArray<T>(Math.Max(needed, Math.Min(LargestChunk, _current.Length * 2)));
        _used = 0;
    }

    /// <summary>Everything added, in order, in one array (copied on two cores when large: the copy also takes the array's first page faults).</summary>
    public T[] ToArray()
    {
        var all = GC.AllocateUninitializedArray<T>(checked((int)Count));
        var pieces = new List<(T[] Items, int Used, int At)>(_full.Count + 1);
        int at = 0;
        foreach (var (items, used) in _full)
        {
            pieces.Add((items, used, at));
            at += used;
        }
        pieces.Add((_current, _used, at));
        if (Count < 1 << 20 || Environment.ProcessorCount < 2)
            foreach (var (items, used, offset) in pieces) items.AsSpan(0, used).CopyTo(all.AsSpan(offset));
        else
            Parallel.ForEach(pieces, new ParallelOptions { MaxDegreeOfParallelism = 2 }, piece => piece.Items.AsSpan(0, piece.Used).CopyTo(all.AsSpan(piece.At)));
        return all;
    }
}
