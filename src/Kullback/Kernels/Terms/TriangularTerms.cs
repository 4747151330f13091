using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// The triangular discrimination's terms (p̂ − q̂)²/(p̂ + q̂), with p̂ − q̂ from the exact difference (no cancellation
/// however close p̂ and q̂ are); nothing where p̂ = q̂ = 0. Degree 1: a deep outcome adds at its level.
/// </summary>
internal readonly struct TriangularTerms : IPairTerms
{
    public static LaneSums Sums => LaneSums.A;
    public static bool ScaleFree => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TV>(TV a, TV b, in PairScales<TV> scales, ref Lanes<TV> lanes) where TV : struct, ISimd<TV>
    {
        TV difference = scales.Difference(a, b) * scales.InverseSp * scales.InverseSq;
        TV sum = a * scales.InverseSp + b * scales.InverseSq;
        lanes.A += difference * (difference / sum) & (TV.GreaterThanZero(a) | TV.GreaterThanZero(b));
    }
}
