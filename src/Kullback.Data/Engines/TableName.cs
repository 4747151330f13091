using System.Text;

namespace Kullback.Data.Engines;

/// <summary>A table's name, optionally qualified: a PostgreSQL or DuckDB schema, or a ClickHouse database.</summary>
/// <param name="Schema">The schema (PostgreSQL, DuckDB) or database (ClickHouse); null for the engine's default.</param>
/// <param name="Name">The table's own name, unquoted.</param>
public readonly record struct TableName(string? Schema, string Name)
{
    /// <summary>
    /// Parses <c>name</c> or <c>schema.name</c>; either part may be double-quoted to hold dots or spaces, with
    /// <c>""</c> for a quote inside (<c>"my.schema"."ta""ble"</c>). The names are kept exactly as written: no case folding.
    /// </summary>
    /// <exception cref="InvalidArgumentException">The text is empty, has an empty part, more than two parts, or an unclosed quote.</exception>
    public static TableName Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>(2);
        var part = new StringBuilder();
        int i = 0;
        while (true)
        {
            bool quoted = i < text.Length && text[i] == '"';
            if (quoted)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new InvalidArgumentException($"The table name {InputText.Quote(text)} has an unclosed double quote.", nameof(text));
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { part.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    part.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] != '.')
                {
                    if (text[i] == '"')
                        throw new InvalidArgumentException($"The table name {InputText.Quote(text)} has a double quote inside an unquoted part; quote the whole part, as in \"ta\"\"ble\".", nameof(text));
                    part.Append(text[i++]);
                }
            }
            if (part.Length == 0)
                throw new InvalidArgumentException($"The table name {InputText.Quote(text)} has an empty part; write name or schema.name.", nameof(text));
            parts.Add(part.ToString());
            part.Clear();
            if (i >= text.Length) break;
            if (text[i] != '.')
                throw new InvalidArgumentException($"The table name {InputText.Quote(text)} has text after a closing quote; write name or schema.name.", nameof(text));
            i++;
            if (parts.Count == 2)
                throw new InvalidArgumentException($"The table name {InputText.Quote(text)} has more than two parts; write name or schema.name.", nameof(text));
        }
        return parts.Count == 1 ? new TableName(null, parts[0]) : new TableName(parts[0], parts[1]);
    }

    /// <summary><c>schema.name</c> or <c>name</c>, each part as written (unquoted), for messages.</summary>
    public override string ToString() => Schema is null ? Name : $"{Schema}.{Name}";
}
