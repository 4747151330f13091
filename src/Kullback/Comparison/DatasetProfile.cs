using System.Collections.Immutable;

namespace Kullback.Comparison;

/// <summary>
/// A dataset summarised column by column (<see cref="ColumnProfile"/>): what <c>kullback profile</c> saves, and what a
/// comparison is computed from. A profile made where the data live stands in for the data anywhere, and profiles of
/// partitions merge into the profile of the whole.
/// </summary>
/// <param name="Source">Where the data came from (a path, a table URL without its password, or the profiles merged).</param>
/// <param name="Rows">The number of rows.</param>
/// <param name="Columns">The columns, in order.</param>
public sealed record DatasetProfile(string Source, long Rows, ImmutableArray<ColumnProfile> Columns)
{
    /// <summary>The column called <paramref name="name"/>.</summary>
    /// <exception cref="InvalidInputException">The profile has no such column; the message lists the columns it has.</exception>
    public ColumnProfile Column(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal))
        ?? throw new InvalidInputException($"the profile has no column {InputText.Quote(name)} (it has {string.Join(", ", Columns.Select(c => InputText.Quote(c.Name)))}).", new InputLocation(Source));

    /// <summary>The profile of both datasets together: the same columns, counts added (see <see cref="ColumnProfile.Merge"/>).</summary>
    /// <exception cref="InvalidArgumentException">The columns differ, or a column's bins do.</exception>
    public DatasetProfile Merge(DatasetProfile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Columns.Select(c => c.Name).SequenceEqual(other.Columns.Select(c => c.Name), StringComparer.Ordinal))
            throw new InvalidArgumentException($"The profiles of {Source} and {other.Source} have different columns; only profiles of the same columns merge.", nameof(other));
        // The merged source lists the parts in a fixed order, so that the merge is commutative in every field.
        string source = string.Join(" + ", Source.Split(" + ").Concat(other.Source.Split(" + ")).Order(StringComparer.Ordinal));
        return new DatasetProfile(source, checked(Rows + other.Rows),
                                  [.. Columns.Zip(other.Columns, (a, b) => a.Merge(b))]);
    }
}
