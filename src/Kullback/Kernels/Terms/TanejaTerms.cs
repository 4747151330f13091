using System.Runtime.CompilerServices;
using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// Taneja's terms m̂·ln(m̂/ĝ), m̂ = (p̂ + q̂)/2, ĝ = √(p̂q̂), taken as m̂·½·log1p(y) with y = (p̂ − q̂)²/(4p̂q̂) = d²/(4ab·Sp·Sq)
/// from the exact difference d (one division, no square root): ln(m̂²/ĝ²) = ln(1 + y) never cancels, and
/// <see cref="VectorLogOnePlus"/> keeps a small y's digits. Nothing where p̂ = q̂ = 0, +∞ where exactly one is 0. Degree 1;
/// an outcome with one deep entry takes ½·ln(m̂²/ĝ²) = ½·(ln(p̂/q̂) − 2 ln 2) + O(q̂/p̂) from exact logarithms.
/// </summary>
/// <remarks>
/// The product ab of two scaled entries leaves the normal range only for entries far below their vectors' largest (both
/// more than 2⁻⁵¹¹ below, say); a vector with such a lane takes y = (d/(2√a·√b))²/(Sp·Sq) there, as the terms did before.
/// </remarks>
internal readonly struct TanejaTerms : IPairTerms
{
    public static LaneSums Sums => LaneSums.A;
    public static bool ScaleFree => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TV>(TV a, TV b, in PairScales<TV> scales, ref Lanes<TV> lanes) where TV : struct, ISimd<TV>
    {
        TV d = scales.Difference(a, b), product = a * b;
        TV y = d * d * (TV.Create(0.25) * scales.InverseSp * scales.InverseSq / product);
        TV pPositive = TV.GreaterThanZero(a), qPositive = TV.GreaterThanZero(b);
        TV tiny = TV.LessThan(product, TV.Create(ScaledWeights.SmallestNormal)) & pPositive & qPositive;
        if (TV.AnyBitSet(tiny)) y = TV.Select(tiny, TinyProduct(a, b, d, scales), y);
        TV term = TV.Create(0.25) * (a * scales.InverseSp + b * scales.InverseSq) * VectorLogOnePlus.Of(y);
        lanes.InfiniteA |= TV.AndNot(pPositive | qPositive, pPositive & qPositive);
        lanes.A += term & (pPositive & qPositive);
    }

    /// <summary>y = (d/(2√a·√b))²/(Sp·Sq) where ab is not normal (rare: entries far below their vectors' largest).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV TinyProduct<TV>(TV a, TV b, TV d, in PairScales<TV> scales) where TV : struct, ISimd<TV>
    {
        TV w = d / (TV.Create(2.0) * TV.Sqrt(a) * TV.Sqrt(b));
        return w * w * scales.InverseSp * scales.InverseSq;
    }

    public static double Mixed(in ExactPair c, int i, in PairEntry e)
    {
        double logRatio = Math.Abs(c.LogP(i) - c.LogQ(i));   // ≥ 620: the difference of two exact logarithms loses nothing
        double larger = Math.Max(c.PHat(e), c.QHat(e));
        return 0.25 * larger * (logRatio - 2 * Math.Log(2.0));
    }
}
