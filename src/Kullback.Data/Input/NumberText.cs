using System.Globalization;
using System.Text;
using csFastFloat;

namespace Kullback.Data.Input;

/// <summary>The outcome of reading a number.</summary>
internal enum NumberStatus
{
    /// <summary>A finite number.</summary>
    Ok,

    /// <summary>Not a number in the accepted form.</summary>
    Invalid,

    /// <summary>A decimal number whose magnitude exceeds the largest finite double (1.7976931348623157e308).</summary>
    TooLarge,

    /// <summary>A decimal number that is not zero but rounds to zero (below 4.9e-324 in magnitude).</summary>
    TooSmall,

    /// <summary>A whole number outside the range of a 64-bit integer.</summary>
    OutOfRange,
}

/// <summary>
/// Culture-invariant number syntax, the same in every locale: <c>[+|-] digits [. digits] [(e|E) [+|-] digits]</c>,
/// also <c>.5</c> and <c>5.</c>; ASCII digits only, a decimal point and never a decimal comma, no digit or
/// thousands separators, no hexadecimal, no NaN or infinity. Decimal numbers are rounded correctly (fast_float);
/// −0 reads as 0.
/// </summary>
internal static class NumberText
{
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    /// <summary>Reads a decimal number.</summary>
    public static NumberStatus TryParseDouble(ReadOnlySpan<byte> text, out double value)
    {
        if (TryFastPath(text, out value)) return NumberStatus.Ok;
        value = 0;
        if (text.IsEmpty) return NumberStatus.Invalid;
        byte first = text[0];
        if (first is (byte)'+' or (byte)'-')
        {
            if (text.Length == 1) return NumberStatus.Invalid;
            first = text[1];
        }
        if (!(IsDigit(first) || first == '.')) return NumberStatus.Invalid;
        if (!FastDoubleParser.TryParseDouble(text, out int used, out value, NumberStyles.Float, (byte)'.') || used != text.Length)
        {
            value = 0;
            return NumberStatus.Invalid;
        }
        if (!double.IsFinite(value))
        {
            value = 0;
            return NumberStatus.TooLarge;
        }
        if (value == 0)
        {
            value = 0.0;   // −0 is read as 0
            if (HasNonZeroDigit(text)) return NumberStatus.TooSmall;
        }
        return NumberStatus.Ok;
    }

    /// <summary>
    /// The fast paths for a number of at most 19 digits w and decimal exponent e: Clinger's when w ≤ 2⁵³ and |e| ≤ 22
    /// (w·10^e or w / 10^−e, one correctly rounded operation on two exact doubles), else Eisel–Lemire. Anything else
    /// (more digits, a result that is subnormal, zero or infinite, any other syntax) returns false and takes the full path.
    /// </summary>
    private static bool TryFastPath(ReadOnlySpan<byte> text, out double value) =>
        ScanNumber(text, out int used, out value) && used == text.Length;

    /// <summary>
    /// Reads the number that starts <paramref name="text"/> by the fast paths alone, stopping at the first byte that
    /// cannot continue it (a delimiter, a line end, anything): for rows read without splitting them first.
    /// </summary>
    /// <param name="text">The rest of a line.</param>
    /// <param name="used">The bytes of the number.</param>
    /// <param name="value">Its value, correctly rounded; −0 is 0.</param>
    /// <returns>False when the fast paths cannot read it (the caller takes the full path).</returns>
    public static bool ScanNumber(ReadOnlySpan<byte> text, out int used, out double value)
    {
        value = 0;
        used = 0;
        int i = 0, n = Math.Min(text.Length, 64);
        if (n == 0) return false;
        bool negative = text[0] == '-';
        if (negative || text[0] == '+') i++;
        ulong w = 0;
        int digits = 0, exponent = 0;
        int start = i;
        for (; i < n; i++)
        {
            uint d = (uint)(text[i] - '0');
            if (d > 9) break;
            w = w * 10 + d;
            digits++;
        }
        bool anyDigit = i > start;
        if (i < n && text[i] == '.')
        {
            i++;
            int fraction = i;
            for (; i < n; i++)
            {
                uint d = (uint)(text[i] - '0');
                if (d > 9) break;
                w = w * 10 + d;
                digits++;
            }
            exponent = fraction - i;
            anyDigit |= i > fraction;
        }
        if (!anyDigit || digits > 19) return false;
        if (i < n && (text[i] | 0x20) == 'e')
        {
            i++;
            bool negativeExponent = false;
            if (i < n && (text[i] == '-' || text[i] == '+')) negativeExponent = text[i++] == '-';
            int e = 0, exponentStart = i;
            for (; i < n; i++)
            {
                uint d = (uint)(text[i] - '0');
                if (d > 9) break;
                if (e > 10_000) return false;
                e = e * 10 + (int)d;
            }
            if (i == exponentStart) return false;
            exponent += negativeExponent ? -e : e;
        }
        if (i == n && n < text.Length) return false;   // longer than any fast-path number
        used = i;
        if (w > (1UL << 53) || exponent < -22 || exponent > 22) return EiselLemire.TryCompute(w, exponent, negative, out value);
        double x = w;
        if (exponent != 0) x = exponent < 0 ? x / PowersOfTen[-exponent] : x * PowersOfTen[exponent];
        value = negative && x != 0 ? -x : x;   // −0 reads as 0
        return true;
    }

    /// <summary>
    /// Reads the whole number of at most 18 digits (<c>[+|-] digits</c>) that starts <paramref name="text"/>, stopping
    /// at the first byte that is not a digit; false for anything else (the caller takes the full path).
    /// </summary>
    public static bool ScanWhole(ReadOnlySpan<byte> text, out int used, out long value)
    {
        value = 0;
        used = 0;
        int i = 0;
        bool negative = text.Length > 0 && text[0] == '-';
        if (text.Length > 0 && (negative || text[0] == '+')) i++;
        int start = i;
        long v = 0;
        for (; i < text.Length && i - start <= 18; i++)
        {
            uint d = (uint)(text[i] - '0');
            if (d > 9) break;
            v = v * 10 + d;
        }
        if (i == start || i - start > 18) return false;
        used = i;
        value = negative ? -v : v;
        return true;
    }

    /// <summary>Reads a whole number written <c>[+|-] digits</c> (ASCII).</summary>
    /// <returns><see cref="NumberStatus.Invalid"/> for any other form; <see cref="NumberStatus.OutOfRange"/> beyond ±9223372036854775807 (and −9223372036854775808).</returns>
    public static NumberStatus TryParseInt64(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            negative = text[0] == '-';
            i = 1;
        }
        if (i == text.Length) return NumberStatus.Invalid;
        ulong magnitude = 0;
        bool overflow = false;
        for (; i < text.Length; i++)
        {
            uint digit = (uint)(text[i] - '0');
            if (digit > 9) return NumberStatus.Invalid;
            if (magnitude > (ulong.MaxValue - digit) / 10) overflow = true;
            else magnitude = magnitude * 10 + digit;
        }
        ulong limit = negative ? 9223372036854775808UL : long.MaxValue;
        if (overflow || magnitude > limit) return NumberStatus.OutOfRange;
        value = negative ? (long)(0UL - magnitude) : (long)magnitude;
        return NumberStatus.Ok;
    }

    /// <summary>
    /// True for a count written as a whole number (<c>[+] digits</c>) above 2⁵³ = 9007199254740992, which a double
    /// cannot hold exactly together with its neighbours (9007199254740993 would read as …992).
    /// </summary>
    public static bool IsWholeAboveExactLimit(ReadOnlySpan<byte> text)
    {
        if (text.Length > 0 && text[0] == '+') text = text[1..];
        if (text.IsEmpty || text.ContainsAnyExceptInRange((byte)'0', (byte)'9')) return false;
        text = text.TrimStart((byte)'0');
        ReadOnlySpan<byte> limit = "9007199254740992"u8;
        return text.Length > limit.Length || (text.Length == limit.Length && text.SequenceCompareTo(limit) > 0);
    }

    /// <summary>
    /// True when the text would be a number if its commas were decimal points or thousands separators, as in
    /// <c>0,5</c>, <c>1,000</c> or <c>1.000,5</c>: digits, at most a sign in front, points and commas, a comma between digits.
    /// </summary>
    public static bool LooksLikeCommaNumber(ReadOnlySpan<byte> text)
    {
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+')) text = text[1..];
        if (text.IsEmpty || !IsDigit(text[0]) || !IsDigit(text[^1])) return false;
        bool comma = false;
        for (int i = 0; i < text.Length; i++)
        {
            byte b = text[i];
            if (IsDigit(b)) continue;
            if (b != ',' && b != '.') return false;
            if (!IsDigit(text[i - 1]) || !IsDigit(text[i + 1])) return false;
            comma |= b == ',';
        }
        return comma;
    }

    /// <summary>
    /// Why <paramref name="text"/> is not an accepted number, as the words that follow the quoted text in a message
    /// ("is not a number", "has a decimal comma", …); used only on the error path.
    /// </summary>
    public static string WhyNotANumber(ReadOnlySpan<byte> text, NumberStatus status)
    {
        switch (status)
        {
            case NumberStatus.TooLarge: return "is too large: the largest finite number is 1.7976931348623157e308";
            case NumberStatus.TooSmall: return "is too small to tell from 0 (the smallest positive number is 4.9e-324); write 0 if 0 is meant";
            case NumberStatus.OutOfRange: return "is a whole number outside the range −9223372036854775808 to 9223372036854775807 that is held exactly";
        }
        if (text.IsEmpty) return "is empty; a number is needed";
        string s = Encoding.UTF8.GetString(text);
        string bare = s.TrimStart('+', '-');
        if (bare.Equals("nan", StringComparison.OrdinalIgnoreCase))
            return "is not finite; every value must be a finite number";
        if (bare.Equals("inf", StringComparison.OrdinalIgnoreCase) || bare.Equals("infinity", StringComparison.OrdinalIgnoreCase) || bare == "∞")
            return "is not finite; every value must be a finite number";
        if (bare.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return "is hexadecimal, which is not read; write the number in decimal (such as 8 or 0.5)";
        if (LooksLikeCommaNumber(text))
            return "has a decimal comma or thousands separators: numbers take a decimal point and no separators (0.5, 1000) in every locale";
        if (s.Contains('_', StringComparison.Ordinal) || s.Contains('\'', StringComparison.Ordinal))
            return "has digit separators ('_' or '), which are not read; write the digits alone (1000)";
        foreach (var rune in s.EnumerateRunes())
            if (Rune.IsDigit(rune) && !(rune.Value >= '0' && rune.Value <= '9'))
                return "has digits other than 0–9, which are not read; write ASCII digits";
        return NotANumber;
    }

    /// <summary>The reason given when no more particular one applies.</summary>
    public const string NotANumber = "is not a number";

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool HasNonZeroDigit(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (b == 'e' || b == 'E') return false;
            if (b >= '1' && b <= '9') return true;
        }
        return false;
    }
}
