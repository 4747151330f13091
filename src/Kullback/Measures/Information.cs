using System.Globalization;

namespace Kullback;

/// <summary>
/// An amount of information (an entropy, a divergence, a message length per observation), held in nats and shown
/// in any <see cref="InformationUnit"/>. Results of the library carry these, so no caller converts by hand.
/// </summary>
/// <param name="Nats">The amount in nats (natural logarithm); never NaN; +∞ where the quantity is infinite.</param>
public readonly record struct Information(double Nats) : IComparable<Information>
{
    private const double Ln2 = 0.69314718055994530942;

    /// <summary>Zero information.</summary>
    public static Information Zero => default;

    /// <summary>An infinite amount (for example D(p‖q) when q misses an outcome p produces).</summary>
    public static Information Infinite => new(double.PositiveInfinity);

    /// <summary>An amount given in nats.</summary>
    public static Information FromNats(double nats) => new(nats);

    /// <summary>An amount given in bits.</summary>
    public static Information FromBits(double bits) => new(bits * Ln2);

    /// <summary>An amount given in <paramref name="unit"/>.</summary>
    public static Information From(double value, InformationUnit unit) => new(unit.ToNats(value));

    /// <summary>The amount in bits (shannons).</summary>
    public double Bits => Nats / Ln2;

    /// <summary>The amount in <paramref name="unit"/>.</summary>
    public double In(InformationUnit unit) => unit.FromNats(Nats);

    /// <summary>True when the amount is +∞.</summary>
    public bool IsInfinite => double.IsPositiveInfinity(Nats);

    /// <inheritdoc/>
    public int CompareTo(Information other) => Nats.CompareTo(other.Nats);

    /// <summary>Order by amount.</summary>
    public static bool operator <(Information a, Information b) => a.Nats < b.Nats;
    /// <summary>Order by amount.</summary>
    public static bool operator >(Information a, Information b) => a.Nats > b.Nats;
    /// <summary>Order by amount.</summary>
    public static bool operator <=(Information a, Information b) => a.Nats <= b.Nats;
    /// <summary>Order by amount.</summary>
    public static bool operator >=(Information a, Information b) => a.Nats >= b.Nats;
    /// <summary>The sum of two amounts.</summary>
    public static Information operator +(Information a, Information b) => new(a.Nats + b.Nats);
    /// <summary>The amount scaled by a count (for example N observations).</summary>
    public static Information operator *(double factor, Information a) => new(factor * a.Nats);

    /// <summary>Like <c>0.136680 nats</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Nats:G6} nats");

    /// <summary>Like <c>0.197186 bits</c>.</summary>
    public string ToString(InformationUnit unit) => string.Create(CultureInfo.InvariantCulture, $"{In(unit):G6} {unit}");
}
