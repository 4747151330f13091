using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// φ(1 + x) = (1 + x)·ln(1 + x) − x ≥ 0, the non-negative term of a Kullback–Leibler divergence per unit of its second
/// argument, written once for every width: by its series for |x| &lt; 0.05 and as (1 + x)·log1p(x) − x beyond (the
/// logarithm of u = 1 + x rounded, corrected by ((u − 1) − x)/u), for x &gt; −0.5 given to a few ulps.
/// </summary>
internal static class PhiTerms
{
    /// <summary>φ(1 + x) for x &gt; −0.5 (a few ulps when x is).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV NearOne<TV>(TV x) where TV : struct, ISimd<TV>
    {
        TV one = TV.Create(1.0);
        TV moderate = (one + x) * LogOnePlus(x) - x;
        return TV.Max(TV.Zero, TV.Select(TV.LessThan(TV.Abs(x), TV.Create(0.05)), Series(x), moderate));
    }

    /// <summary>
    /// φ(1 + x) for |x| &lt; 0.05 by its series x²·Σⱼ (−1)ʲ xʲ/((j + 1)(j + 2)), j ≤ 13 (truncation below 10⁻²⁰ relative at
    /// |x| = 0.05); ≥ 0 there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Series<TV>(TV x) where TV : struct, ISimd<TV>
    {
        TV series = TV.FusedMultiplyAdd(TV.Create(-1.0 / 210), x, TV.Create(1.0 / 182));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(-1.0 / 156));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(1.0 / 132));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(-1.0 / 110));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(1.0 / 90));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(-1.0 / 72));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(1.0 / 56));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(-1.0 / 42));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(1.0 / 30));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(-1.0 / 20));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(1.0 / 12));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(-1.0 / 6));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(0.5));
        return x * x * series;
    }

    /// <summary>ln(1 + y) for y &gt; −1: ln u − ((u − 1) − y)/u with u = 1 + y rounded (exactly y when u = 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV LogOnePlus<TV>(TV y) where TV : struct, ISimd<TV>
    {
        TV one = TV.Create(1.0);
        TV u = one + y;
        return TV.Log(u) - (u - one - y) / u;
    }
}
