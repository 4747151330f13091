using CsCheck;
using Kullback.Data.Engines;

namespace Kullback.Data.Tests.Engines;

public sealed class ClickHouseTabSeparatedTests
{
    [Fact]
    public void Splits_fields_and_undoes_the_escapes()
    {
        var fields = ClickHouseTabSeparated.SplitLine("a\\tb\t\\N\t\\\\N\tline\\nbreak\t\t\\'q\\'\\0");
        Assert.Equal(["a\tb", null, "\\N", "line\nbreak", "", "'q'\0"], fields);
    }

    [Fact]
    public void Escaped_text_splits_back_to_itself() =>
        Gen.String[Gen.Char, 0, 30].Array[1, 5].Sample(texts =>
            ClickHouseTabSeparated.SplitLine(string.Join('\t', texts.Select(ClickHouseTabSeparated.Escape))).SequenceEqual(texts));

    [Theory]
    [InlineData("UInt64", "18446744073709551615", ValueKind.Real, 18446744073709551615.0)]
    [InlineData("UInt64", "9223372036854775807", ValueKind.Integral, 9223372036854775807.0)]
    [InlineData("Int64", "-9223372036854775808", ValueKind.Integral, -9223372036854775808.0)]
    [InlineData("Nullable(UInt8)", "7", ValueKind.Integral, 7.0)]
    [InlineData("Float64", "nan", ValueKind.Real, double.NaN)]
    [InlineData("Float64", "-inf", ValueKind.Real, double.NegativeInfinity)]
    [InlineData("Float32", "inf", ValueKind.Real, double.PositiveInfinity)]
    [InlineData("Float64", "5e-324", ValueKind.Real, 5e-324)]
    [InlineData("Decimal(18, 2)", "12.00", ValueKind.Integral, 12.0)]
    [InlineData("Decimal(18, 2)", "-0.25", ValueKind.Real, -0.25)]
    public void Parses_numbers_by_their_column_type(string type, string text, ValueKind kind, double expected)
    {
        var value = ClickHouseTabSeparated.ParseValue(text, type);
        Assert.Equal(kind, value.Kind);
        Assert.Equal(expected, value.AsDouble());
    }

    [Fact]
    public void Keeps_other_types_as_text_and_null_as_null()
    {
        Assert.Equal(ResultValue.FromString("x"), ClickHouseTabSeparated.ParseValue("x", "LowCardinality(Nullable(String))"));
        Assert.Equal(ResultValue.FromString("ab"), ClickHouseTabSeparated.ParseValue("ab\0\0", "FixedString(4)"));
        Assert.Equal(ResultValue.FromString("2024-01-02"), ClickHouseTabSeparated.ParseValue("2024-01-02", "Date"));
        Assert.Equal(ResultValue.FromString("[1,2]"), ClickHouseTabSeparated.ParseValue("[1,2]", "Array(UInt8)"));
        Assert.True(ClickHouseTabSeparated.ParseValue(null, "Nullable(Float64)").IsNull);
        Assert.True(ClickHouseTabSeparated.ParseValue("", "Nullable(Nothing)").IsNull);
        Assert.Throws<FormatException>(() => ClickHouseTabSeparated.ParseValue("Code: 159", "UInt64"));
    }

    [Theory]
    [InlineData("UInt64", ColumnCategory.Integral)]
    [InlineData("Nullable(Int32)", ColumnCategory.Integral)]
    [InlineData("Float32", ColumnCategory.Real)]
    [InlineData("Decimal(9, 3)", ColumnCategory.Real)]
    [InlineData("LowCardinality(String)", ColumnCategory.Text)]
    [InlineData("Enum8('a' = 1)", ColumnCategory.Text)]
    [InlineData("DateTime('UTC')", ColumnCategory.Temporal)]
    [InlineData("Array(Float64)", ColumnCategory.Other)]
    public void Puts_types_in_categories(string type, ColumnCategory category) =>
        Assert.Equal(category, ClickHouseTabSeparated.Category(type));

    [Fact]
    public void Formats_fields_for_an_insert()
    {
        Assert.Equal("\\N", ClickHouseTabSeparated.FormatField(null));
        Assert.Equal("nan", ClickHouseTabSeparated.FormatField(double.NaN));
        Assert.Equal("-inf", ClickHouseTabSeparated.FormatField(double.NegativeInfinity));
        Assert.Equal("0.1", ClickHouseTabSeparated.FormatField(0.1));
        Assert.Equal("a\\tb\\\\", ClickHouseTabSeparated.FormatField("a\tb\\"));
    }

    [Theory]
    [InlineData("Code: 60, e.displayText() = DB::Exception: Table default.nosuch doesn't exist., e.what() = DB::Exception\n", 60, "Table default.nosuch doesn't exist.")]
    [InlineData("Code: 159, e.displayText() = DB::Exception: Timeout exceeded: elapsed 1.0 seconds, maximum: 1, e.what() = DB::Exception", 159, "Timeout exceeded: elapsed 1.0 seconds, maximum: 1")]
    [InlineData("Code: 60. DB::Exception: Table default.x does not exist. (UNKNOWN_TABLE) (version 23.8.1)", 60, "Table default.x does not exist. (UNKNOWN_TABLE) (version 23.8.1)")]
    [InlineData("Bad gateway", -1, "Bad gateway")]
    public void Reads_the_error_code_and_text_of_old_and_new_servers(string body, int code, string text)
    {
        var (parsedCode, parsedText) = ClickHouseEngine.ParseError(null, body);
        Assert.Equal(code, parsedCode);
        Assert.Equal(text, parsedText);
    }
}
