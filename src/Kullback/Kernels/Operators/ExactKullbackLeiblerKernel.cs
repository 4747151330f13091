using System.Runtime.CompilerServices;
using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// The exact Kullback–Leibler algorithm, written once for every width: on exactly scaled entries a, b with their
/// double-double sums, D(p‖q) = Σ q̂ᵢ·φ(1 + xᵢ) with φ(1 + x) = (1 + x)·ln(1 + x) − x ≥ 0 and xᵢ = p̂ᵢ/q̂ᵢ − 1 = dᵢ/(Sp·bᵢ)
/// from the exact differences; φ by its series for |x| &lt; 0.05, as (1 + x)·log1p(x) − x up to x &lt; 1, and as
/// p̂·ln(p̂/q̂) − (p̂ − q̂) beyond. Every term is non-negative and good to a few tens of ulps, so the sum is too.
/// </summary>
/// <remarks>
/// <see cref="Run"/> is the vectorised pass for pairs without deep entries; <c>Measures.KullbackLeiblerNats</c> runs the
/// same <see cref="Term"/> one outcome at a time, at each outcome's level and with its logarithm taken in log space
/// where the ratio leaves the normal range.
/// </remarks>
internal static class ExactKullbackLeiblerKernel
{
    /// <summary>D(p‖q) in nats for a validated pair without deep entries (<see cref="ExactPair.HasDeep"/> false).</summary>
    public static double Run(in ExactPair c, KernelSettings settings)
    {
        var s = ExactPass<ExactKullbackLeiblerTerms>.Run(c, 0, c.P.Length, settings);
        return s.InfiniteA ? double.PositiveInfinity : Math.Max(0.0, s.A.Total);
    }

    /// <summary>
    /// q̂·φ(p̂/q̂) ≥ 0 for scaled entries a ≥ 0, b &gt; 0 at one level (q̂ when a = 0), with <paramref name="logRatio"/>
    /// = ln(p̂/q̂) for the branch far from p̂ = q̂.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Term<TV>(TV a, TV b, TV logRatio, in PairScales<TV> s) where TV : struct, ISimd<TV>
    {
        TV one = TV.Create(1.0);
        TV d = s.Difference(a, b);
        TV x = TV.Max(TV.Create(-1.0), d / (s.SpHi * b));
        TV qHat = b * s.InverseSq;

        TV near = qHat * PhiTerms.NearOne(x);   // φ(1 + x): its series near x = 0, (1 + x)·log1p(x) − x beyond

        // Far from p̂ = q̂: p̂·ln(p̂/q̂) − (p̂ − q̂).
        TV far = TV.Max(TV.Zero, a * s.InverseSp * logRatio - d * s.InverseSp * s.InverseSq);
        TV isNear = TV.LessThan(TV.Create(-0.5), x) & TV.LessThan(x, one);
        return TV.Select(TV.GreaterThanZero(a), TV.Select(isNear, near, far), qHat);   // p = 0: φ(0) = 1
    }
}

/// <summary>A = Σ q̂·φ(p̂/q̂); +∞ terms where p &gt; 0 = q.</summary>
internal readonly struct ExactKullbackLeiblerTerms : IExactTerms
{
    public static LaneSums Sums => LaneSums.A;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TV>(TV a, TV b, in PairScales<TV> scales, ref Lanes<TV> lanes) where TV : struct, ISimd<TV>
    {
        TV logRatio = TV.Log(a / b) + scales.LogScale;
        TV qPositive = TV.GreaterThanZero(b);
        lanes.InfiniteA |= TV.AndNot(TV.GreaterThanZero(a), qPositive);
        lanes.A += ExactKullbackLeiblerKernel.Term(a, b, logRatio, scales) & qPositive;
    }
}
