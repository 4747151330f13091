namespace Kullback.Data.Engines;

/// <summary>DuckDB's SQL type names (as DESCRIBE prints them) in categories.</summary>
internal static class DuckDbTypes
{
    public static ColumnCategory Category(string type)
    {
        string t = type.Trim().ToUpperInvariant();
        if (t.EndsWith(']') || t.StartsWith("STRUCT", StringComparison.Ordinal) || t.StartsWith("MAP", StringComparison.Ordinal)
            || t.StartsWith("UNION", StringComparison.Ordinal))
            return ColumnCategory.Other;
        if (t is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER"
            or "UBIGINT" or "UHUGEINT" or "INT1" or "INT2" or "INT4" or "INT8" or "INT" or "LONG")
            return ColumnCategory.Integral;
        if (t is "FLOAT" or "DOUBLE" or "REAL" or "FLOAT4" or "FLOAT8" || t.StartsWith("DECIMAL", StringComparison.Ordinal) || t.StartsWith("NUMERIC", StringComparison.Ordinal))
            return ColumnCategory.Real;
        if (t is "BOOLEAN" or "BOOL") return ColumnCategory.Boolean;
        if (t is "VARCHAR" or "UUID" or "TEXT" or "STRING" || t.StartsWith("ENUM", StringComparison.Ordinal) || t.StartsWith("VARCHAR", StringComparison.Ordinal))
            return ColumnCategory.Text;
        if (t.StartsWith("DATE", StringComparison.Ordinal) || t.StartsWith("TIME", StringComparison.Ordinal) || t == "INTERVAL")
            return ColumnCategory.Temporal;
        return ColumnCategory.Other;
    }
}
