namespace Kullback.Data.Engines;

/// <summary>Where a tabular source lives, and so which engine reads it.</summary>
public enum SourceKind
{
    /// <summary>One file or a glob of files (CSV, Parquet, JSON), read by embedded DuckDB.</summary>
    Files,

    /// <summary>A table in a DuckDB database file, opened read-only by embedded DuckDB.</summary>
    DuckDbDatabase,

    /// <summary>A table on a PostgreSQL server (Npgsql).</summary>
    PostgreSql,

    /// <summary>A table on a ClickHouse server, over its HTTP interface.</summary>
    ClickHouse,
}
