using System.Globalization;
using System.Text;
using Kullback.Comparison;
using Kullback.Data.Engines;

namespace Kullback.Data.Comparison;

/// <summary>
/// The SQL a user runs where kullback cannot (Spark SQL, Trino, or any of the engines) to count a table into a reference
/// profile's bins: one statement whose result is the counts table <c>column, bin, count</c> that
/// <c>kullback profile --counts</c> reads back. Bins are numbered as in the profile: for a numeric column 0 = underflow …,
/// the missing bin last; for a categorical column the reference's listed values in order, then "other", then missing.
/// </summary>
public static class CountingSql
{
    /// <summary>The statement for <paramref name="table"/> (a table name as the engine spells it, quoted by the dialect).</summary>
    /// <param name="sql">The target dialect.</param>
    /// <param name="table">The table, as <c>schema.name</c> or <c>name</c>.</param>
    /// <param name="reference">The reference profile whose bins are used.</param>
    /// <param name="categories">The column categories of the table (how to read each column), by name; text for categorical, real for numeric when not given.</param>
    public static string For(SqlSpellings sql, string table, DatasetProfile reference, IReadOnlyDictionary<string, ColumnCategory>? categories = null)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(reference);
        string from = $"FROM {sql.Dialect.QuoteTable(TableName.Parse(table))}";
        var parts = new List<string>();
        foreach (var column in reference.Columns)
        {
            var category = categories?.GetValueOrDefault(column.Name) ?? (column.Kind == ColumnKind.Numeric ? ColumnCategory.Real : ColumnCategory.Text);
            var plan = new ColumnPlan(column.Name, column.Kind, category);
            string value = plan.ValueExpression(sql), missing = plan.MissingCondition(sql);
            string bin;
            if (column.Kind == ColumnKind.Numeric)
            {
                int missingBin = column.Edges!.Bins.Length - 1;
                bin = column.Edges.Edges.Length == 0
                    ? $"CASE WHEN {missing} THEN {missingBin} ELSE 0 END"
                    : $"CASE WHEN {missing} THEN {missingBin} ELSE {sql.Bucket(value, column.Edges.Edges)} END";
            }
            else
            {
                var when = new StringBuilder();
                for (int i = 0; i < column.Values.Length; i++)
                    when.Append(CultureInfo.InvariantCulture, $" WHEN {value} = {sql.Dialect.QuoteString(column.Values[i].Key)} THEN {i}");
                bin = $"CASE WHEN {missing} THEN {column.Values.Length + 1}{when} ELSE {column.Values.Length} END";
            }
            parts.Add($"SELECT {sql.Dialect.QuoteString(column.Name)} AS column_name, bin, count(*) AS n FROM (SELECT {bin} AS bin {from}) AS t GROUP BY bin");
        }
        return string.Join("\nUNION ALL\n", parts) + "\n";
    }
}
