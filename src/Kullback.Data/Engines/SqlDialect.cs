using System.Text;

namespace Kullback.Data.Engines;

/// <summary>
/// How one SQL dialect spells what differs between engines: quoted identifiers, string literals and whether
/// identifiers match regardless of case. One instance per dialect; plans are built once and quoted through it.
/// </summary>
/// <remarks>
/// Identifiers and literals are always quoted, so names with spaces, quotes, dots, keywords or non-ASCII letters are
/// safe. A NUL character can be quoted by no dialect and is refused.
/// </remarks>
public sealed class SqlDialect
{
    private readonly char _identifierQuote;
    private readonly bool _identifierBackslashEscapes;
    private readonly bool _stringBackslashEscapes;

    private SqlDialect(string name, char identifierQuote, bool identifierBackslashEscapes, bool stringBackslashEscapes, bool identifiersIgnoreCase)
    {
        Name = name;
        _identifierQuote = identifierQuote;
        _identifierBackslashEscapes = identifierBackslashEscapes;
        _stringBackslashEscapes = stringBackslashEscapes;
        IdentifiersIgnoreCase = identifiersIgnoreCase;
    }

    /// <summary>DuckDB: <c>"name"</c> with <c>""</c> inside, <c>'text'</c> with <c>''</c>; identifiers match regardless of case, even quoted.</summary>
    public static SqlDialect DuckDb { get; } = new("DuckDB", '"', identifierBackslashEscapes: false, stringBackslashEscapes: false, identifiersIgnoreCase: true);

    /// <summary>PostgreSQL: <c>"name"</c> with <c>""</c>, <c>'text'</c> with <c>''</c> (standard_conforming_strings, the default since 9.1); quoted identifiers are case-sensitive.</summary>
    public static SqlDialect PostgreSql { get; } = new("PostgreSQL", '"', identifierBackslashEscapes: false, stringBackslashEscapes: false, identifiersIgnoreCase: false);

    /// <summary>ClickHouse: <c>`name`</c> and <c>'text'</c>, with backslash escapes (<c>\`</c>, <c>\'</c>, <c>\\</c>); case-sensitive.</summary>
    public static SqlDialect ClickHouse { get; } = new("ClickHouse", '`', identifierBackslashEscapes: true, stringBackslashEscapes: true, identifiersIgnoreCase: false);

    /// <summary>Spark SQL: <c>`name`</c> with <c>``</c>, <c>'text'</c> with backslash escapes (adjacent literals concatenate, so <c>''</c> would not do); case-insensitive by default.</summary>
    public static SqlDialect SparkSql { get; } = new("Spark SQL", '`', identifierBackslashEscapes: false, stringBackslashEscapes: true, identifiersIgnoreCase: true);

    /// <summary>Trino: <c>"name"</c> with <c>""</c>, <c>'text'</c> with <c>''</c>; identifiers are folded to lower case.</summary>
    public static SqlDialect Trino { get; } = new("Trino", '"', identifierBackslashEscapes: false, stringBackslashEscapes: false, identifiersIgnoreCase: true);

    /// <summary>The dialect's name, as shown to a person.</summary>
    public string Name { get; }

    /// <summary>Whether the engine matches column and table names regardless of letter case.</summary>
    public bool IdentifiersIgnoreCase { get; }

    /// <summary>The comparer that matches identifiers as the engine does.</summary>
    public StringComparer IdentifierComparer => IdentifiersIgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The identifier quoted for this dialect: <c>"a""b"</c>, <c>`a\`b`</c>, <c>`a``b`</c>.</summary>
    /// <exception cref="InvalidArgumentException">The identifier is empty or holds a NUL character.</exception>
    public string QuoteIdentifier(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (identifier.Length == 0)
            throw new InvalidArgumentException("An SQL identifier cannot be empty.", nameof(identifier));
        RefuseNul(identifier, nameof(identifier));
        var builder = new StringBuilder(identifier.Length + 2).Append(_identifierQuote);
        foreach (char c in identifier)
        {
            if (c == _identifierQuote) builder.Append(_identifierBackslashEscapes ? '\\' : _identifierQuote);
            else if (c == '\\' && _identifierBackslashEscapes) builder.Append('\\');
            builder.Append(c);
        }
        return builder.Append(_identifierQuote).ToString();
    }

    /// <summary>The text as a string literal of this dialect: <c>'it''s'</c> or <c>'it\'s'</c>.</summary>
    /// <exception cref="InvalidArgumentException">The text holds a NUL character.</exception>
    public string QuoteString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        RefuseNul(text, nameof(text));
        var builder = new StringBuilder(text.Length + 2).Append('\'');
        foreach (char c in text)
        {
            if (c == '\'') builder.Append(_stringBackslashEscapes ? '\\' : '\'');
            else if (c == '\\' && _stringBackslashEscapes) builder.Append('\\');
            builder.Append(c);
        }
        return builder.Append('\'').ToString();
    }

    /// <summary>A table name quoted for this dialect: <c>"schema"."name"</c>, or the name alone without a schema.</summary>
    public string QuoteTable(TableName table) =>
        table.Schema is null ? QuoteIdentifier(table.Name) : $"{QuoteIdentifier(table.Schema)}.{QuoteIdentifier(table.Name)}";

    /// <summary>The dialect's name.</summary>
    public override string ToString() => Name;

    private static void RefuseNul(string text, string paramName)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
            throw new InvalidArgumentException($"{InputText.Quote(text)} holds a NUL character, which no SQL engine accepts in a name or literal.", paramName);
    }
}
