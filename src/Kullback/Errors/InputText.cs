using System.Globalization;
using System.Text;

namespace Kullback;

/// <summary>How input text is shown back to a person in messages: quoted, escaped, and short.</summary>
public static class InputText
{
    /// <summary>The default number of characters of a token shown before it is cut.</summary>
    public const int DefaultMaximumShown = 40;

    /// <summary>
    /// The text in single quotes with control, format (invisible) and other non-printing characters escaped as
    /// <c>\t</c>, <c>\n</c>, <c>\u200B</c> or <c>\x1B</c>, and cut after <paramref name="maximumShown"/> characters
    /// with a note of how many more there were. Terminal escape sequences therefore never reach the terminal.
    /// </summary>
    /// <param name="text">The raw text.</param>
    /// <param name="maximumShown">At most this many characters of the text are shown (at least 8).</param>
    public static string Quote(ReadOnlySpan<char> text, int maximumShown = DefaultMaximumShown)
    {
        maximumShown = Math.Max(8, maximumShown);
        var builder = new StringBuilder(Math.Min(text.Length, maximumShown) + 16);
        builder.Append('\'');
        int shown = 0;
        int i = 0;
        for (; i < text.Length && shown < maximumShown; i++, shown++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            switch (c)
            {
                case '\t': builder.Append("\\t"); continue;
                case '\n': builder.Append("\\n"); continue;
                case '\r': builder.Append("\\r"); continue;
                case '\\': builder.Append("\\\\"); continue;
                case '\'': builder.Append("\\'"); continue;
            }
            var category = char.GetUnicodeCategory(c);
            bool printable = category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator) && !(category == UnicodeCategory.SpaceSeparator && c != ' ');
            if (printable) builder.Append(c);
            else if (c < 0x100) builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            else builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }
        builder.Append('\'');
        if (i < text.Length)
            builder.Append(CultureInfo.InvariantCulture, $" (cut; {text.Length - i:N0} more characters)");
        return builder.ToString();
    }
}
