namespace Kullback;

/// <summary>Counts of two variables as a row-major table: row r, column c at <c>Counts[r·Columns + c]</c>.</summary>
/// <param name="Counts">The counts, row-major, each ≥ 0.</param>
/// <param name="Rows">The number of levels of the row variable.</param>
/// <param name="Columns">The number of levels of the column variable.</param>
public sealed record ContingencyTable(long[] Counts, int Rows, int Columns)
{
    /// <summary>The counts as a span, for the estimators that take <c>(ReadOnlySpan&lt;long&gt; counts, int rows, int columns)</c>.</summary>
    public ReadOnlySpan<long> Span => Counts;
}
