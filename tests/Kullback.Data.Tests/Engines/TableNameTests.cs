using CsCheck;
using Kullback.Data.Engines;

namespace Kullback.Data.Tests.Engines;

public sealed class TableNameTests
{
    [Theory]
    [InlineData("events", null, "events")]
    [InlineData("public.events", "public", "events")]
    [InlineData("\"a.b\".c", "a.b", "c")]
    [InlineData("\"Mixed Case\".\"x\"\"y\"", "Mixed Case", "x\"y")]
    [InlineData("ünïcode.表", "ünïcode", "表")]
    public void Parses_one_or_two_parts_with_optional_quotes(string text, string? schema, string name) =>
        Assert.Equal(new TableName(schema, name), TableName.Parse(text));

    [Fact]
    public void Shows_the_parts_unquoted()
    {
        Assert.Equal("public.events", new TableName("public", "events").ToString());
        Assert.Equal("events", new TableName(null, "events").ToString());
    }

    [Fact]
    public void Any_two_names_written_quoted_parse_back_to_themselves() =>
        Gen.Select(Gen.String[Gen.Char.Where(c => c != '\0'), 1, 12], Gen.String[Gen.Char.Where(c => c != '\0'), 1, 12]).Sample((schema, name) =>
        {
            string text = $"\"{schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\".\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            return TableName.Parse(text) == new TableName(schema, name);
        });
}
