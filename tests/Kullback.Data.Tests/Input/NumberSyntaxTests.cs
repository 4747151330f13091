using System.Globalization;
using System.Text.Json;
using Kullback.Data.Input;
using static Kullback.Data.Tests.Input.InputAssert;

namespace Kullback.Data.Tests.Input;

/// <summary>
/// How every reader reads numbers: the accepted syntax, the hostile texts it refuses and why, and correct rounding
/// checked against Python's float() (Reference/make_numbers.py → numbers.json).
/// </summary>
public class NumberSyntaxTests
{
    public static TheoryData<string, double> Accepted => new()
    {
        { "1.5", 1.5 }, { "+1.5", 1.5 }, { ".5", 0.5 }, { "5.", 5 }, { "-0", 0 }, { "0.0", 0 }, { "1e3", 1000 },
        { "1E-3", 0.001 }, { "1e+3", 1000 }, { "007", 7 }, { "1.7976931348623157e308", double.MaxValue },
        { "4.9e-324", double.Epsilon }, { "2.2250738585072014e-308", 2.2250738585072014e-308 }, { "1e-310", 1e-310 },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepted_numbers_read_the_same_in_every_reader(string text, double expected)
    {
        var point = TextInput.ReadPoints(Text(text + "\n")).Coordinates[0];
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(point));   // −0 reads as +0
        Assert.Equal(expected, TextInput.ReadVector(Text($"{text} 1"), VectorKind.Weights)[0]);
    }

    [Theory]
    [InlineData("1e309", "too large")]
    [InlineData("-1e309", "too large")]
    [InlineData("1e-400", "too small to tell from 0")]
    [InlineData("NaN", "not finite")]
    [InlineData("nan", "not finite")]
    [InlineData("-Infinity", "not finite")]
    [InlineData("inf", "not finite")]
    [InlineData("∞", "not finite")]
    [InlineData("0x1p3", "hexadecimal")]
    [InlineData("0x10", "hexadecimal")]
    [InlineData("1_000", "digit separators")]
    [InlineData("1'000", "digit separators")]
    [InlineData("١٢٣", "digits other than 0–9")]   // Arabic-Indic
    [InlineData("１２", "digits other than 0–9")]  // full-width
    [InlineData("1.000,5", "decimal comma or thousands separators")]
    [InlineData("1e", "not a number")]
    [InlineData("e5", "not a number")]
    [InlineData(".", "not a number")]
    [InlineData("-", "not a number")]
    [InlineData("--1", "not a number")]
    [InlineData("1.2.3", "not a number")]
    [InlineData("1 000", "not a number")]
    [InlineData("1\u00A0000", "not a number")]   // a no-break space inside: shown escaped
    public void Hostile_number_texts_are_refused_with_the_reason(string text, string reason)
    {
        var e = Refused(() => TextInput.ReadPoints(Text($"x;y\n{text};1\n")), reason);
        Assert.Equal("2:1", Position(e));
        Assert.Contains("'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e309", "too large")]
    [InlineData("1e-400", "too small")]
    [InlineData("NaN", "not finite")]
    [InlineData("0x1p3", "hexadecimal")]
    [InlineData("1_000", "digit separators")]
    [InlineData("٣", "digits other than")]
    public void Vectors_and_counts_refuse_them_too(string text, string reason)
    {
        Refused(() => TextInput.ReadVector(Text($"0.5 {text}"), VectorKind.Probabilities), reason);
        Refused(() => TextInput.ReadObservations(Text($"0,5\n1,{text}\n")), reason);
    }

    [Theory]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("+5", 5)]
    [InlineData("-0", 0)]
    public void Whole_number_samples_at_the_extremes_of_long_are_exact(string text, long value)
    {
        var read = TextInput.ReadObservations(Text($"{text}\n{text}\n3\n"), ObservationKind.Samples);
        Assert.Contains(Outcome.Of(value), read.Data.Support);
        Assert.Equal(3, read.Data.ObservationCount);
        Assert.True(read.Data.IsNumeric);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("123456789012345678901234567890")]
    public void Whole_numbers_beyond_long_are_refused_not_turned_into_labels(string text)
    {
        Refused(() => TextInput.ReadObservations(Text($"1\n{text}\n"), ObservationKind.Samples), "outside the range", "2:1");
        Refused(() => TextInput.ReadObservations(Text($"{text},3\n1,2\n")), "outside the range");
    }

    [Fact]
    public void Decimal_texts_round_exactly_as_python_float_does()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(ReferenceFile("numbers.json")));
        int checkedCount = 0;
        foreach (var item in json.RootElement.EnumerateArray())
        {
            string text = item.GetProperty("text").GetString()!;
            double expected = BitConverter.UInt64BitsToDouble(ulong.Parse(item.GetProperty("bits").GetString()!, CultureInfo.InvariantCulture));
            if (expected == 0) expected = 0.0;   // −0 reads as 0
            var source = Text(text + "\n");
            if (double.IsInfinity(expected))
                Refused(() => TextInput.ReadPoints(source), "too large");
            else if (expected == 0 && text.Any(c => c is >= '1' and <= '9') && !text.StartsWith("0e", StringComparison.Ordinal))
                Refused(() => TextInput.ReadPoints(source), "too small");
            else
                Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(TextInput.ReadPoints(source).Coordinates[0]), text);
            checkedCount++;
        }
        Assert.True(checkedCount > 1500);
    }

    /// <summary>A file under Input/Reference, found from the test assembly's directory up to the project.</summary>
    internal static string ReferenceFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "Input", "Reference", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"Input/Reference/{name} not found above {AppContext.BaseDirectory}");
    }
}
