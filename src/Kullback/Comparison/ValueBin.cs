namespace Kullback.Comparison;

/// <summary>One categorical value, compared by ordinal (exact, culture-free) text equality.</summary>
public sealed record ValueBin : Bin
{
    /// <summary>Creates the bin.</summary>
    /// <param name="value">The category's text; not null (missing values belong to <see cref="MissingBin"/>).</param>
    /// <exception cref="InvalidArgumentException"><paramref name="value"/> is null.</exception>
    public ValueBin(string value) =>
        Value = value ?? throw new InvalidArgumentException("A category's value cannot be null: missing values belong to the missing bin.", nameof(value));

    /// <summary>The category's text.</summary>
    public string Value { get; }

    /// <summary>The value quoted and escaped (<see cref="InputText.Quote"/>), so control characters never reach a terminal.</summary>
    public override string Label => InputText.Quote(Value);

    /// <summary>Ordinal equality of the values.</summary>
    public bool Equals(ValueBin? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
}
