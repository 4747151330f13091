using System.IO.Compression;
using System.Text;

namespace Kullback.Data.Input;

/// <summary>
/// Looks at a stream's first bytes and returns a stream of its text as UTF-8: gzip is decompressed (then looked at
/// again); a UTF-8 byte-order mark is dropped; UTF-16 with a byte-order mark (either order) is decoded, strictly;
/// UTF-32 is refused. Anything else is passed through and checked as UTF-8 by the <see cref="LineReader"/>.
/// </summary>
internal static class TextEncodingDetector
{
    public static Stream Detect(Stream raw, string source)
    {
        var (prefix, length) = ReadPrefix(raw, source);
        if (length >= 2 && prefix[0] == 0x1F && prefix[1] == 0x8B)
        {
            var gzip = new GZipStream(new ReplayStream(prefix, 0, length, raw), CompressionMode.Decompress);
            (prefix, length) = ReadPrefix(gzip, source);
            return Unmark(prefix, length, gzip, source);
        }
        return Unmark(prefix, length, raw, source);
    }

    private static Stream Unmark(byte[] prefix, int length, Stream rest, string source)
    {
        var span = prefix.AsSpan(0, length);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new ReplayStream(prefix, 3, length - 3, rest);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || span.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
            throw new InvalidInputException(
                "the text is UTF-32 (it starts with a UTF-32 byte-order mark), which is not read; save it as UTF-8.",
                new InputLocation(source, 1, 1));
        bool littleEndian = span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]);
        if (littleEndian || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var utf16 = new UnicodeEncoding(bigEndian: !littleEndian, byteOrderMark: false, throwOnInvalidBytes: true);
            return Encoding.CreateTranscodingStream(new ReplayStream(prefix, 2, length - 2, rest), utf16, new UTF8Encoding(false));
        }
        return new ReplayStream(prefix, 0, length, rest);
    }

    /// <summary>Up to four bytes (fewer only at the end of the stream).</summary>
    private static (byte[] Prefix, int Length) ReadPrefix(Stream stream, string source)
    {
        var prefix = new byte[4];
        int length = 0;
        while (length < prefix.Length)
        {
            int n = LineReader.ReadFrom(stream, prefix.AsSpan(length), source, 0);
            if (n == 0) break;
            length += n;
        }
        return (prefix, length);
    }
}
