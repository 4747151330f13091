using System.Collections;

namespace Kullback.Data.Engines;

/// <summary>One row of an engine's result: a few typed values, in the order of the query's select list. Immutable.</summary>
public sealed class ResultRow : IReadOnlyList<ResultValue>
{
    private readonly ResultValue[] _values;

    /// <summary>Creates a row.</summary>
    /// <param name="columns">The result's columns (shared by every row of one result).</param>
    /// <param name="values">One value per column; the row keeps this array, so the caller must not change it.</param>
    /// <exception cref="ArgumentException">The counts of columns and values differ.</exception>
    public ResultRow(IReadOnlyList<ResultColumn> columns, ResultValue[] values)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (columns.Count != values.Length)
            throw new ArgumentException($"The row has {values.Length} values for {columns.Count} columns.", nameof(values));
        Columns = columns;
        _values = values;
    }

    /// <summary>The result's columns.</summary>
    public IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>The number of values.</summary>
    public int Count => _values.Length;

    /// <summary>The value at a 0-based position.</summary>
    public ResultValue this[int index] => _values[index];

    /// <summary>The integer at a position (see <see cref="ResultValue.AsInt64"/>).</summary>
    public long GetInt64(int index) => _values[index].AsInt64();

    /// <summary>The number at a position as a double (see <see cref="ResultValue.AsDouble"/>).</summary>
    public double GetDouble(int index) => _values[index].AsDouble();

    /// <summary>The text at a position (see <see cref="ResultValue.AsString"/>).</summary>
    public string GetString(int index) => _values[index].AsString();

    /// <summary>Whether the value at a position is NULL.</summary>
    public bool IsNull(int index) => _values[index].IsNull;

    /// <inheritdoc/>
    public IEnumerator<ResultValue> GetEnumerator() => ((IEnumerable<ResultValue>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The values separated by tabs, as <see cref="ResultValue.ToString"/> shows them.</summary>
    public override string ToString() => string.Join('\t', _values);
}
