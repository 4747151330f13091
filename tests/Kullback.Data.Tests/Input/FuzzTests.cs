using CsCheck;
using Kullback.Data.Input;
using static Kullback.Data.Tests.Input.InputAssert;

namespace Kullback.Data.Tests.Input;

/// <summary>
/// Random bytes, and random mutations of valid files, through every reader: the only outcomes allowed are a valid
/// result (finite numbers) or an <see cref="InvalidInputException"/> with a short message; never another exception.
/// </summary>
public class FuzzTests
{
    private static readonly string[] ValidFiles =
    [
        "0.02 0.03 0.05 0.14 0.16\n0.15,0.12,0.08\n\n0.10 0.08 0.07\n",
        "value,count\n0,5\n1,9\n2,4\n4,1\n",
        "id,teeth,colour\n0,3,red\n1,5,\"blue, dark\"\n2,4,green\n",
        "# samples\n3\n1\n3\n2\n3\n0\n",
        "x\ty\tz\n0.5\t-1e-3\t2\n1.5\t7\t-0\n",
        "a;b\n1;2\n3;4\n",
        "red\nblue\nred\n",
        "5 9 4 0 1\n",
    ];

    private static readonly byte[][] Specials =
    [
        [0], [0xFF], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0x1F, 0x8B], [0xC3], [0xE2, 0x82],
        "\r"u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(), ","u8.ToArray(), ";"u8.ToArray(), "\t"u8.ToArray(),
        "\""u8.ToArray(), "#"u8.ToArray(), " "u8.ToArray(), "1e309"u8.ToArray(), "1e-400"u8.ToArray(), "NaN"u8.ToArray(),
        "-9223372036854775808"u8.ToArray(), "9223372036854775808"u8.ToArray(), "9007199254740993"u8.ToArray(),
        "0,5"u8.ToArray(), "1,000"u8.ToArray(), "\u0663"u8.ToArray(), "\u001b[2J"u8.ToArray(), "\u200b"u8.ToArray(),
        "-"u8.ToArray(), "."u8.ToArray(), "e"u8.ToArray(), "1.7976931348623157e308"u8.ToArray(),
    ];

    private static readonly Gen<byte[]> RandomBytes = Gen.Byte.Array[0, 600];

    /// <summary>A valid file with up to eight random edits: a byte inserted, deleted or replaced, a special token inserted, a piece repeated.</summary>
    private static readonly Gen<byte[]> Mutated =
        Gen.Select(Gen.Int[0, ValidFiles.Length - 1], Gen.Select(Gen.Int[0, 4], Gen.Int[0, 10_000], Gen.Int[0, 10_000]).Array[0, 8])
            .Select(t => Mutate(Utf8(ValidFiles[t.Item1]), t.Item2));

    private static byte[] Mutate(byte[] file, (int Op, int A, int B)[] edits)
    {
        var bytes = file.ToList();
        foreach (var (op, a, b) in edits)
        {
            int at = bytes.Count == 0 ? 0 : a % (bytes.Count + 1);
            switch (op)
            {
                case 0: bytes.Insert(at, (byte)b); break;
                case 1: if (at < bytes.Count) bytes.RemoveAt(at); break;
                case 2: if (at < bytes.Count) bytes[at] = (byte)b; break;
                case 3: bytes.InsertRange(at, Specials[b % Specials.Length]); break;
                default:
                    int length = Math.Min(bytes.Count - Math.Min(at, bytes.Count), 1 + (b % 40));
                    var piece = bytes.GetRange(Math.Min(at, bytes.Count), length);
                    for (int k = 0; k < 1 + (b % 5); k++) bytes.InsertRange(at, piece);
                    break;
            }
        }
        return [.. bytes];
    }

    [Fact]
    public void Random_bytes_give_a_valid_result_or_an_input_error() => RandomBytes.Sample(EveryReader, iter: 2000);

    [Fact]
    public void Mutated_valid_files_give_a_valid_result_or_an_input_error() => Mutated.Sample(EveryReader, iter: 4000);

    private static readonly InputOptions Small = new() { MaxFieldLength = 16, MaxLineLength = 64, MaxDistinctValues = 5, MaxPoints = 5, MaxVectorLength = 5 };

    private static void EveryReader(byte[] bytes)
    {
        foreach (var options in new[] { InputOptions.Default, Small })
        {
            Outcome(() => Check(TextInput.ReadVector(Bytes(bytes), VectorKind.Probabilities, options)));
            Outcome(() => Check(TextInput.ReadVector(Bytes(bytes), VectorKind.Weights, options)));
            Outcome(() => Check(TextInput.ReadObservations(Bytes(bytes), options: options)));
            Outcome(() => Check(TextInput.ReadObservations(Bytes(bytes), ObservationKind.Samples, ColumnSelector.ByNumber(2), options)));
            Outcome(() => Check(TextInput.ReadObservations(Bytes(bytes), ObservationKind.Counts, options: options)));
            Outcome(() => Check(TextInput.ReadPoints(Bytes(bytes), options: options)));
            Outcome(() => Check(TextInput.ReadPoints(Bytes(bytes), [ColumnSelector.ByName("y")], options)));
        }
    }

    private static void Outcome(Action read)
    {
        try
        {
            read();
        }
        catch (InvalidInputException e)
        {
            WellFormed(e);
            Assert.True(e.Message.Split('\n').Length <= 3 && e.Message.Length < 300, e.Message);
        }
    }

    private static void Check(double[] values)
    {
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.True(double.IsFinite(v) && v >= 0));
        Assert.Contains(values, v => v > 0);
    }

    private static void Check(Observations read)
    {
        Assert.True(read.Data.Count > 0);
        Assert.All(read.Data.Probabilities, p => Assert.True(double.IsFinite(p) && p >= 0));
        Assert.InRange(read.Data.Probabilities.Sum(), 1 - 1e-9, 1 + 1e-9);
        Assert.False(string.IsNullOrWhiteSpace(read.Explanation));
        Assert.DoesNotContain('\n', read.Explanation);
    }

    private static void Check(PointSet points)
    {
        Assert.True(points.Count >= 1 && points.Dimensions >= 1);
        Assert.Equal(points.Count * points.Dimensions, points.Coordinates.Length);
        Assert.All(points.Coordinates, x => Assert.True(double.IsFinite(x)));
    }
}
