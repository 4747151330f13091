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

    /// <summary>
    /// The scales from their scalars, the reciprocals 1/Sp.Hi and 1/Sq.Hi given (computed once per pass: taken here, the
    /// JIT left two scalar divisions in every iteration of the fused loop).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PairScales(double spHi, double spLo, double sqHi, double sqLo, double inverseSp, double inverseSq, double logScale)
    {
        SpHi = TV.Create(spHi);
        SpLo = TV.Create(spLo);
        SqHi = TV.Create(sqHi);
        SqLo = TV.Create(sqLo);
        InverseSp = TV.Create(inverseSp);
        InverseSq = TV.Create(inverseSq);
        LogScale = TV.Create(logScale);
    }

    /// <summary>The scales from their scalars, the reciprocals computed here (outside loops only).</summary>
    public PairScales(double spHi, double spLo, double sqHi, double sqLo, double logScale)
        : this(spHi, spLo, sqHi, sqLo, 1 / spHi, 1 / sqHi, logScale)
    {
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
