using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// ln(1 + y) for y &gt; −1 to a few ulps relative, written once for every width, from <see cref="VectorLog"/>'s reduction:
/// for |y| &lt; 1/32 its own series y + y²·Σⱼ (−1)ʲ⁺¹ yʲ/(j + 2), j = 0…9 (truncation below 2⁻⁵⁸ relative), evaluated on y
/// itself, so that no digit of a small y is lost to 1 + y; beyond, ln u − ((u − 1) − y)/u with u = 1 + y rounded, the
/// correction (an ulp of the result or less) taken with <see cref="ISimd{TSelf}.ReciprocalEstimate"/>. Each form is
/// evaluated only for a vector with a lane that needs it.
/// </summary>
/// <remarks>0 gives 0 (and −0 gives −0); NaN gives NaN; y ≤ −1 is outside the domain (NaN).</remarks>
internal static class VectorLogOnePlus
{
    private const double SeriesReach = 0.03125;

    /// <summary>ln(1 + y) for each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Of<TV>(TV y) where TV : struct, ISimd<TV>
    {
        TV near = TV.LessThan(TV.Abs(y), TV.Create(SeriesReach)), everyLane = TV.Create(BitConverter.Int64BitsToDouble(-1));
        if (!TV.AnyBitSet(TV.AndNot(everyLane, near))) return Series(y);
        TV beyond = Beyond(y);
        return TV.AnyBitSet(near) ? TV.Select(near, Series(y), beyond) : beyond;
    }

    /// <summary>The series for |y| &lt; 1/32, by Estrin's scheme as <see cref="VectorLog"/>'s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Series<TV>(TV y) where TV : struct, ISimd<TV>
    {
        TV y2 = y * y, y4 = y2 * y2;
        TV c01 = TV.FusedMultiplyAdd(TV.Create(1.0 / 3), y, TV.Create(-1.0 / 2));
        TV c23 = TV.FusedMultiplyAdd(TV.Create(1.0 / 5), y, TV.Create(-1.0 / 4));
        TV c45 = TV.FusedMultiplyAdd(TV.Create(1.0 / 7), y, TV.Create(-1.0 / 6));
        TV c67 = TV.FusedMultiplyAdd(TV.Create(1.0 / 9), y, TV.Create(-1.0 / 8));
        TV c89 = TV.FusedMultiplyAdd(TV.Create(1.0 / 11), y, TV.Create(-1.0 / 10));
        TV c03 = TV.FusedMultiplyAdd(c23, y2, c01);
        TV c47 = TV.FusedMultiplyAdd(c67, y2, c45);
        TV c07 = TV.FusedMultiplyAdd(c47, y4, c03);
        return TV.FusedMultiplyAdd(TV.FusedMultiplyAdd(c89, y4 * y4, c07), y2, y);
    }

    /// <summary>ln u − ((u − 1) − y)/u, u = 1 + y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Beyond<TV>(TV y) where TV : struct, ISimd<TV>
    {
        TV one = TV.Create(1.0), u = one + y;
        return TV.Log(u) - (u - one - y) * TV.ReciprocalEstimate(u);
    }
}
