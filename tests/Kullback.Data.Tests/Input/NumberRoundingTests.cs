using System.Globalization;
using System.Text;
using CsCheck;
using Kullback.Data.Input;

namespace Kullback.Data.Tests.Input;

/// <summary>
/// Every fast path of the number parser (Clinger's, Eisel–Lemire) against the runtime's correctly rounded
/// <see cref="double.Parse(string, IFormatProvider)"/>, bit for bit, on random texts of every shape.
/// </summary>
public class NumberRoundingTests
{
    private static void Same(string text)
    {
        var status = NumberText.TryParseDouble(Encoding.ASCII.GetBytes(text), out double ours);
        double expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(expected)) Assert.Equal(NumberStatus.TooLarge, status);
        else if (expected == 0 && text.TrimStart('-', '+').Split('e', 'E')[0].Any(c => c is >= '1' and <= '9')) Assert.Equal(NumberStatus.TooSmall, status);
        else
        {
            Assert.Equal(NumberStatus.Ok, status);
            if (expected == 0) expected = 0.0;
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(ours), $"{text}: {ours:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void Round_trip_texts_of_random_doubles_read_back_exactly() =>
        Gen.Double.Where(double.IsFinite).Sample(x =>
        {
            foreach (string format in new[] { "R", "E16", "G17", "E10", "G5" }) Same(x.ToString(format, CultureInfo.InvariantCulture));
        }, iter: 20_000);

    [Fact]
    public void Random_significands_of_up_to_19_digits_at_every_exponent_round_correctly() =>
        Gen.Select(Gen.ULong, Gen.Int[1, 19], Gen.Int[-360, 330], Gen.Int[0, 19], Gen.Bool).Sample((bits, digits, exponent, point, negative) =>
        {
            string significand = (bits % (ulong)Math.Pow(10, Math.Min(digits, 19))).ToString(CultureInfo.InvariantCulture);
            if (point > 0 && point < significand.Length) significand = significand[..point] + "." + significand[point..];
            Same($"{(negative ? "-" : "")}{significand}e{exponent}");
        }, iter: 50_000);

    [Theory]
    [InlineData("9007199254740993")]                   // halfway between two doubles: rounds to even
    [InlineData("9007199254740995")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("1.7976931348623158e308")]             // rounds down to the largest double
    [InlineData("1.7976931348623159e308")]             // rounds up: too large
    [InlineData("2.2250738585072011e-308")]            // just below the smallest normal: the full path
    [InlineData("2.2250738585072014e-308")]
    [InlineData("4.9406564584124654e-324")]
    [InlineData("2.4703282292062327e-324")]             // rounds to 0: too small
    [InlineData("7.2057594037927933e16")]
    [InlineData("1e23")]
    [InlineData("8.98846567431158e307")]
    [InlineData("0.1")]
    [InlineData("123456789012345678e-30")]
    [InlineData("9999999999999999999e-342")]
    public void Hard_cases_round_correctly(string text) => Same(text);
}
