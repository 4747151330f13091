using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// The K-divergence's terms p̂·ln(2p̂/(p̂ + q̂)) in the non-negative form m̂·φ(p̂/m̂), m̂ = (p̂ + q̂)/2: with
/// v = p̂/m̂ − 1 = (p̂ − q̂)/(p̂ + q̂) ∈ [−1, 1] from the exact difference, φ(1 + v) by <see cref="PhiTerms.NearOne"/> for
/// v &gt; −0.5 and as u·ln u − v with u = 2p̂/(p̂ + q̂) formed directly below (φ = 1 where p̂ = 0). Every term is ≥ 0 and
/// good to a few ulps, so K(p‖q) = D(p‖m) keeps its digits for near-identical inputs. Degree 1.
/// </summary>
internal readonly struct KDivergenceTerms : IPairTerms
{
    public static LaneSums Sums => LaneSums.A;
    public static bool ScaleFree => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TV>(TV a, TV b, in PairScales<TV> scales, ref Lanes<TV> lanes) where TV : struct, ISimd<TV>
    {
        TV one = TV.Create(1.0);
        TV pHat = a * scales.InverseSp, sum = pHat + b * scales.InverseSq;
        TV v = TV.Max(-one, TV.Min(one, scales.Difference(a, b) / (a * scales.SqHi + b * scales.SpHi)));
        TV u = (pHat + pHat) / sum;
        TV far = TV.Max(TV.Zero, u * TV.Log(u) - v);
        TV phi = TV.Select(TV.LessThan(TV.Create(-0.5), v), PhiTerms.NearOne(v), far);
        phi = TV.Select(TV.GreaterThanZero(a), phi, one);
        lanes.A += TV.Create(0.5) * sum * phi & (TV.GreaterThanZero(a) | TV.GreaterThanZero(b));
    }
}
