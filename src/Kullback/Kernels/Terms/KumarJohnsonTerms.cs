using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// The Kumar–Johnson terms (p̂² − q̂²)²/(2(p̂q̂)^(3/2)) = ½·y·ŝ·√z with d̂ = p̂ − q̂ from the exact difference, ŝ = p̂ + q̂,
/// k = 1/(p̂q̂) (the one division), y = d̂²·k and z = ŝ²·k (one square root), multiplied in an order whose partial products
/// never exceed the term (an overflow is a term past the largest double). Nothing where p̂ = q̂ = 0, +∞ where exactly one
/// is 0. Degree 1; an outcome with one deep entry takes the term's limit max^(5/2)/(2·min^(3/2)) from exact logarithms.
/// </summary>
/// <remarks>
/// p̂q̂ leaves the normal range only for entries far below their vectors' largest (both more than 2⁻⁵¹¹ below, say); a
/// vector with such a lane takes ĝ = √p̂·√q̂ there and the term as (d̂/ĝ)·ŝ·½·(d̂/ĝ)·(ŝ/ĝ), as it did before.
/// </remarks>
internal readonly struct KumarJohnsonTerms : IPairTerms
{
    public static LaneSums Sums => LaneSums.A;
    public static bool ScaleFree => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TV>(TV a, TV b, in PairScales<TV> scales, ref Lanes<TV> lanes) where TV : struct, ISimd<TV>
    {
        TV pHat = a * scales.InverseSp, qHat = b * scales.InverseSq, sum = pHat + qHat, product = pHat * qHat;
        TV difference = scales.Difference(a, b) * scales.InverseSp * scales.InverseSq;
        TV k = TV.Create(1.0) / product;
        TV term = TV.Create(0.5) * (difference * difference * k) * (sum * TV.Sqrt(sum * sum * k));
        TV pPositive = TV.GreaterThanZero(a), qPositive = TV.GreaterThanZero(b);
        TV tiny = TV.LessThan(product, TV.Create(Numerics.ScaledWeights.SmallestNormal)) & pPositive & qPositive;
        if (TV.AnyBitSet(tiny)) term = TV.Select(tiny, TinyProduct(pHat, qHat, difference), term);
        lanes.InfiniteA |= TV.AndNot(pPositive | qPositive, pPositive & qPositive);
        lanes.A += term & (pPositive & qPositive);
    }

    /// <summary>The term where p̂q̂ is not normal (rare: entries far below their vectors' largest).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV TinyProduct<TV>(TV pHat, TV qHat, TV difference) where TV : struct, ISimd<TV>
    {
        TV geometric = TV.Sqrt(pHat) * TV.Sqrt(qHat), sum = pHat + qHat;
        TV t = difference / geometric;
        return t * sum * TV.Create(0.5) * t * (sum / geometric);
    }

    public static double Mixed(in Numerics.ExactPair c, int i, in Numerics.PairEntry e)
    {
        double logP = c.LogP(i), logQ = c.LogQ(i);
        double larger = Math.Max(logP, logQ), smaller = Math.Min(logP, logQ);
        return Math.Exp(larger + 1.5 * (larger - smaller) - Math.Log(2.0));
    }
}
