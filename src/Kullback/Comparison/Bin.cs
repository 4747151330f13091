namespace Kullback.Comparison;

/// <summary>
/// One bin of a column histogram: a numeric <see cref="RangeBin"/>, a categorical <see cref="ValueBin"/>, the
/// <see cref="OtherBin"/> that gathers categories past a cap, or the <see cref="MissingBin"/> of NULL, empty and NaN
/// values. Bins are immutable values: two bins are equal when they describe the same set of values.
/// </summary>
public abstract record Bin
{
    private protected Bin()
    {
    }

    /// <summary>The bin as a person reads it: <c>[1.5, 2.5)</c>, <c>'red'</c>, <c>(other)</c>, <c>(missing)</c>.</summary>
    public abstract string Label { get; }

    /// <inheritdoc cref="Label"/>
    public override string ToString() => Label;
}
