using System.Globalization;

namespace Kullback.Comparison;

/// <summary>The numeric values x with <see cref="Lower"/> ≤ x &lt; <see cref="Upper"/>; a null bound is unbounded.</summary>
/// <remarks>
/// Bounds are finite when given and <see cref="Lower"/> &lt; <see cref="Upper"/>; NaN never falls in a range (it belongs to
/// <see cref="MissingBin"/>). The underflow bin is <c>(−∞, first edge)</c> and the overflow bin <c>[last edge, +∞)</c>.
/// </remarks>
public sealed record RangeBin : Bin
{
    /// <summary>Creates the range.</summary>
    /// <param name="lower">The inclusive lower bound, or null for −∞.</param>
    /// <param name="upper">The exclusive upper bound, or null for +∞.</param>
    /// <exception cref="InvalidArgumentException">A bound is NaN or infinite, or <paramref name="lower"/> ≥ <paramref name="upper"/>.</exception>
    public RangeBin(double? lower, double? upper)
    {
        if (lower is { } l && !double.IsFinite(l))
            throw new InvalidArgumentException($"The lower bound {Format(l)} is not finite: use null for an unbounded range.", nameof(lower));
        if (upper is { } u && !double.IsFinite(u))
            throw new InvalidArgumentException($"The upper bound {Format(u)} is not finite: use null for an unbounded range.", nameof(upper));
        if (lower is { } lo && upper is { } hi && !(lo < hi))
            throw new InvalidArgumentException($"The range [{Format(lo)}, {Format(hi)}) is empty: the lower bound must be below the upper bound.", nameof(upper));
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The inclusive lower bound; null for −∞.</summary>
    public double? Lower { get; }

    /// <summary>The exclusive upper bound; null for +∞.</summary>
    public double? Upper { get; }

    /// <summary>True when <paramref name="x"/> lies in the range (never for NaN).</summary>
    public bool Contains(double x) => !double.IsNaN(x) && (Lower is not { } l || x >= l) && (Upper is not { } u || x < u);

    /// <summary>
    /// Like <c>[1.5, 2.5)</c>, <c>(-inf, 0)</c> or <c>[10, +inf)</c>, with round-trip numbers. An upper edge that is the next
    /// double above a shorter number m (the edge the rules put just above the reference maximum) is shown closed, as
    /// <c>[13.7, 21.8]</c>: x &lt; nextUp(m) is x ≤ m; such a lower edge is shown open, as <c>(21.8, +inf)</c>: x ≥ nextUp(m) is x &gt; m.
    /// </summary>
    public override string Label
    {
        get
        {
            string lower = "(-inf";
            if (Lower is { } l)
            {
                double under = Math.BitDecrement(l);
                lower = Format(under).Length < Format(l).Length ? "(" + Format(under) : "[" + Format(l);
            }
            if (Upper is not { } u) return $"{lower}, +inf)";
            double below = Math.BitDecrement(u);
            return Format(below).Length < Format(u).Length ? $"{lower}, {Format(below)}]" : $"{lower}, {Format(u)})";
        }
    }

    internal static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
