using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// What one read of a weight vector x tells the fast exact paths (<see cref="WeightTotalsKernel"/>): Σx as a double-double,
/// the largest and smallest entries and the smallest positive one; enough to decide, without the element-by-element checks,
/// whether x is a valid weight vector that <see cref="ScaledWeights"/> would scale without deep entries, and to scale it.
/// </summary>
/// <remarks>A NaN or infinite entry makes <see cref="Sum"/> non-finite, so <see cref="TryScale"/> refuses it.</remarks>
internal readonly record struct WeightTotals(DoubleDouble Sum, double Max, double Min, double MinPositive)
{
    /// <summary>The totals of no entries: Σ = 0, max −∞, minima +∞.</summary>
    public static WeightTotals Empty => new(DoubleDouble.Zero, double.NegativeInfinity, double.PositiveInfinity, double.PositiveInfinity);

    /// <summary>2⁻⁵⁰⁰ and 2⁵⁰⁰: with the largest entry between them, Σx neither overflows nor loses its low part to underflow.</summary>
    private const double SmallestLargest = 3.054936363499605e-151, LargestLargest = 3.273390607896142e150;

    /// <summary>Both parts' totals, this range's before <paramref name="next"/>'s (the first-largest tie rule needs no order).</summary>
    public WeightTotals Merge(in WeightTotals next) =>
        new(Sum + next.Sum, Math.Max(Max, next.Max), Math.Min(Min, next.Min), Math.Min(MinPositive, next.MinPositive));

    /// <summary>
    /// The exact power-of-two scaling sᵢ = xᵢ·2ᵉ (largest sᵢ in [1, 2)) and Σs, when x is finite, non-negative, not all zero,
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
        if (!double.IsFinite(Sum.Hi + Sum.Lo) || !(Min >= 0) || !(Max >= SmallestLargest && Max <= LargestLargest)) return false;
        factor = Math.ScaleB(1.0, -Math.ILogB(Max));
        if (MinPositive * factor < ScaledWeights.RegularLimit) return false;
        scaledSum = new DoubleDouble(Sum.Hi * factor, Sum.Lo * factor);
        largest = Max * factor;
        return true;
    }
}
