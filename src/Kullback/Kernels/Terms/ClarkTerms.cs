using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// Clark's terms ((p̂ − q̂)/(p̂ + q̂))² in [0, 1], with p̂ − q̂ from the exact difference; nothing where p̂ = q̂ = 0, 1 where
/// exactly one is 0. Degree 0: a ratio, the same at every level.
/// </summary>
internal readonly struct ClarkTerms : IPairTerms
{
    public static LaneSums Sums => LaneSums.A;
    public static bool ScaleFree => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TV>(TV a, TV b, in PairScales<TV> scales, ref Lanes<TV> lanes) where TV : struct, ISimd<TV>
    {
        TV ratio = TV.Min(TV.Create(1.0), TV.Abs(scales.Difference(a, b) / (a * scales.SqHi + b * scales.SpHi)));
        lanes.A += ratio * ratio & (TV.GreaterThanZero(a) | TV.GreaterThanZero(b));
    }
}
