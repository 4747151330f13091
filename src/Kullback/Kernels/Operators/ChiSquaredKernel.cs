using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// The fast Pearson χ² pass. With A = Σ (p − wq)²/q, taken as d·(d/q) with d = p − wq one fused multiply–add (no
/// cancellation), the divergence of the normalised vectors is χ² = (Σq·A − (Σp − wΣq)²)/Σp², exactly for any w. The pass
/// runs at w = 1, and once more at w = Σp/Σq when the correction cancels. Rényi of order 2 is ln(1 + χ²).
/// </summary>
/// <remarks>A term carries at most 4 roundings (d, the quotient, the product, and w·Σq in the correction).</remarks>
internal static class ChiSquaredKernel
{
    /// <summary>χ²(p‖q) (+∞ where some p &gt; 0 has q = 0), or false when the bound (or the input) sends the work to the exact path.</summary>
    public static bool TryDivergence<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, KernelSettings settings, out double value) where T : unmanaged
    {
        var s = FusedPass.Run(new ChiSquaredOperator(1.0), p, q, settings);
        if (Finish(s, 1.0, out value)) return true;
        if (s.InfiniteA || !ErrorBound.Mismatched(s)) return false;
        double weight = s.P / s.Q;
        s = FusedPass.Run(new ChiSquaredOperator(weight), p, q, settings);
        return Finish(s, weight, out value);
    }

    private static bool Finish(in PassSums s, double weight, out double value)
    {
        value = double.NaN;
        if (!s.Usable(readsQ: true)) return false;
        if (s.InfiniteA)
        {
            value = double.PositiveInfinity;
            return true;
        }
        double sp = s.P, sq = s.Q, wsq = weight * sq, u = ErrorBound.U, chain = s.Chain;
        double a = s.A.Total, difference = sp - wsq;
        double differenceError = chain * u * (sp + wsq) + u * (wsq + Math.Abs(difference));
        // (Σq·A − Δ²)/Σp², in factors that neither overflow nor underflow: (Σq/Σp)·(A/Σp) − (Δ/Σp)².
        double ratio = sq / sp, scaledA = a / sp, scaledDifference = difference / sp, scaledError = differenceError / sp;
        value = ratio * scaledA - scaledDifference * scaledDifference;
        double bound = ratio * scaledA * ((2 * chain + 4) * u + u)
                       + 2 * (Math.Abs(scaledDifference) + scaledError) * scaledError + u * scaledDifference * scaledDifference
                       + Math.Abs(value) * (2 * chain + 4) * u + ErrorBound.Underflow(s.Count, sp) * ratio;
        return ErrorBound.Accept(value, bound);
    }
}

/// <summary>A = Σ (p − wq)²/q over q &gt; 0; +∞ terms where p &gt; 0 = q; a subnormal q is left to the exact path.</summary>
internal readonly struct ChiSquaredOperator(double weight) : IPassOperator<ChiSquaredOperator>
{
    private readonly double _weight = weight;

    public static LaneSums Sums => LaneSums.A;
    public static bool ReadsQ => true;
    public static double CleanMinimumP => 0;
    public static double CleanMinimumQ => 2.2250738585072014E-308;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        TV difference = TV.FusedMultiplyAdd(-TV.Create(_weight), q, p);
        TV term = difference * (difference / q);
        if (TMode.Masked)
        {
            TV qPositive = TV.GreaterThanZero(q);
            lanes.InfiniteA |= TV.AndNot(TV.GreaterThanZero(p), qPositive);
            // A subnormal q divides a difference that may itself have lost bits (p − w·q rounded below the normal range).
            lanes.Trouble |= qPositive & TV.LessThan(q, TV.Create(2.2250738585072014E-308));
            term &= qPositive;
        }
        lanes.A += term;
    }
}

/// <summary>
/// The exact χ² terms: (p̂ − q̂)·x with x = p̂/q̂ − 1 = d/(Sp·b) from the exact difference (every term ≥ 0); +∞ terms
/// where p &gt; 0 = q. For a pair without deep entries q̂ is never far enough below p̂ for the quotient to overflow.
/// </summary>
internal readonly struct ChiSquaredExactTerms : IExactTerms
{
    public static LaneSums Sums => LaneSums.A;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TV>(TV a, TV b, in PairScales<TV> scales, ref Lanes<TV> lanes) where TV : struct, ISimd<TV>
    {
        TV qPositive = TV.GreaterThanZero(b);
        lanes.InfiniteA |= TV.AndNot(TV.GreaterThanZero(a), qPositive);
        lanes.A += Term(a, b, scales) & qPositive;
    }

    /// <summary>(p̂ − q̂)²/q̂ for scaled entries with b &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Term<TV>(TV a, TV b, in PairScales<TV> s) where TV : struct, ISimd<TV>
    {
        TV d = s.Difference(a, b);
        return d * s.InverseSp * s.InverseSq * (d / (s.SpHi * b));
    }
}
