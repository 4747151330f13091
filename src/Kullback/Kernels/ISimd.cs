namespace Kullback.Kernels;

/// <summary>
/// The vector operations the kernels need, implemented once per width (<see cref="Simd512"/>, <see cref="Simd256"/>,
/// <see cref="Simd128"/> and the one-lane <see cref="Simd1"/>) so that every formula is written once, generic over the
/// width; the JIT specialises and inlines every call. A mask has all bits set in its selected lanes and none elsewhere;
/// an arithmetic operator on masks is meaningless, the bitwise ones (&amp;, |) combine them.
/// </summary>
internal interface ISimd<TSelf> where TSelf : struct, ISimd<TSelf>
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Whether the CPU runs this width natively.</summary>
    static abstract bool IsHardwareAccelerated { get; }

    static abstract TSelf Zero { get; }
    static abstract TSelf Create(double value);
    static abstract TSelf Load(ref double source, nuint index);

    static abstract void Store(TSelf value, ref double destination, nuint index);

    /// <summary>Loads <see cref="Count"/> floats and widens them to double (exactly).</summary>
    static abstract TSelf LoadWidened(ref float source, nuint index);

    static abstract TSelf operator +(TSelf a, TSelf b);
    static abstract TSelf operator -(TSelf a, TSelf b);
    static abstract TSelf operator *(TSelf a, TSelf b);
    static abstract TSelf operator /(TSelf a, TSelf b);
    static abstract TSelf operator -(TSelf a);

    /// <summary>Bitwise and: a mask's intersection, or a value kept where a mask is set (+0 elsewhere).</summary>
    static abstract TSelf operator &(TSelf a, TSelf b);

    /// <summary>Bitwise or: a mask's union.</summary>
    static abstract TSelf operator |(TSelf a, TSelf b);

    /// <summary>a·b + c with one rounding.</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, TSelf b, TSelf c);
    static abstract TSelf Abs(TSelf a);
    static abstract TSelf Sqrt(TSelf a);

    /// <summary>
    /// 1/a to at least 14 bits (AVX-512's <c>vrcp14pd</c>; the exact quotient where that is not available): for a
    /// correction term whose own size is an ulp of the result, never for a value the result is made of.
    /// </summary>
    static abstract TSelf ReciprocalEstimate(TSelf a);

    /// <summary>
    /// The lane-wise maximum of the bit patterns as signed 64-bit integers: for non-negative doubles (NaN above +∞) the
    /// maximum, on the integer units (the floating-point adders are the weight totals' bottleneck).
    /// </summary>
    static abstract TSelf MaxOfBits(TSelf a, TSelf b);

    /// <summary>
    /// The lane-wise minimum of <paramref name="minimum"/> and the bit pattern of <paramref name="a"/> less one, both as
    /// unsigned 64-bit integers: for non-negative a the least positive one (its bits less one), +0 leaving the minimum as
    /// it was (0 − 1 wraps to the largest), on the integer units.
    /// </summary>
    static abstract TSelf MinOfBitsLessOne(TSelf minimum, TSelf a);

    /// <summary>ln a: within 2 ulps (the kernels' bounds allow 4 ulps relative plus 2⁻⁵³ absolute); −∞ at 0, NaN below.</summary>
    static abstract TSelf Log(TSelf a);

    /// <summary>eᵃ: within 2 ulps; 0 below −745, +∞ above 709.78.</summary>
    static abstract TSelf Exp(TSelf a);

    /// <summary>The lane-wise minimum; with a NaN lane either operand may result (the sums carry NaN).</summary>
    static abstract TSelf Min(TSelf a, TSelf b);
    static abstract TSelf Max(TSelf a, TSelf b);
    static abstract TSelf LessThan(TSelf a, TSelf b);
    static abstract TSelf GreaterThan(TSelf a, TSelf b);
    static abstract TSelf GreaterThanZero(TSelf a);

    /// <summary>a and not b (masks).</summary>
    static abstract TSelf AndNot(TSelf a, TSelf b);

    /// <summary>whenTrue where the mask is set, whenFalse elsewhere.</summary>
    static abstract TSelf Select(TSelf mask, TSelf whenTrue, TSelf whenFalse);
    static abstract bool AnyBitSet(TSelf mask);
    static abstract double Sum(TSelf a);
    static abstract double Element(TSelf a, int index);
}
