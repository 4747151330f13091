using System.Runtime.CompilerServices;
using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// The scaled sums of an <see cref="ExactPair"/> as vectors, for exact terms written once for every width:
/// d = a·Sq − b·Sp with fused multiply–add (as <see cref="ExactPair.Difference"/>), and the reciprocals of the sums.
/// </summary>
internal readonly struct PairScales<TV> where TV : struct, ISimd<TV>
{
    public readonly TV SpHi, SpLo, SqHi, SqLo, InverseSp, InverseSq, LogScale;

    public PairScales(double spHi, double spLo, double sqHi, double sqLo, double logScale)
    {
        SpHi = TV.Create(spHi);
        SpLo = TV.Create(spLo);
        SqHi = TV.Create(sqHi);
        SqLo = TV.Create(sqLo);
        InverseSp = TV.Create(1 / spHi);
        InverseSq = TV.Create(1 / sqHi);
        LogScale = TV.Create(logScale);
    }

    public static PairScales<TV> Of(in ExactPair c) => new(c.Sp.Hi, c.Sp.Lo, c.Sq.Hi, c.Sq.Lo, c.LogScale);

    /// <summary>d = a·Sq − b·Sp, to a few ulps of its own size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Difference(TV a, TV b)
    {
        TV t = b * SpHi;
        TV e = TV.FusedMultiplyAdd(b, SpHi, -t);   // b·Sp.Hi = t + e exactly
        TV m = TV.FusedMultiplyAdd(a, SqHi, -t);   // a·Sq.Hi − t, rounded once
        return (m - e) + (a * SqLo - b * SpLo);
    }
}
