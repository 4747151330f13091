namespace Kullback.Data.Engines;

/// <summary>Checks that a row filter is one SQL expression: no statement separator outside quotes and comments.</summary>
internal static class SqlFilterCheck
{
    /// <summary>
    /// Refuses a semicolon outside <c>'…'</c>, <c>"…"</c>, <c>`…`</c>, <c>-- …</c> and <c>/* … */</c>, and a NUL
    /// anywhere: a filter is placed in parentheses in a WHERE clause and must not end the statement.
    /// </summary>
    /// <remarks>
    /// Whether a backslash escapes a quote depends on the dialect (ClickHouse: yes; PostgreSQL: only in <c>E'…'</c>),
    /// so the text is scanned both ways and refused if either reading finds a separator. The only filters refused
    /// needlessly hold a literal with both <c>\'</c> and <c>;</c>.
    /// </remarks>
    public static void RequireSingleExpression(string filter, string paramName)
    {
        if (filter.Contains('\0', StringComparison.Ordinal))
            throw new InvalidArgumentException("The filter holds a NUL character.", paramName);
        if (HasSeparator(filter, backslashEscapes: true) || HasSeparator(filter, backslashEscapes: false))
            throw new InvalidArgumentException(
                "The filter holds a semicolon: it must be one SQL boolean expression (like amount > 0 AND country = 'NZ'), not statements.", paramName);
    }

    private static bool HasSeparator(string filter, bool backslashEscapes)
    {
        int i = 0;
        while (i < filter.Length)
        {
            char c = filter[i];
            if (c is '\'' or '"' or '`')
            {
                i++;
                while (i < filter.Length)
                {
                    if (backslashEscapes && filter[i] == '\\') { i += 2; continue; }
                    if (filter[i] == c)
                    {
                        i++;
                        if (i < filter.Length && filter[i] == c) { i++; continue; }
                        break;
                    }
                    i++;
                }
                continue;
            }
            if (c == '-' && i + 1 < filter.Length && filter[i + 1] == '-')
            {
                int end = filter.IndexOf('\n', i);
                i = end < 0 ? filter.Length : end + 1;
                continue;
            }
            if (c == '/' && i + 1 < filter.Length && filter[i + 1] == '*')
            {
                int end = filter.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? filter.Length : end + 2;
                continue;
            }
            if (c == ';') return true;
            i++;
        }
        return false;
    }
}
