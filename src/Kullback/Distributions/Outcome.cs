using System.Globalization;

namespace Kullback;

/// <summary>
/// One outcome of a discrete distribution: an integer (such as a number of teeth) or a text label.
/// </summary>
/// <remarks>
/// Integers order numerically and before labels; labels order ordinally. An integer outcome and a label
/// that reads the same ("3") are different outcomes.
/// </remarks>
public readonly struct Outcome : IEquatable<Outcome>, IComparable<Outcome>
{
    private readonly long _value;
    private readonly string? _label;

    private Outcome(long value, string? label)
    {
        _value = value;
        _label = label;
    }

    /// <summary>An integer outcome.</summary>
    public static Outcome Of(long value) => new(value, null);

    /// <summary>A labelled outcome.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    public static Outcome Of(string label) => new(0, label ?? throw new ArgumentNullException(nameof(label)));

    /// <summary>True for an integer outcome.</summary>
    public bool IsNumeric => _label is null;

    /// <summary>The integer value.</summary>
    /// <exception cref="InvalidOperationException">The outcome is a label.</exception>
    public long Value => _label is null ? _value : throw new InvalidOperationException($"The outcome \"{_label}\" is a label, not a number.");

    /// <summary>The label, or the integer written in invariant culture.</summary>
    public string Label => _label ?? _value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An integer outcome.</summary>
    public static implicit operator Outcome(long value) => Of(value);
    /// <summary>A labelled outcome.</summary>
    public static implicit operator Outcome(string label) => Of(label);

    /// <summary>Same kind and same value or label (ordinal).</summary>
    public bool Equals(Outcome other) => _label is null ? other._label is null && _value == other._value : string.Equals(_label, other._label, StringComparison.Ordinal);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Outcome o && Equals(o);
    /// <inheritdoc/>
    public override int GetHashCode() => _label is null ? _value.GetHashCode() : StringComparer.Ordinal.GetHashCode(_label);

    /// <summary>Integers first, numerically; then labels, ordinally.</summary>
    public int CompareTo(Outcome other) => (_label, other._label) switch
    {
        (null, null) => _value.CompareTo(other._value),
        (null, _) => -1,
        (_, null) => 1,
        _ => string.CompareOrdinal(_label, other._label),
    };

    /// <summary>Equality, as <see cref="Equals(Outcome)"/>.</summary>
    public static bool operator ==(Outcome a, Outcome b) => a.Equals(b);
    /// <summary>Inequality, as <see cref="Equals(Outcome)"/>.</summary>
    public static bool operator !=(Outcome a, Outcome b) => !a.Equals(b);
    /// <summary>Order, as <see cref="CompareTo(Outcome)"/>.</summary>
    public static bool operator <(Outcome a, Outcome b) => a.CompareTo(b) < 0;
    /// <summary>Order, as <see cref="CompareTo(Outcome)"/>.</summary>
    public static bool operator <=(Outcome a, Outcome b) => a.CompareTo(b) <= 0;
    /// <summary>Order, as <see cref="CompareTo(Outcome)"/>.</summary>
    public static bool operator >(Outcome a, Outcome b) => a.CompareTo(b) > 0;
    /// <summary>Order, as <see cref="CompareTo(Outcome)"/>.</summary>
    public static bool operator >=(Outcome a, Outcome b) => a.CompareTo(b) >= 0;

    /// <summary>The label, or the integer in invariant culture.</summary>
    public override string ToString() => Label;
}
