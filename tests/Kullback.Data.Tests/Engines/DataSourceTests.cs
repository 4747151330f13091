using CsCheck;
using Kullback.Data.Engines;

namespace Kullback.Data.Tests.Engines;

public sealed class DataSourceTests
{
    [Theory]
    [InlineData("data.csv", FileFormat.Csv)]
    [InlineData("logs/2024-*.csv.gz", FileFormat.Csv)]
    [InlineData("export.TSV", FileFormat.Csv)]
    [InlineData("lake/**/*.parquet", FileFormat.Parquet)]
    [InlineData("part-0001.pq", FileFormat.Parquet)]
    [InlineData("events.jsonl", FileFormat.Json)]
    [InlineData("events.ndjson.zst", FileFormat.Json)]
    [InlineData("dump.json", FileFormat.Json)]
    [InlineData(@"C:\data\sales.csv", FileFormat.Csv)]
    [InlineData("/abs/dir with space/[ab]?.parquet", FileFormat.Parquet)]
    public void A_path_or_glob_is_a_file_source_whose_format_comes_from_the_extension(string text, FileFormat format)
    {
        var source = DataSource.Parse(text);
        Assert.Equal(SourceKind.Files, source.Kind);
        Assert.Equal(text, source.Path);
        Assert.Equal(format, source.Format);
        Assert.Equal(text, source.Display);
        Assert.Equal(new InputLocation(text), source.Location);
        Assert.Same(SqlDialect.DuckDb, source.Dialect);
    }

    [Fact]
    public void A_file_uri_is_its_path()
    {
        var source = DataSource.Parse("file:///data/my%20sales.parquet");
        Assert.Equal(SourceKind.Files, source.Kind);
        Assert.Equal("/data/my sales.parquet", source.Path);
        Assert.Equal(FileFormat.Parquet, source.Format);
    }

    [Fact]
    public void A_given_format_overrides_the_extension()
    {
        Assert.Equal(FileFormat.Csv, DataSource.Parse("export.txt", FileFormat.Csv).Format);
        Assert.Equal(FileFormat.Json, DataSource.Parse("data.csv", FileFormat.Json).Format);
    }

    [Theory]
    [InlineData("notes.txt", "'.txt'")]
    [InlineData("README", "without an extension")]
    [InlineData("warehouse.duckdb", "duckdb:///path/to/file.duckdb?table=name")]
    public void A_file_whose_format_cannot_be_told_is_refused(string text, string said)
    {
        var error = Assert.Throws<InvalidArgumentException>(() => DataSource.Parse(text));
        Assert.Contains(said, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_postgresql_uri_names_server_database_user_and_table()
    {
        var source = DataSource.Parse("postgresql://bob@db.example.org:5433/sales?table=public.events");
        Assert.Equal(SourceKind.PostgreSql, source.Kind);
        Assert.Equal("db.example.org", source.Host);
        Assert.Equal(5433, source.Port);
        Assert.Equal("sales", source.Database);
        Assert.Equal("bob", source.User);
        Assert.Equal(new TableName("public", "events"), source.Table);
        Assert.Null(source.SslMode);
        Assert.Same(SqlDialect.PostgreSql, source.Dialect);
        Assert.Equal("postgresql://bob@db.example.org:5433/sales?table=public.events", source.Display);
    }

    [Fact]
    public void Postgresql_defaults_port_5432_and_leaves_the_schema_to_the_search_path()
    {
        var source = DataSource.Parse("postgres://localhost/sales?table=events&sslmode=require");
        Assert.Equal(5432, source.Port);
        Assert.Null(source.User);
        Assert.Equal(new TableName(null, "events"), source.Table);
        Assert.Equal("require", source.SslMode);
    }

    [Fact]
    public void An_IPv6_host_is_written_in_brackets_and_kept_without_them()
    {
        var source = DataSource.Parse("postgresql://bob@[::1]:6543/db?table=t");
        Assert.Equal("::1", source.Host);
        Assert.Equal(6543, source.Port);
    }

    [Fact]
    public void A_clickhouse_uri_defaults_port_8123_and_database_default_and_qualifies_the_table()
    {
        var source = DataSource.Parse("clickhouse://alice@ch1:8124?table=events");
        Assert.Equal(SourceKind.ClickHouse, source.Kind);
        Assert.Equal(8124, source.Port);
        Assert.Equal("default", source.Database);
        Assert.Equal(new TableName("default", "events"), source.Table);
        Assert.Same(SqlDialect.ClickHouse, source.Dialect);

        var other = DataSource.Parse("clickhouse://ch1/analytics?table=logs.hits");
        Assert.Equal(8123, other.Port);
        Assert.Equal("analytics", other.Database);
        Assert.Equal(new TableName("logs", "hits"), other.Table);
    }

    [Fact]
    public void A_duckdb_uri_names_a_database_file_and_a_table()
    {
        var absolute = DataSource.Parse("duckdb:///var/data/warehouse.duckdb?table=main.events");
        Assert.Equal(SourceKind.DuckDbDatabase, absolute.Kind);
        Assert.Equal("/var/data/warehouse.duckdb", absolute.Path);
        Assert.Equal(new TableName("main", "events"), absolute.Table);

        var relative = DataSource.Parse("duckdb://data/my%20file.duckdb?table=t");
        Assert.Equal("data/my file.duckdb", relative.Path);
        Assert.Equal(new TableName(null, "t"), relative.Table);
    }

    [Fact]
    public void Percent_escapes_and_quoted_parts_name_any_table()
    {
        var source = DataSource.Parse("postgresql://u@h/db?table=%22my.schema%22.%22we%22%22ird%20t%22");
        Assert.Equal(new TableName("my.schema", "we\"ird t"), source.Table);
    }

    [Fact]
    public void A_password_in_the_source_is_refused_without_being_shown()
    {
        const string secret = "s3cr3t-Pa55";
        foreach (string text in (string[])[$"postgresql://bob:{secret}@h/db?table=t", $"clickhouse://bob:{secret}@h/db?table=t", "postgresql://bob:@h/db?table=t",
            $"postgresql://bob:{secret}/x@h/db?table=t", $"postgresql://bob:{secret}?x@h/db?table=t", "postgresql://bob:1234/x@h?table=t"])
        {
            var error = Assert.Throws<InvalidArgumentException>(() => DataSource.Parse(text));
            Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
            Assert.Contains("password", error.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_refusal_is_the_same_whatever_the_password()
    {
        string reference = Assert.Throws<InvalidArgumentException>(() => DataSource.Parse("postgresql://bob:x@host:5432/db?table=t")).Message;
        Gen.String[Gen.Char.Where(c => c != '\0'), 1, 40].Sample(secret =>
            Assert.Throws<InvalidArgumentException>(() => DataSource.Parse($"postgresql://bob:{secret}@host:5432/db?table=t")).Message == reference);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("s3://bucket/data.parquet", "'s3' are not supported")]
    [InlineData("mysql://u@h/db?table=t", "'mysql' are not supported")]
    [InlineData("postgresql://u@h/db", "names no table")]
    [InlineData("postgresql://u@h?table=t", "names no database")]
    [InlineData("postgresql://u@/db?table=t", "names no host")]
    [InlineData("postgresql://u@h:99999/db?table=t", "'99999' is not a number from 1 to 65535")]
    [InlineData("postgresql://u@h:port/db?table=t", "'port' is not a number")]
    [InlineData("postgresql://u@h/db?table=t&sslmode=maybe", "sslmode 'maybe'")]
    [InlineData("clickhouse://u@h/db?table=t&sslmode=require", "'sslmode' is not known")]
    [InlineData("postgresql://u@h/db?table=t&table=u", "given twice")]
    [InlineData("postgresql://u@h/a/b?table=t", "just the database name")]
    [InlineData("postgresql://u@[::1/db?table=t", "unclosed '['")]
    [InlineData("duckdb://?table=t", "has no file")]
    [InlineData("duckdb:///x.duckdb", "names no table")]
    [InlineData("postgresql://u@h/db?table=a.b.c", "more than two parts")]
    [InlineData("postgresql://u@h/db?table=a..b", "empty part")]
    [InlineData("postgresql://u@h/db?table=%22open", "unclosed double quote")]
    public void A_malformed_source_is_refused_with_a_reason(string text, string said)
    {
        var error = Assert.Throws<InvalidArgumentException>(() => DataSource.Parse(text));
        Assert.Contains(said, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_format_applies_to_files_only() =>
        Assert.Throws<InvalidArgumentException>(() => DataSource.Parse("postgresql://u@h/db?table=t", FileFormat.Csv));

    [Fact]
    public void A_filter_is_kept_trimmed_and_a_blank_one_removed()
    {
        var source = DataSource.Parse("data.csv").WithFilter("  amount > 0 AND note = 'a;b' -- trailing; comment\n ");
        Assert.Equal("amount > 0 AND note = 'a;b' -- trailing; comment", source.Filter);
        Assert.Equal("data.csv", source.Display);
        Assert.Null(source.WithFilter("  ").Filter);
        Assert.Null(source.WithFilter(null).Filter);
    }

    [Theory]
    [InlineData("1 = 1; DROP TABLE t")]
    [InlineData("x = 'a\\' ; DROP TABLE t; --'")]
    [InlineData("x = 1 /* c */ ; y")]
    [InlineData("a\0b")]
    public void A_filter_that_could_end_the_statement_is_refused(string filter) =>
        Assert.Throws<InvalidArgumentException>(() => DataSource.Parse("data.csv").WithFilter(filter));

    [Theory]
    [InlineData("note = 'semi;colon'")]
    [InlineData("\"odd;name\" > 0")]
    [InlineData("`odd;name` > 0")]
    [InlineData("x > 0 /* a; b */")]
    [InlineData("x = 'it''s; fine'")]
    public void A_semicolon_inside_quotes_or_comments_is_allowed(string filter) =>
        Assert.Equal(filter, DataSource.Parse("data.csv").WithFilter(filter).Filter);
}
