using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// The K-divergence's terms p̂·ln(2p̂/(p̂ + q̂)) in the non-negative form m̂·φ(p̂/m̂), m̂ = (p̂ + q̂)/2: with
/// v = p̂/m̂ − 1 = (p̂ − q̂)/(p̂ + q̂) = d·r ∈ [−1, 1] (up to its roundings) from the exact difference d and r = 1/(a·Sq + b·Sp) (the one division),
/// φ(1 + v) = u·ln(1 + v) − v with one logarithm: for v &gt; −0.5, u = 1 + v rounded and ln(1 + v) = ln u − ((u − 1) − v)/u
/// (the correction an ulp or less, by <see cref="ISimd{TSelf}.ReciprocalEstimate"/>), by its series φ = v²·Σ… for |v| &lt; 0.05
/// (<see cref="PhiTerms.NearOne"/>'s); for v ≤ −0.5, u = 2p̂/(p̂ + q̂) = 2a·Sq·r formed directly, so that it keeps its
/// relative precision however small (φ = 1 where p̂ = 0). Every term is ≥ 0 and good to a few ulps, so
/// K(p‖q) = D(p‖m) keeps its digits for near-identical inputs. Degree 1.
/// </summary>
internal readonly struct KDivergenceTerms : IPairTerms
{
    public static LaneSums Sums => LaneSums.A;
    public static bool ScaleFree => false;

    /// <summary>2⁻¹⁰⁰⁰: a denominator below it is divided by, not multiplied by its (overflowing) reciprocal.</summary>
    private const double SmallDenominator = 9.332636185032189e-302;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TV>(TV a, TV b, in PairScales<TV> scales, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> =>
        lanes.A += Term(a, b, scales);

    /// <summary>The terms of one vector, nothing where a = b = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Term<TV>(TV a, TV b, in PairScales<TV> scales) where TV : struct, ISimd<TV>
    {
        TV one = TV.Create(1.0);
        TV aSq = a * scales.SqHi, denominator = aSq + b * scales.SpHi, d = scales.Difference(a, b);
        TV r = one / denominator;
        TV v = d * r, uFar = (aSq + aSq) * r;
        // Below 2⁻¹⁰⁰⁰ (outcomes carried at the deep level, subnormal there) 1/den overflows: the quotients themselves.
        TV tinyDenominator = TV.LessThan(denominator, TV.Create(SmallDenominator)) & TV.GreaterThanZero(denominator);
        if (TV.AnyBitSet(tinyDenominator))
        {
            v = TV.Select(tinyDenominator, d / denominator, v);
            uFar = TV.Select(tinyDenominator, (aSq + aSq) / denominator, uFar);
        }
        // |v| ≤ 1 up to its roundings: a v an ulp below −1 only where a = 0 (φ = 1 there), and 1 + v is used above −0.5 only.
        TV near = TV.LessThan(TV.Create(-0.5), v);
        TV u = TV.Select(near, one + v, uFar);
        // Each form only for a vector with a lane that needs it: near-identical inputs take the series alone, most others
        // the logarithm alone.
        TV small = TV.LessThan(TV.Abs(v), TV.Create(0.05)), everyLane = TV.Create(BitConverter.Int64BitsToDouble(-1));
        TV phi = TV.Zero;
        if (TV.AnyBitSet(TV.AndNot(everyLane, small)))
        {
            TV correction = (u - one - v) * TV.ReciprocalEstimate(u) & near;
            phi = TV.Max(TV.Zero, u * (TV.Log(u) - correction) - v);
        }
        if (TV.AnyBitSet(small)) phi = TV.Select(small, PhiTerms.Series(v), phi);
        phi = TV.Select(TV.GreaterThanZero(a), phi, one);
        TV half = TV.Create(0.5);
        TV mean = a * (half * scales.InverseSp) + b * (half * scales.InverseSq);   // m̂ = (p̂ + q̂)/2
        return mean * phi & (TV.GreaterThanZero(a) | TV.GreaterThanZero(b));
    }
}
