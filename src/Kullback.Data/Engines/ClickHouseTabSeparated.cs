using System.Globalization;
using System.Numerics;
using System.Text;

namespace Kullback.Data.Engines;

/// <summary>
/// ClickHouse's <c>TabSeparatedWithNamesAndTypes</c> format: a line of names, a line of types, then one line per row,
/// fields separated by tabs, with <c>\t</c>, <c>\n</c>, <c>\\</c> (and <c>\b \f \r \0 \' </c>) escaped and <c>\N</c> for NULL.
/// </summary>
internal static class ClickHouseTabSeparated
{
    /// <summary>Splits a line into its fields, unescaped; a field that is exactly <c>\N</c> becomes null.</summary>
    public static List<string?> SplitLine(string line)
    {
        var fields = new List<string?>();
        var field = new StringBuilder();
        bool escapedNull = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '\t')
            {
                fields.Add(escapedNull && field.Length == 0 ? null : field.ToString());
                field.Clear();
                escapedNull = false;
                continue;
            }
            if (c == '\\' && i + 1 < line.Length)
            {
                char next = line[++i];
                switch (next)
                {
                    case 't': field.Append('\t'); break;
                    case 'n': field.Append('\n'); break;
                    case 'r': field.Append('\r'); break;
                    case 'b': field.Append('\b'); break;
                    case 'f': field.Append('\f'); break;
                    case '0': field.Append('\0'); break;
                    case 'N' when field.Length == 0 && (i + 1 == line.Length || line[i + 1] == '\t'): escapedNull = true; break;
                    default: field.Append(next); break;
                }
                continue;
            }
            field.Append(c);
        }
        fields.Add(escapedNull && field.Length == 0 ? null : field.ToString());
        return fields;
    }

    /// <summary>The type without its <c>Nullable(…)</c> and <c>LowCardinality(…)</c> wrappers.</summary>
    public static string BaseType(string type)
    {
        string t = type.Trim();
        while (true)
        {
            if (Unwrap(t, "Nullable(") is { } inner) { t = inner; continue; }
            if (Unwrap(t, "LowCardinality(") is { } low) { t = low; continue; }
            return t;
        }
    }

    private static string? Unwrap(string type, string prefix) =>
        type.StartsWith(prefix, StringComparison.Ordinal) && type.EndsWith(')') ? type[prefix.Length..^1].Trim() : null;

    /// <summary>The category of a ClickHouse type name.</summary>
    public static ColumnCategory Category(string type)
    {
        string t = BaseType(type);
        if (IsInteger(t)) return ColumnCategory.Integral;
        if (t is "Float32" or "Float64" || t.StartsWith("Decimal", StringComparison.Ordinal)) return ColumnCategory.Real;
        if (t is "Bool" or "Boolean") return ColumnCategory.Boolean;
        if (t is "String" or "UUID" or "IPv4" or "IPv6" || t.StartsWith("FixedString(", StringComparison.Ordinal) || t.StartsWith("Enum", StringComparison.Ordinal))
            return ColumnCategory.Text;
        if (t is "Date" or "Date32" || t.StartsWith("DateTime", StringComparison.Ordinal) || t.StartsWith("Interval", StringComparison.Ordinal))
            return ColumnCategory.Temporal;
        return ColumnCategory.Other;
    }

    private static bool IsInteger(string t) => t is "Int8" or "Int16" or "Int32" or "Int64" or "Int128" or "Int256"
        or "UInt8" or "UInt16" or "UInt32" or "UInt64" or "UInt128" or "UInt256";

    /// <summary>
    /// One field's text as a value of its column's type: integers exactly (UInt64 beyond 2⁶³ − 1 and wider integers as
    /// the nearest double), floats with <c>nan</c> and <c>inf</c>, decimals exactly when integral, the rest as text
    /// (FixedString without its NUL padding).
    /// </summary>
    /// <exception cref="FormatException">The text is not a value of a numeric type.</exception>
    public static ResultValue ParseValue(string? text, string type)
    {
        if (text is null) return ResultValue.Null;
        string t = BaseType(type);
        if (t == "Nothing") return ResultValue.Null;
        var invariant = CultureInfo.InvariantCulture;
        if (t.StartsWith("UInt", StringComparison.Ordinal) && IsInteger(t))
            return ResultValue.FromBigInteger(BigInteger.Parse(text, NumberStyles.None, invariant));
        if (t.StartsWith("Int", StringComparison.Ordinal) && IsInteger(t))
            return ResultValue.FromBigInteger(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, invariant));
        if (t is "Float32" or "Float64")
            return ResultValue.FromDouble(ParseFloat(text));
        if (t.StartsWith("Decimal", StringComparison.Ordinal))
            return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, invariant, out decimal d)
                ? ResultValue.FromDecimal(d)
                : ResultValue.FromDouble(double.Parse(text, NumberStyles.Float, invariant));
        if (t.StartsWith("FixedString(", StringComparison.Ordinal))
            return ResultValue.FromString(text.TrimEnd('\0'));
        return ResultValue.FromString(text);
    }

    private static double ParseFloat(string text) => text switch
    {
        "nan" or "-nan" or "+nan" => double.NaN,
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>A value written as a TabSeparated field: numbers invariant (<c>nan</c>, <c>inf</c>), text escaped, null as <c>\N</c>.</summary>
    public static string FormatField(object? value) => value switch
    {
        null or DBNull => "\\N",
        double d => FormatFloat(d),
        float f => FormatFloat(f),
        bool b => b ? "1" : "0",
        IFormattable formattable and not DateTime and not DateOnly and not DateTimeOffset => formattable.ToString(null, CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Escape(value.ToString() ?? ""),
    };

    private static string FormatFloat(double d) =>
        double.IsNaN(d) ? "nan" : double.IsPositiveInfinity(d) ? "inf" : double.IsNegativeInfinity(d) ? "-inf" : d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Text escaped for a TabSeparated field.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                '\b' => "\\b",
                '\f' => "\\f",
                '\0' => "\\0",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }
}
