namespace Kullback.Data.Input;

/// <summary>A read-only, forward-only view of a stream that counts the bytes read, for a progress display on another thread.</summary>
internal sealed class CountingStream(Stream inner, bool leaveOpen, ByteCount count) : Stream
{
    public long BytesRead => count.Value;

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    private int Count(int n)
    {
        count.Add(n);
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>A byte count that one thread adds to and others read.</summary>
internal sealed class ByteCount
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Add(int n) => Interlocked.Add(ref _value, n);
}
