using System.Text;

namespace Kullback.Data.Input;

/// <summary>Small helpers for UTF-8 bytes already checked to be valid: columns, decoding, quoting for messages.</summary>
internal static class Utf8Text
{
    /// <summary>The number of Unicode scalar values (what a person counts as characters) in valid UTF-8.</summary>
    public static int CountScalars(ReadOnlySpan<byte> bytes)
    {
        int count = 0;
        foreach (byte b in bytes)
            if ((b & 0xC0) != 0x80) count++;
        return count;
    }

    /// <summary>The text of valid UTF-8 bytes.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>
    /// The bytes quoted and escaped by <see cref="InputText.Quote"/>, decoding only what can be shown, so that a
    /// 10 MB token costs no more than a short one; the count of characters not shown is exact.
    /// </summary>
    public static string Quote(ReadOnlySpan<byte> bytes)
    {
        const int Shown = InputText.DefaultMaximumShown;
        // Enough bytes for the characters shown plus one, so that Quote knows it cut.
        int take = 0, scalars = 0;
        while (take < bytes.Length && scalars <= Shown)
        {
            take++;
            while (take < bytes.Length && (bytes[take] & 0xC0) == 0x80) take++;
            scalars++;
        }
        if (take == bytes.Length) return InputText.Quote(Decode(bytes));
        string head = Decode(bytes[..take]);
        string quoted = InputText.Quote(head, Shown);
        // Quote counted the characters of the head only; state the true remainder.
        int cut = quoted.LastIndexOf(" (cut; ", StringComparison.Ordinal);
        string prefix = cut >= 0 ? quoted[..cut] : quoted;
        int more = CountScalars(bytes) - Shown;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix} (cut; {more:N0} more characters)");
    }

    /// <summary>True for the ASCII blanks that separate fields: space, tab, vertical tab, form feed.</summary>
    public static bool IsBlank(byte b) => b == ' ' || b == '\t' || b == '\v' || b == '\f';

    /// <summary>The bytes without leading and trailing blanks.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> bytes, out int leading)
    {
        int start = 0, end = bytes.Length;
        while (start < end && IsBlank(bytes[start])) start++;
        while (end > start && IsBlank(bytes[end - 1])) end--;
        leading = start;
        return bytes[start..end];
    }

    /// <summary>True when the line holds nothing but blanks, or is a comment (its first non-blank byte is '#').</summary>
    public static bool IsBlankOrComment(ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[0] > ' ' && line[0] != '#') return false;   // the usual line starts with its data
        foreach (byte b in line)
        {
            if (IsBlank(b)) continue;
            return b == '#';
        }
        return true;
    }
}
