using System.IO.Compression;
using System.Text;
using Kullback.Data.Input;
using static Kullback.Data.Tests.Input.InputAssert;

namespace Kullback.Data.Tests.Input;

/// <summary>Bytes before numbers: byte-order marks, encodings, line ends, binary data, gzip, huge tokens.</summary>
public class EncodingTests
{
    private static double[] Vector(byte[] bytes) => TextInput.ReadVector(Bytes(bytes), VectorKind.Weights);

    [Fact]
    public void Utf8_with_or_without_a_byte_order_mark_reads_the_same()
    {
        Assert.Equal([1.0, 2], Vector([0xEF, 0xBB, 0xBF, .. Utf8("1 2\n")]));
        Assert.Equal([1.0, 2], Vector(Utf8("1 2\n")));
        var header = TextInput.ReadPoints(Bytes([0xEF, 0xBB, 0xBF, .. Utf8("x,y\n1,2\n")]), [ColumnSelector.ByName("x")]);
        Assert.Equal("x", header.ColumnNames[0]);   // the mark is not part of the first name
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_with_a_byte_order_mark_is_decoded(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes("# comment\r\n0.25 0.75\r\n")];
        Assert.Equal([0.25, 0.75], TextInput.ReadVector(Bytes(bytes), VectorKind.Probabilities));
        var e = Refused(() => TextInput.ReadVector(Bytes([.. encoding.GetPreamble(), .. encoding.GetBytes("0.5\nx\n")]), VectorKind.Weights), "'x' is not a number");
        Assert.Equal("2:1", Position(e));
    }

    [Fact]
    public void Invalid_utf16_and_utf32_are_refused_clearly()
    {
        Refused(() => Vector([0xFF, 0xFE, (byte)'1', 0, 0x00, 0xD8, (byte)'2', 0]), "not valid UTF-16");
        Refused(() => Vector([0xFF, 0xFE, 0, 0, (byte)'1', 0, 0, 0]), "UTF-32");
        Refused(() => Vector([0, 0, 0xFE, 0xFF, 0, 0, 0, (byte)'1']), "UTF-32");
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_is_refused_as_binary_with_the_reason() =>
        Refused(() => Vector(Encoding.Unicode.GetBytes("1 2\n")), "NUL byte", "UTF-16 without a byte-order mark", "1:2");

    [Theory]
    [InlineData("1\n2\n3\n")]
    [InlineData("1\r\n2\r\n3\r\n")]
    [InlineData("1\r2\r3\r")]
    [InlineData("1\n2\n3")]
    [InlineData("1\r\n2\r3")]
    public void Every_line_end_counts_lines_and_a_last_line_needs_none(string text)
    {
        Assert.Equal([1.0, 2, 3], Vector(Utf8(text)));
        var e = Refused(() => Vector(Utf8(text.Replace("3", "x", StringComparison.Ordinal))), "'x'");
        Assert.Equal("3:1", Position(e));
    }

    [Fact]
    public void A_carriage_return_split_from_its_line_feed_by_the_buffer_is_one_line_end()
    {
        // The first read is 8 KiB: put the CR at its last byte.
        var text = new StringBuilder().Append(' ', 8191 - 2).Append("1\r\n2\r\nx").ToString();
        var e = Refused(() => Vector(Utf8(text)), "'x'");
        Assert.Equal("3:1", Position(e));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("# only\n   # comments\n")]
    [InlineData("\uFEFF")]
    public void Empty_files_and_files_of_comments_say_so(string text)
    {
        Refused(() => TextInput.ReadVector(Bytes(Utf8(text)), VectorKind.Weights), "holds no numbers");
        Refused(() => TextInput.ReadObservations(Bytes(Utf8(text))), "holds no data");
        Refused(() => TextInput.ReadPoints(Bytes(Utf8(text))), "holds no points");
    }

    [Fact]
    public void Nul_bytes_are_refused_as_binary_where_they_are()
    {
        var e = Refused(() => Vector(Utf8("1 2\n3 \0 4\n")), "NUL byte", "binary");
        Assert.Equal("2:3", Position(e));
    }

    [Fact]
    public void Dev_zero_is_refused_within_its_first_kilobytes()
    {
        using var zeros = new EndlessStream(0);
        var source = InputSource.FromStream(zeros, "/dev/zero");
        Refused(() => TextInput.ReadVector(source, VectorKind.Weights), "NUL byte");
        Assert.InRange(zeros.BytesGiven, 1, 8 * 1024);
        Assert.InRange(source.BytesRead, 1, 8 * 1024);
    }

    [Fact]
    public void Endless_text_without_a_line_end_stops_at_the_line_limit_in_bounded_memory()
    {
        using var digits = new EndlessStream((byte)'7');
        var options = new InputOptions { MaxLineLength = 1 << 20 };
        Refused(() => TextInput.ReadVector(InputSource.FromStream(digits), VectorKind.Weights, options), "longer than 1,048,576 bytes", "--max-line-length");
        Assert.InRange(digits.BytesGiven, 1 << 20, 3 << 20);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3, 0x28 })]             // a lead byte without its continuation
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]       // an encoded surrogate
    [InlineData(new byte[] { 0xC0, 0xAF })]             // an overlong encoding
    [InlineData(new byte[] { 0xE2, 0x82 })]             // cut at the end of the file
    public void Invalid_utf8_is_refused_as_binary_at_its_position(byte[] bad)
    {
        var e = Refused(() => Vector([.. Utf8("1\n2 "), .. bad, .. Utf8(" 3\n")]), "not valid UTF-8");
        Assert.Equal("2:3", Position(e));
        Refused(() => Vector([.. Utf8("1\n2 "), .. bad]), "not valid UTF-8");
    }

    [Fact]
    public void A_multibyte_character_cut_by_the_buffer_is_read_whole()
    {
        var text = new StringBuilder().Append(' ', 8191).Append("é 1\n").ToString();   // é straddles the first read
        Refused(() => Vector(Utf8(text)), "'é'", "1:8192");
    }

    [Fact]
    public void Terminal_escape_sequences_and_invisible_characters_are_shown_escaped()
    {
        var e = Refused(() => Vector(Utf8("0.5 \u001b]0;pwned\u0007\u001b[2J 1")), "\\x1B");
        Assert.DoesNotContain('\u001b', e.Message);
        e = Refused(() => Vector(Utf8("0.5 1\u200b")), "\\u200B");
        Assert.DoesNotContain('\u200b', e.Message);
    }

    [Fact]
    public void A_ten_megabyte_token_is_refused_and_never_echoed_whole()
    {
        string token = new('9', 10 << 20);
        var e = Refused(() => Vector(Utf8($"1 {token} 2")), "longer than the limit of 1,024", "--max-field-length", "cut; 10,485,720 more characters");
        Assert.Equal("1:3", Position(e));
        e = Refused(() => TextInput.ReadObservations(Bytes(Utf8($"{new string('a', 10 << 20)}\nb\n")), ObservationKind.Samples), "cut;");
        Assert.True(e.Message.Length < 300);
    }

    [Fact]
    public void Gzip_is_recognised_by_its_bytes_and_decompressed_as_it_streams()
    {
        byte[] plain = Utf8("value,count\n0,5\n1,9\n2,4\n4,1\n");
        var read = TextInput.ReadObservations(Bytes(Gzip(plain), "counts.csv.gz"));
        Assert.Equal(19, read.Data.ObservationCount);
        // A gzip member holding UTF-16 with a mark, and two members one after the other.
        var utf16 = new UnicodeEncoding(false, true);
        Assert.Equal([0.5, 0.5], TextInput.ReadVector(Bytes(Gzip([.. utf16.GetPreamble(), .. utf16.GetBytes("0.5 0.5")])), VectorKind.Probabilities));
        Assert.Equal([1.0, 2, 3, 4], Vector([.. Gzip(Utf8("1 2\n")), .. Gzip(Utf8("3 4\n"))]));
    }

    [Fact]
    public void Corrupt_gzip_and_compressed_binary_are_refused()
    {
        byte[] gz = Gzip(Utf8(string.Concat(Enumerable.Repeat("12345\n", 10000))));
        gz[12] ^= 0xFF;
        gz[13] ^= 0x55;
        Refused(() => Vector(gz), "gzip");
        Refused(() => Vector(Gzip(new byte[100_000])), "NUL byte");
    }

    internal static byte[] Gzip(byte[] plain)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(plain);
        return buffer.ToArray();
    }

    /// <summary>An endless stream of one byte, counting what it gave (like /dev/zero).</summary>
    private sealed class EndlessStream(byte value) : Stream
    {
        public long BytesGiven { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            buffer.Fill(value);
            BytesGiven += buffer.Length;
            return buffer.Length;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
