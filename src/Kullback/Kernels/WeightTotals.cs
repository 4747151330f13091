using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// What one read of a weight vector x tells the fast exact paths (<see cref="WeightTotalsKernel"/>): Σx as a double-double,
/// the largest entry, the smallest positive one and whether some entry has its sign bit set; enough to decide, without
/// the element-by-element checks, whether x is a valid weight vector that <see cref="ScaledWeights"/> would scale without
/// deep entries, and to scale it.
/// </summary>
/// <remarks>
/// A NaN or infinite entry makes <see cref="Sum"/> non-finite, a negative one (or −0) sets <see cref="Signed"/>: then
/// <see cref="TryScale"/> refuses, and the checked path decides (−0 is a valid weight; it is merely not fast).
/// </remarks>
internal readonly record struct WeightTotals(DoubleDouble Sum, double Max, double MinPositive, bool Signed)
{
    /// <summary>The totals of no entries: Σ = 0, max 0, smallest positive +∞.</summary>
    public static WeightTotals Empty => new(DoubleDouble.Zero, 0, double.PositiveInfinity, false);

    /// <summary>2⁻⁵⁰⁰ and 2⁵⁰⁰: with the largest entry between them, Σx neither overflows nor loses its low part to underflow.</summary>
    private const double SmallestLargest = 3.054936363499605e-151, LargestLargest = 3.273390607896142e150;

    /// <summary>Both parts' totals, this range's before <paramref name="next"/>'s (the first-largest tie rule needs no order).</summary>
    public WeightTotals Merge(in WeightTotals next) =>
        new(Sum + next.Sum, Math.Max(Max, next.Max), Math.Min(MinPositive, next.MinPositive), Signed | next.Signed);

    /// <summary>
    /// The exact power-of-two scaling sᵢ = xᵢ·2ᵉ (largest sᵢ in [1, 2)) and Σs, when x is finite, non-negative (no −0 either), not all zero,
    /// its largest entry between 2⁻⁵⁰⁰ and 2⁵⁰⁰ and no positive entry deep (below 2⁻⁹⁰⁰ of the largest): then Σs is
    /// exactly 2ᵉ·Σx (scaling by a power of two in range is exact) and equals <see cref="ScaledWeights"/>' total to its
    /// 106 bits. False for anything else: the caller takes the checked path, which throws for invalid input.
    /// </summary>
    /// <param name="factor">2ᵉ.</param>
    /// <param name="scaledSum">Σs.</param>
    /// <param name="largest">The largest sᵢ, in [1, 2).</param>
    public bool TryScale(out double factor, out DoubleDouble scaledSum, out double largest)
    {
        factor = 0;
        scaledSum = DoubleDouble.Zero;
        largest = 0;
        if (!double.IsFinite(Sum.Hi + Sum.Lo) || Signed || !(Max >= SmallestLargest && Max <= LargestLargest)) return false;
        factor = Math.ScaleB(1.0, -Math.ILogB(Max));
        if (MinPositive * factor < ScaledWeights.RegularLimit) return false;
        scaledSum = new DoubleDouble(Sum.Hi * factor, Sum.Lo * factor);
        largest = Max * factor;
        return true;
    }
}
