using System.Runtime.CompilerServices;
using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// Taneja's terms m̂·ln(m̂/ĝ), m̂ = (p̂ + q̂)/2, ĝ = √(p̂q̂), taken as m̂·½·log1p(w²) with w = (p̂ − q̂)/(2ĝ) from the exact
/// difference: ln(m̂²/ĝ²) = ln(1 + (p̂ − q̂)²/(4p̂q̂)) never cancels. Nothing where p̂ = q̂ = 0, +∞ where exactly one is 0.
/// Degree 1; an outcome with one deep entry takes ½·ln(m̂²/ĝ²) = ½·(ln(p̂/q̂) − 2 ln 2) + O(q̂/p̂) from exact logarithms.
/// </summary>
internal readonly struct TanejaTerms : IPairTerms
{
    public static LaneSums Sums => LaneSums.A;
    public static bool ScaleFree => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TV>(TV a, TV b, in PairScales<TV> scales, ref Lanes<TV> lanes) where TV : struct, ISimd<TV>
    {
        TV pHat = a * scales.InverseSp, qHat = b * scales.InverseSq;
        TV geometric = TV.Sqrt(pHat) * TV.Sqrt(qHat);
        TV w = scales.Difference(a, b) * scales.InverseSp * scales.InverseSq / (geometric + geometric);
        TV term = TV.Create(0.25) * (pHat + qHat) * LogOnePlusSmall(w * w);
        TV pPositive = TV.GreaterThanZero(a), qPositive = TV.GreaterThanZero(b);
        lanes.InfiniteA |= TV.AndNot(pPositive | qPositive, pPositive & qPositive);
        lanes.A += term & (pPositive & qPositive);
    }

    /// <summary>
    /// ln(1 + y) for y ≥ 0: y·(1 − y/2 + y²/3 − … − y⁷/8) below 10⁻³ (truncation under 10⁻²⁴ relative), where the vectorised
    /// logarithm of 1 + y loses digits of y; <see cref="PhiTerms.LogOnePlus"/> beyond.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV LogOnePlusSmall<TV>(TV y) where TV : struct, ISimd<TV>
    {
        TV series = TV.FusedMultiplyAdd(TV.Create(-1.0 / 8), y, TV.Create(1.0 / 7));
        series = TV.FusedMultiplyAdd(series, y, TV.Create(-1.0 / 6));
        series = TV.FusedMultiplyAdd(series, y, TV.Create(1.0 / 5));
        series = TV.FusedMultiplyAdd(series, y, TV.Create(-1.0 / 4));
        series = TV.FusedMultiplyAdd(series, y, TV.Create(1.0 / 3));
        series = TV.FusedMultiplyAdd(series, y, TV.Create(-1.0 / 2));
        series = TV.FusedMultiplyAdd(series, y, TV.Create(1.0)) * y;
        return TV.Select(TV.LessThan(y, TV.Create(1e-3)), series, PhiTerms.LogOnePlus(y));
    }

    public static double Mixed(in ExactPair c, int i, in PairEntry e)
    {
        double logRatio = Math.Abs(c.LogP(i) - c.LogQ(i));   // ≥ 620: the difference of two exact logarithms loses nothing
        double larger = Math.Max(c.PHat(e), c.QHat(e));
        return 0.25 * larger * (logRatio - 2 * Math.Log(2.0));
    }
}
