using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// The one-pass K-divergence operator (<see cref="TriangularKernel.TryKDivergence"/>): with x = wq, d = p − x (one fused
/// multiply–add), s = p + x and v = d/s, A = Σ ½s·φ(1 + v) — the terms p·ln(2p/s) − d/2 ≥ 0 of
/// <see cref="KDivergenceTerms"/>, the same forms (series for |v| &lt; 0.05, the corrected logarithm of u = 1 + v above
/// v = −0.5, of u = 2p/s formed directly below) — and B = Σ ∂/∂w = −Σ ½q·v; nothing where p = q = 0. Its second
/// derivative in w, pq²/s² ≤ q/(4w), bounds the remainder.
/// </summary>
internal readonly struct KDivergenceOperator(double weight) : IPassOperator<KDivergenceOperator>, IWeighted<KDivergenceOperator>
{
    private readonly double _weight = weight;

    public static KDivergenceOperator At(double weight) => new(weight);
    public static LaneSums Sums => LaneSums.A | LaneSums.B;
    public static bool ReadsQ => true;
    public static double CleanMinimumP => 0;
    public static double CleanMinimumQ => 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        TV one = TV.Create(1.0), half = TV.Create(0.5), w = TV.Create(_weight);
        TV d = TV.FusedMultiplyAdd(-w, q, p), s = TV.FusedMultiplyAdd(w, q, p);
        TV r = one / s;
        TV v = d * r;
        TV near = TV.LessThan(TV.Create(-0.5), v);
        TV u = TV.Select(near, one + v, (p + p) * r);
        TV small = TV.LessThan(TV.Abs(v), TV.Create(0.05)), everyLane = TV.Create(BitConverter.Int64BitsToDouble(-1));
        TV phi = TV.Zero;
        if (TV.AnyBitSet(TV.AndNot(everyLane, small)))
        {
            TV correction = (u - one - v) * TV.ReciprocalEstimate(u) & near;
            phi = TV.Max(TV.Zero, u * (TV.Log(u) - correction) - v);
        }
        if (TV.AnyBitSet(small)) phi = TV.Select(small, PhiTerms.Series(v), phi);
        phi = TV.Select(TV.GreaterThanZero(p), phi, one);
        TV term = half * s * phi, slope = -(half * q * v);
        if (TMode.Masked)
        {
            TV any = TV.GreaterThanZero(s);
            term &= any;
            slope &= any;
        }
        lanes.A += term;
        lanes.B += slope;
    }
}
