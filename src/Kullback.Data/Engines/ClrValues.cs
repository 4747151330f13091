using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Kullback.Data.Engines;

/// <summary>Turns the .NET values an ADO.NET reader returns (DuckDB.NET, Npgsql) into <see cref="ResultValue"/>s and their types into categories.</summary>
internal static class ClrValues
{
    /// <summary>The category of a reader's field type.</summary>
    public static ColumnCategory Category(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte)
            || type == typeof(ulong) || type == typeof(uint) || type == typeof(ushort) || type == typeof(BigInteger)
            || type == typeof(Int128) || type == typeof(UInt128))
            return ColumnCategory.Integral;
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(Half))
            return ColumnCategory.Real;
        if (type == typeof(bool)) return ColumnCategory.Boolean;
        if (type == typeof(string) || type == typeof(char) || type == typeof(Guid) || type.IsEnum) return ColumnCategory.Text;
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan))
            return ColumnCategory.Temporal;
        return ColumnCategory.Other;
    }

    /// <summary>The value as a <see cref="ResultValue"/>: numbers as numbers, the rest as culture-invariant text (ISO 8601 for times).</summary>
    public static ResultValue ToResultValue(object? value) => value switch
    {
        null or DBNull => ResultValue.Null,
        long v => ResultValue.FromInt64(v),
        int v => ResultValue.FromInt64(v),
        short v => ResultValue.FromInt64(v),
        sbyte v => ResultValue.FromInt64(v),
        byte v => ResultValue.FromInt64(v),
        ushort v => ResultValue.FromInt64(v),
        uint v => ResultValue.FromInt64(v),
        ulong v => ResultValue.FromUInt64(v),
        BigInteger v => ResultValue.FromBigInteger(v),
        Int128 v => ResultValue.FromBigInteger(v),
        UInt128 v => ResultValue.FromBigInteger(v),
        double v => ResultValue.FromDouble(v),
        float v => ResultValue.FromDouble(v),
        Half v => ResultValue.FromDouble((double)v),
        decimal v => ResultValue.FromDecimal(v),
        string v => ResultValue.FromString(v),
        _ => ResultValue.FromString(Format(value)),
    };

    /// <summary>A non-numeric value as invariant text.</summary>
    public static string Format(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        char c => c.ToString(),
        DateTime t => t.TimeOfDay == TimeSpan.Zero && t.Kind == DateTimeKind.Unspecified
            ? t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + (t.Kind == DateTimeKind.Utc ? "Z" : ""),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        byte[] bytes => "\\x" + Convert.ToHexStringLower(bytes),
        double or float or decimal or long or int or short or sbyte or byte or ulong or uint or ushort or BigInteger
            => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => $"{FormatItem(k)}: {FormatItem(map[k])}")) + "}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(FormatItem)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string FormatItem(object? item) => item is null or DBNull ? "NULL" : item is string s ? Quote(s) : Format(item);

    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('\'');
        foreach (char c in text) builder.Append(c == '\'' ? "''" : c.ToString());
        return builder.Append('\'').ToString();
    }
}
