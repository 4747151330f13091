using System.Globalization;

namespace Kullback.Data.Engines;

/// <summary>
/// One value of a result row: NULL, a 64-bit integer, a double or a string, as the engine sent it. Immutable.
/// </summary>
/// <remarks>
/// The typed accessors never convert silently between kinds except <see cref="AsDouble"/>, which also accepts an
/// <see cref="ValueKind.Integral"/> (exact up to 2⁵³ in magnitude). A NULL has no number: asking for one throws.
/// </remarks>
public readonly struct ResultValue : IEquatable<ResultValue>
{
    private readonly long _integer;
    private readonly double _real;
    private readonly string? _text;

    private ResultValue(ValueKind kind, long integer, double real, string? text)
    {
        Kind = kind;
        _integer = integer;
        _real = real;
        _text = text;
    }

    /// <summary>SQL NULL.</summary>
    public static ResultValue Null => default;

    /// <summary>What the value holds.</summary>
    public ValueKind Kind { get; }

    /// <summary>Whether the value is SQL NULL.</summary>
    public bool IsNull => Kind == ValueKind.Null;

    /// <summary>An integer value.</summary>
    public static ResultValue FromInt64(long value) => new(ValueKind.Integral, value, 0, null);

    /// <summary>A double value (NaN and ±∞ are kept: they are what the engine returned).</summary>
    public static ResultValue FromDouble(double value) => new(ValueKind.Real, 0, value, null);

    /// <summary>A text value.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null (use <see cref="Null"/>).</exception>
    public static ResultValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(ValueKind.Text, 0, 0, value);
    }

    /// <summary>
    /// An exact decimal as an <see cref="ValueKind.Integral"/> when it is integral and fits 64 bits (a PostgreSQL
    /// <c>sum(bigint)</c> is a numeric), otherwise as the nearest double.
    /// </summary>
    /// <remarks>The double is correctly rounded (parsed from the decimal's invariant text; the explicit conversion may be an ulp off for 20 digits and more).</remarks>
    public static ResultValue FromDecimal(decimal value) =>
        decimal.IsInteger(value) && value >= long.MinValue && value <= long.MaxValue
            ? FromInt64((long)value)
            : FromDouble(double.Parse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture));

    /// <summary>An unsigned 64-bit integer: <see cref="ValueKind.Integral"/> up to 2⁶³ − 1, the nearest double beyond.</summary>
    public static ResultValue FromUInt64(ulong value) =>
        value <= long.MaxValue ? FromInt64((long)value) : FromDouble(value);

    /// <summary>A 128-bit or wider integer: <see cref="ValueKind.Integral"/> when it fits 64 bits, the nearest double beyond.</summary>
    /// <remarks>
    /// The double is correctly rounded (through the invariant decimal text: .NET's explicit BigInteger-to-double
    /// conversion truncates, giving 2⁶⁴ − 2048 for 2⁶⁴ − 1).
    /// </remarks>
    public static ResultValue FromBigInteger(System.Numerics.BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue) return FromInt64((long)value);
        if (value.Sign > 0 && value <= ulong.MaxValue) return FromDouble((ulong)value);
        return FromDouble(double.Parse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    /// <summary>The integer.</summary>
    /// <exception cref="InvalidOperationException">The value is not an <see cref="ValueKind.Integral"/>.</exception>
    public long AsInt64() => Kind == ValueKind.Integral ? _integer : throw WrongKind("an integer");

    /// <summary>The number as a double: a <see cref="ValueKind.Real"/> as it is, an <see cref="ValueKind.Integral"/> converted (exact up to 2⁵³).</summary>
    /// <exception cref="InvalidOperationException">The value is NULL or text.</exception>
    public double AsDouble() => Kind switch
    {
        ValueKind.Real => _real,
        ValueKind.Integral => _integer,
        _ => throw WrongKind("a number"),
    };

    /// <summary>The text.</summary>
    /// <exception cref="InvalidOperationException">The value is not <see cref="ValueKind.Text"/>.</exception>
    public string AsString() => Kind == ValueKind.Text ? _text! : throw WrongKind("text");

    /// <summary>The value as SQL would print it, culture-invariant: <c>NULL</c>, <c>42</c>, <c>0.1</c> (shortest round-trip form), <c>NaN</c>, <c>Infinity</c>, or the text itself.</summary>
    public override string ToString() => Kind switch
    {
        ValueKind.Null => "NULL",
        ValueKind.Integral => _integer.ToString(CultureInfo.InvariantCulture),
        ValueKind.Real => _real.ToString("R", CultureInfo.InvariantCulture),
        _ => _text!,
    };

    /// <inheritdoc/>
    public bool Equals(ResultValue other) => Kind == other.Kind && Kind switch
    {
        ValueKind.Integral => _integer == other._integer,
        ValueKind.Real => _real.Equals(other._real),
        ValueKind.Text => string.Equals(_text, other._text, StringComparison.Ordinal),
        _ => true,
    };

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ResultValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Kind switch
    {
        ValueKind.Integral => HashCode.Combine(Kind, _integer),
        ValueKind.Real => HashCode.Combine(Kind, _real),
        ValueKind.Text => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(_text!)),
        _ => 0,
    };

    /// <summary>Equality of kind and value (NaN equals NaN, as <see cref="double.Equals(double)"/>).</summary>
    public static bool operator ==(ResultValue left, ResultValue right) => left.Equals(right);

    /// <summary>Inequality of kind or value.</summary>
    public static bool operator !=(ResultValue left, ResultValue right) => !left.Equals(right);

    private InvalidOperationException WrongKind(string wanted) =>
        new($"The value is {DescribeKind()}, not {wanted}.");

    private string DescribeKind() => Kind switch
    {
        ValueKind.Null => "NULL",
        ValueKind.Integral => "an integer",
        ValueKind.Real => "a real number",
        _ => "text",
    };
}
