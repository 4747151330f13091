using System.Globalization;

namespace Kullback.Data.Input;

/// <summary>A column of a delimited file, chosen by its header name (compared ignoring case) or its 1-based number.</summary>
public readonly record struct ColumnSelector
{
    private ColumnSelector(string? name, int number, string text)
    {
        Name = name;
        Number = number;
        Text = text;
    }

    /// <summary>The header name, or null when the column is chosen by number.</summary>
    public string? Name { get; }

    /// <summary>The 1-based number, or 0 when the column is chosen by name.</summary>
    public int Number { get; }

    /// <summary>The selector as the person wrote it, for messages.</summary>
    public string Text { get; }

    /// <summary>The column whose header is <paramref name="name"/> (ignoring case).</summary>
    /// <exception cref="InvalidArgumentException"><paramref name="name"/> is empty or blank.</exception>
    public static ColumnSelector ByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string trimmed = name.Trim();
        if (trimmed.Length == 0) throw new InvalidArgumentException("A column name cannot be empty.", nameof(name));
        return new ColumnSelector(trimmed, 0, trimmed);
    }

    /// <summary>The column numbered <paramref name="number"/>, counting from 1. Whether it exists is checked against the file.</summary>
    public static ColumnSelector ByNumber(int number) =>
        new(null, number, number.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// A number when <paramref name="text"/> is made only of the digits 0–9 (so "2" is the second column), otherwise a name.
    /// </summary>
    /// <exception cref="InvalidArgumentException"><paramref name="text"/> is empty or blank.</exception>
    public static ColumnSelector Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit))
        {
            int number = int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : int.MaxValue;
            return new ColumnSelector(null, number, trimmed);
        }
        return ByName(trimmed);
    }

    /// <summary>Comma-separated selectors, such as <c>x,y,3</c>, each read by <see cref="Parse"/>.</summary>
    /// <exception cref="InvalidArgumentException">The list is empty or a name is blank.</exception>
    public static IReadOnlyList<ColumnSelector> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.All(p => p.Length == 0)) throw new InvalidArgumentException("The list of columns is empty.", nameof(text));
        if (parts.Any(p => p.Length == 0)) throw new InvalidArgumentException($"The list of columns '{text}' has an empty entry.", nameof(text));
        return parts.Select(Parse).ToArray();
    }

    /// <summary>The selector as written.</summary>
    public override string ToString() => Text;
}
