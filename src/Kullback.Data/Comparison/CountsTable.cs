using System.Collections.Immutable;
using Kullback.Comparison;
using Kullback.Data.Engines;

namespace Kullback.Data.Comparison;

/// <summary>
/// Reads back the counts table that <see cref="CountingSql"/>'s statement produced on another engine (a CSV or Parquet
/// file with the columns <c>column_name, bin, n</c>) as the profile of that data, over the reference profile's bins.
/// </summary>
public static class CountsTable
{
    /// <summary>The profile the counts describe.</summary>
    /// <exception cref="InvalidInputException">The file cannot be read, lacks the columns, names a column or bin the reference does not have, or repeats a row.</exception>
    public static async Task<DatasetProfile> ReadAsync(string path, DatasetProfile reference, EngineOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var source = DataSource.Parse(path);
        await using var engine = await QueryEngine.OpenAsync(source, options, cancellationToken).ConfigureAwait(false);
        string name = engine.Dialect.QuoteIdentifier(engine.RequireColumn("column_name").Name);
        string bin = engine.Dialect.QuoteIdentifier(engine.RequireColumn("bin").Name);
        string n = engine.Dialect.QuoteIdentifier(engine.RequireColumn("n").Name);
        var counts = reference.Columns.ToDictionary(c => c.Name, c => new long[c.Kind == ColumnKind.Numeric ? c.Edges!.Bins.Length : c.Values.Length + 2], StringComparer.Ordinal);
        var seen = new HashSet<(string, long)>();
        await foreach (var row in engine.QueryAsync($"SELECT CAST({name} AS VARCHAR), CAST({bin} AS BIGINT), CAST({n} AS BIGINT) {engine.FromWhere()}", cancellationToken).ConfigureAwait(false))
        {
            string column = row.GetString(0);
            long index = row.GetInt64(1), count = row.GetInt64(2);
            if (!counts.TryGetValue(column, out var array))
                throw new InvalidInputException($"the counts name the column {InputText.Quote(column)}, which the reference profile does not have.", source.Location);
            if (index < 0 || index >= array.Length || count < 0)
                throw new InvalidInputException($"the counts give {InputText.Quote(column)} a bin {index} or a count {count} outside the reference's bins.", source.Location);
            if (!seen.Add((column, index)))
                throw new InvalidInputException($"the counts give {InputText.Quote(column)}'s bin {index} twice.", source.Location);
            array[index] = count;
        }
        long rows = counts.Count == 0 ? 0 : counts.Values.First().Sum();
        var columns = reference.Columns.Select(r =>
        {
            long[] a = counts[r.Name];
            if (r.Kind == ColumnKind.Numeric)
                return r with { Counts = [.. a], Missing = a[^1], Present = a.Sum() - a[^1], FineEdges = null, FineCounts = [], Distinct = 0, Minimum = double.NaN, Maximum = double.NaN, Mean = double.NaN, StandardDeviation = 0 };
            return r with
            {
                Values = [.. r.Values.Select((v, i) => KeyValuePair.Create(v.Key, a[i]))],
                Unlisted = a[^2], Missing = a[^1], Present = a.Sum() - a[^1], Distinct = 0,
            };
        }).ToImmutableArray();
        return new DatasetProfile(source.Display, rows, columns);
    }
}
