using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// The fast Kullback–Leibler pass, both directions at once: with T = Σ pᵢ·ln(pᵢ/qᵢ) and T' = Σ qᵢ·ln(pᵢ/qᵢ) on the raw
/// inputs, D(p‖q) = T/Σp + ln(Σq/Σp), D(q‖p) = −T'/Σq − ln(Σq/Σp) and Jeffreys J = T/Σp − T'/Σq (the scale terms cancel).
/// </summary>
/// <remarks>
/// Each term's error is at most u·pᵢ (the ratio's rounding, through the logarithm) plus (4 + 1)·u·|term| (the logarithm,
/// the product), so δT ≤ (chain + 5)·u·Σ|terms| + 2u·Σp; the normalising sums add chain·u each.
/// </remarks>
internal static class KullbackLeiblerKernel
{
    /// <summary>D(p‖q) in nats, or false when the bound (or the input) sends the work to the exact path.</summary>
    public static bool TryForward<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, KernelSettings settings, out double nats) where T : unmanaged
    {
        var s = FusedPass.Run(default(KullbackLeiblerOperator<ForwardOnly>), p, q, settings);
        return Forward(s, out nats);
    }

    /// <summary>D(p‖q) and D(q‖p) from one pass; false unless both are accepted.</summary>
    public static bool TryBothDirections<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, KernelSettings settings, out double forward, out double reverse)
        where T : unmanaged
    {
        var s = FusedPass.Run(default(KullbackLeiblerOperator<BothDirections>), p, q, settings);
        reverse = double.NaN;
        return Forward(s, out forward) && Reverse(s, out reverse);
    }

    /// <summary>Jeffreys J = D(p‖q) + D(q‖p) in nats from one pass.</summary>
    public static bool TryJeffreys<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, KernelSettings settings, out double nats) where T : unmanaged
    {
        var s = FusedPass.Run(default(KullbackLeiblerOperator<BothDirections>), p, q, settings);
        nats = double.NaN;
        if (!s.Usable(readsQ: true)) return false;
        if (s.InfiniteA || s.InfiniteB)
        {
            nats = double.PositiveInfinity;
            return true;
        }
        double sp = s.P, sq = s.Q, t = s.A.Total, back = s.B.Total, u = ErrorBound.U;
        nats = t / sp - back / sq;
        double bound = TermsError(s.AbsA, sp, s.Chain) / sp + TermsError(s.AbsB, sq, s.Chain) / sq
                       + (Math.Abs(t / sp) + Math.Abs(back / sq)) * (s.Chain + 1) * u + u * Math.Abs(nats)
                       + ErrorBound.Underflow(s.Count, sp) + ErrorBound.Underflow(s.Count, sq);
        return ErrorBound.Accept(nats, bound);
    }

    private static bool Forward(in PassSums s, out double nats) => Finish(s, s.InfiniteA, s.P, s.Q, s.A.Total, s.AbsA, out nats);

    // D(q‖p) = −T'/Σq + ln(Σp/Σq): the forward formula with the roles swapped and T' negated.
    private static bool Reverse(in PassSums s, out double nats) => Finish(s, s.InfiniteB, s.Q, s.P, -s.B.Total, s.AbsB, out nats);

    /// <summary>D = T/Sa + ln(Sb/Sa), accepted when its error bound is small enough.</summary>
    private static bool Finish(in PassSums s, bool infinite, double sa, double sb, double t, double absT, out double nats)
    {
        nats = double.NaN;
        if (!s.Usable(readsQ: true)) return false;
        if (infinite)
        {
            nats = double.PositiveInfinity;
            return true;
        }
        double u = ErrorBound.U, sumError = s.Chain * u;
        double logScale = ErrorBound.LogRatio(sa, sb, sumError * sa, sumError * sb, out double logScaleError);
        nats = t / sa + logScale;
        double bound = TermsError(absT, sa, s.Chain) / sa + Math.Abs(t / sa) * (s.Chain + 1) * u + logScaleError
                       + u * Math.Abs(nats) + ErrorBound.Underflow(s.Count, sa);
        return ErrorBound.Accept(nats, bound);
    }

    /// <summary>δT ≤ (chain + 5)·u·Σ|terms| + 2u·Σweights.</summary>
    private static double TermsError(double absTerms, double weights, double chain) =>
        ErrorBound.U * ((chain + 1 + ErrorBound.LogUlps) * absTerms + 2 * weights);
}

/// <summary>Whether the Kullback–Leibler pass also takes the reverse direction's sum.</summary>
internal interface IDirections
{
    static abstract bool Reverse { get; }
}

/// <summary>D(p‖q) only.</summary>
internal readonly struct ForwardOnly : IDirections
{
    public static bool Reverse => false;
}

/// <summary>D(p‖q) and D(q‖p) (and Jeffreys).</summary>
internal readonly struct BothDirections : IDirections
{
    public static bool Reverse => true;
}

/// <summary>A = Σ p·ln(p/q), B = Σ q·ln(p/q) (both directions only); +∞ terms where p &gt; 0 = q (A) or q &gt; 0 = p (B).</summary>
internal readonly struct KullbackLeiblerOperator<TDirections> : IPassOperator<KullbackLeiblerOperator<TDirections>> where TDirections : struct, IDirections
{
    public static LaneSums Sums
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => TDirections.Reverse ? LaneSums.A | LaneSums.AbsA | LaneSums.B | LaneSums.AbsB : LaneSums.A | LaneSums.AbsA;
    }
    public static bool ReadsQ => true;
    public static double CleanMinimumP => double.Epsilon;
    public static double CleanMinimumQ => double.Epsilon;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        TV ratio = p / q;
        TV log = TV.Log(ratio);
        if (TMode.Masked)
        {
            TV pPositive = TV.GreaterThanZero(p), qPositive = TV.GreaterThanZero(q), both = pPositive & qPositive;
            lanes.InfiniteA |= TV.AndNot(pPositive, qPositive);
            if (TDirections.Reverse) lanes.InfiniteB |= TV.AndNot(qPositive, pPositive);
            // A ratio outside the normal range lost bits (or overflowed): the exact path must decide.
            lanes.Trouble |= both & (TV.LessThan(ratio, TV.Create(2.2250738585072014E-308)) | TV.GreaterThan(ratio, TV.Create(double.MaxValue)));
            log &= both;   // 0 where either is 0: such terms add nothing
        }
        else
        {
            lanes.Check = TV.Min(lanes.Check, log);
        }
        TV forward = p * log;
        lanes.A += forward;
        lanes.AbsA += TV.Abs(forward);
        if (TDirections.Reverse)
        {
            TV back = q * log;
            lanes.B += back;
            lanes.AbsB += TV.Abs(back);
        }
    }

    /// <summary>Every ratio normal: a logarithm below ln(smallest normal) came from a ratio that lost bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsClean<TV>(in Lanes<TV> lanes) where TV : struct, ISimd<TV> =>
        !TV.AnyBitSet(TV.LessThan(lanes.Check, TV.Create(ErrorBound.LogSmallestNormal)));
}
