using CsCheck;
using Kullback.Data.Engines;

namespace Kullback.Data.Tests.Engines;

public sealed class ResultValueTests
{
    [Fact]
    public void Each_kind_gives_its_value_and_refuses_the_others()
    {
        var count = ResultValue.FromInt64(42);
        Assert.Equal(ValueKind.Integral, count.Kind);
        Assert.Equal(42L, count.AsInt64());
        Assert.Equal(42.0, count.AsDouble());
        Assert.Throws<InvalidOperationException>(() => count.AsString());

        var real = ResultValue.FromDouble(0.5);
        Assert.Equal(0.5, real.AsDouble());
        Assert.Throws<InvalidOperationException>(() => real.AsInt64());

        var text = ResultValue.FromString("NZ");
        Assert.Equal("NZ", text.AsString());
        Assert.Throws<InvalidOperationException>(() => text.AsDouble());

        Assert.True(ResultValue.Null.IsNull);
        Assert.Throws<InvalidOperationException>(() => ResultValue.Null.AsDouble());
        Assert.Throws<InvalidOperationException>(() => ResultValue.Null.AsInt64());
    }

    [Theory]
    [InlineData("500500", ValueKind.Integral)]
    [InlineData("-12.000", ValueKind.Integral)]
    [InlineData("0.25", ValueKind.Real)]
    [InlineData("79228162514264337593543950335", ValueKind.Real)]
    public void A_decimal_is_an_integer_when_integral_and_in_range(string text, ValueKind kind) =>
        Assert.Equal(kind, ResultValue.FromDecimal(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture)).Kind);

    // Expected values: Python's float(Decimal(text)), which rounds correctly.
    [Theory]
    [InlineData("0.3333333333333333333333333333", 0.3333333333333333)]
    [InlineData("7.9228162514264337593543950335", 7.9228162514264335)]
    [InlineData("0.1000000000000000055511151231", 0.1)]
    [InlineData("1234567890.123456789012345678", 1234567890.1234567)]
    [InlineData("-0.0000000000000000000000000001", -1e-28)]
    public void A_non_integral_decimal_becomes_the_correctly_rounded_double(string text, double expected) =>
        Assert.Equal(expected, ResultValue.FromDecimal(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture)).AsDouble());

    [Fact]
    public void Integers_beyond_64_bits_become_the_nearest_double()
    {
        Assert.Equal(ValueKind.Integral, ResultValue.FromUInt64(long.MaxValue).Kind);
        var beyond = ResultValue.FromUInt64(ulong.MaxValue);
        Assert.Equal(ValueKind.Real, beyond.Kind);
        Assert.Equal(18446744073709551615.0, beyond.AsDouble());
        Assert.Equal(ValueKind.Real, ResultValue.FromBigInteger(System.Numerics.BigInteger.Pow(10, 30)).Kind);
        // Correctly rounded, not truncated: 2^64 - 1 and 2^64 + 1 are nearest to 2^64; -(2^70 + 1) to -(2^70).
        Assert.Equal(Math.Pow(2, 64), ResultValue.FromBigInteger(System.Numerics.BigInteger.Pow(2, 64) - 1).AsDouble());
        Assert.Equal(Math.Pow(2, 64), ResultValue.FromBigInteger(System.Numerics.BigInteger.Pow(2, 64) + 1).AsDouble());
        Assert.Equal(-Math.Pow(2, 70), ResultValue.FromBigInteger(-System.Numerics.BigInteger.Pow(2, 70) - 1).AsDouble());
        Assert.Equal(1e30, ResultValue.FromBigInteger(System.Numerics.BigInteger.Pow(10, 30) + 1).AsDouble());
    }

    [Fact]
    public void Shows_values_invariantly()
    {
        Assert.Equal("NULL", ResultValue.Null.ToString());
        Assert.Equal("-7", ResultValue.FromInt64(-7).ToString());
        Assert.Equal("0.1", ResultValue.FromDouble(0.1).ToString());
        Assert.Equal("NaN", ResultValue.FromDouble(double.NaN).ToString());
        Assert.Equal("-Infinity", ResultValue.FromDouble(double.NegativeInfinity).ToString());
    }

    [Fact]
    public void Equality_is_by_kind_and_value() =>
        Gen.Long.Sample(n =>
            ResultValue.FromInt64(n) == ResultValue.FromInt64(n)
            && ResultValue.FromInt64(n) != ResultValue.FromDouble(n)
            && ResultValue.FromInt64(n).GetHashCode() == ResultValue.FromInt64(n).GetHashCode()
            && ResultValue.FromDouble(double.NaN) == ResultValue.FromDouble(double.NaN));

    [Fact]
    public void A_row_holds_one_value_per_column()
    {
        ResultColumn[] columns = [new("n", "BIGINT", ColumnCategory.Integral), new("label", "VARCHAR", ColumnCategory.Text)];
        var row = new ResultRow(columns, [ResultValue.FromInt64(3), ResultValue.Null]);
        Assert.Equal(3L, row.GetInt64(0));
        Assert.True(row.IsNull(1));
        Assert.Equal("3\tNULL", row.ToString());
        Assert.Throws<ArgumentException>(() => new ResultRow(columns, [ResultValue.Null]));
    }
}
