using Kullback.Comparison;
using Kullback.Data.Engines;

namespace Kullback.Data.Comparison;

/// <summary>A column to compare: its name in the source, its kind, and its category in the engine (which says how to read it).</summary>
/// <param name="Name">The column's name in the source (unquoted).</param>
/// <param name="Kind">How it is compared.</param>
/// <param name="Category">The engine's category of the column's type.</param>
public sealed record ColumnPlan(string Name, ColumnKind Kind, ColumnCategory Category)
{
    /// <summary>The kind inferred from the engine's category: numbers, dates and times are numeric; text and booleans categorical.</summary>
    /// <exception cref="InvalidInputException">The column's type (a list, a struct, a blob) can be neither.</exception>
    public static ColumnKind Infer(ResultColumn column, InputLocation source)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Category switch
        {
            ColumnCategory.Integral or ColumnCategory.Real or ColumnCategory.Temporal => ColumnKind.Numeric,
            ColumnCategory.Text or ColumnCategory.Boolean => ColumnKind.Categorical,
            _ => throw new InvalidInputException(
                $"column {InputText.Quote(column.Name)} has the type {InputText.Quote(column.EngineType)}, which is neither numbers nor categories; leave it out with --columns.", source),
        };
    }

    /// <summary>The column as the SQL value the plan compares: a double for numeric columns, text for categorical ones.</summary>
    public string ValueExpression(SqlSpellings sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        string quoted = sql.Dialect.QuoteIdentifier(Name);
        return (Kind, Category) switch
        {
            (ColumnKind.Numeric, ColumnCategory.Temporal) => sql.SecondsOf(quoted),
            (ColumnKind.Numeric, _) => sql.AsDouble(quoted),
            (ColumnKind.Categorical, ColumnCategory.Boolean) => sql.BooleanAsText(quoted),
            _ => sql.AsText(quoted),
        };
    }

    /// <summary>The SQL condition that the column's value is missing (NULL or NaN; NULL or empty text).</summary>
    public string MissingCondition(SqlSpellings sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        string value = ValueExpression(sql);
        return Kind == ColumnKind.Numeric ? sql.IsMissingNumber(value) : SqlSpellings.IsMissingText(value);
    }
}
