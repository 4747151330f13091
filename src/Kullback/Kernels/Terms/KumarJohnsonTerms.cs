using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// The Kumar–Johnson terms (p̂² − q̂²)²/(2(p̂q̂)^(3/2)) = d²s²/(2ĝ³) with d = p̂ − q̂ from the exact difference, s = p̂ + q̂
/// and ĝ = √p̂·√q̂, multiplied in an order whose partial products never exceed the term (an overflow is a term past the
/// largest double). Nothing where p̂ = q̂ = 0, +∞ where exactly one is 0. Degree 1; an outcome with one deep entry
/// takes the term's limit max^(5/2)/(2·min^(3/2)) from exact logarithms.
/// </summary>
internal readonly struct KumarJohnsonTerms : IPairTerms
{
    public static LaneSums Sums => LaneSums.A;
    public static bool ScaleFree => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TV>(TV a, TV b, in PairScales<TV> scales, ref Lanes<TV> lanes) where TV : struct, ISimd<TV>
    {
        TV pHat = a * scales.InverseSp, qHat = b * scales.InverseSq, sum = pHat + qHat;
        TV geometric = TV.Sqrt(pHat) * TV.Sqrt(qHat);
        TV t = scales.Difference(a, b) * scales.InverseSp * scales.InverseSq / geometric;
        TV term = t * sum * TV.Create(0.5) * t * (sum / geometric);
        TV pPositive = TV.GreaterThanZero(a), qPositive = TV.GreaterThanZero(b);
        lanes.InfiniteA |= TV.AndNot(pPositive | qPositive, pPositive & qPositive);
        lanes.A += term & (pPositive & qPositive);
    }

    public static double Mixed(in Numerics.ExactPair c, int i, in Numerics.PairEntry e)
    {
        double logP = c.LogP(i), logQ = c.LogQ(i);
        double larger = Math.Max(logP, logQ), smaller = Math.Min(logP, logQ);
        return Math.Exp(larger + 1.5 * (larger - smaller) - Math.Log(2.0));
    }
}
