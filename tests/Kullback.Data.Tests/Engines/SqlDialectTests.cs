using Kullback.Data.Engines;

namespace Kullback.Data.Tests.Engines;

public sealed class SqlDialectTests
{
    public static TheoryData<string, string, string, string> Identifiers => new()
    {
        { "DuckDB", "plain", "\"plain\"", "'plain'" },
        { "DuckDB", "a\"b", "\"a\"\"b\"", "'a\"b'" },
        { "DuckDB", "it's\\", "\"it's\\\"", "'it''s\\'" },
        { "PostgreSQL", "Mixed Case", "\"Mixed Case\"", "'Mixed Case'" },
        { "PostgreSQL", "it's\\", "\"it's\\\"", "'it''s\\'" },
        { "ClickHouse", "a`b", "`a\\`b`", "'a`b'" },
        { "ClickHouse", "it's\\", "`it's\\\\`", "'it\\'s\\\\'" },
        { "Spark SQL", "a`b", "`a``b`", "'a`b'" },
        { "Spark SQL", "it's\\", "`it's\\`", "'it\\'s\\\\'" },
        { "Trino", "a\"b", "\"a\"\"b\"", "'a\"b'" },
        { "Trino", "it's", "\"it's\"", "'it''s'" },
    };

    private static SqlDialect Dialect(string name) => name switch
    {
        "DuckDB" => SqlDialect.DuckDb,
        "PostgreSQL" => SqlDialect.PostgreSql,
        "ClickHouse" => SqlDialect.ClickHouse,
        "Spark SQL" => SqlDialect.SparkSql,
        _ => SqlDialect.Trino,
    };

    [Theory]
    [MemberData(nameof(Identifiers))]
    public void Quotes_identifiers_and_strings_as_each_dialect_reads_them(string dialect, string text, string identifier, string literal)
    {
        Assert.Equal(identifier, Dialect(dialect).QuoteIdentifier(text));
        Assert.Equal(literal, Dialect(dialect).QuoteString(text));
    }

    [Fact]
    public void Qualifies_a_table_with_its_schema()
    {
        Assert.Equal("\"public\".\"events\"", SqlDialect.PostgreSql.QuoteTable(new TableName("public", "events")));
        Assert.Equal("`db`.`t`", SqlDialect.ClickHouse.QuoteTable(new TableName("db", "t")));
        Assert.Equal("\"t\"", SqlDialect.DuckDb.QuoteTable(new TableName(null, "t")));
    }

    [Fact]
    public void Refuses_what_no_dialect_can_quote()
    {
        Assert.Throws<InvalidArgumentException>(() => SqlDialect.PostgreSql.QuoteIdentifier(""));
        Assert.Throws<InvalidArgumentException>(() => SqlDialect.DuckDb.QuoteIdentifier("a\0b"));
        Assert.Throws<InvalidArgumentException>(() => SqlDialect.ClickHouse.QuoteString("a\0b"));
    }

    [Fact]
    public void Knows_which_engines_match_names_regardless_of_case()
    {
        Assert.True(SqlDialect.DuckDb.IdentifierComparer.Equals("Amount", "amount"));
        Assert.False(SqlDialect.PostgreSql.IdentifierComparer.Equals("Amount", "amount"));
        Assert.False(SqlDialect.ClickHouse.IdentifierComparer.Equals("Amount", "amount"));
    }
}
