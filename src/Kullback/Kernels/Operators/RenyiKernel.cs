using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// The fast Rényi pass for an order α other than ½, 1 and 2 (which run through the Hellinger, Kullback–Leibler and χ²
/// passes): A = Σ q·e^(α·ln(p/q)) = Σ p^α·q^(1−α) on the raw inputs, and
/// D_α = (ln(A/Σq) + α·ln(Σq/Σp))/(α − 1).
/// </summary>
/// <remarks>
/// A term's exponent α·ln r carries α·(2u + 5u·|ln r|) + u of absolute error (the ratio, the logarithm, the product), so
/// with B = Σ term·|ln r| the sum is within (chain + 6 + 2α)·u·A + 5α·u·B of exact.
/// </remarks>
internal static class RenyiKernel
{
    /// <summary>D_α(p‖q) in nats, or false when the bound (or the input) sends the work to the exact path.</summary>
    public static bool TryDivergence<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, double alpha, KernelSettings settings, out double nats) where T : unmanaged
    {
        var s = FusedPass.Run(new RenyiOperator(alpha), p, q, settings);
        nats = double.NaN;
        if (!s.Usable(readsQ: true)) return false;
        if (s.InfiniteA && alpha > 1)
        {
            nats = double.PositiveInfinity;
            return true;
        }
        double sp = s.P, sq = s.Q, a = s.A.Total, u = ErrorBound.U, chain = s.Chain;
        if (!(a > 0)) return false;   // every term underflowed, or disjoint supports: the exact path decides
        double errorA = (chain + 6 + 2 * alpha) * u * a + 5 * alpha * u * s.B.Total + (s.Count + sq) * ErrorBound.TinyTermError;   // a subnormal term, or a subnormal e^(α·ln r) times q
        double logA = ErrorBound.LogRatio(sq, a, chain * u * sq, errorA, out double logAError);
        double logScale = ErrorBound.LogRatio(sp, sq, chain * u * sp, chain * u * sq, out double logScaleError);
        double logSum = logA + alpha * logScale;
        nats = logSum / (alpha - 1);
        double bound = (logAError + alpha * logScaleError + u * (Math.Abs(logA) + Math.Abs(alpha * logScale))) / Math.Abs(alpha - 1)
                       + 2 * u * Math.Abs(nats);
        return ErrorBound.Accept(nats, bound);
    }
}

/// <summary>A = Σ q·(p/q)^α over p, q &gt; 0, B = Σ q·(p/q)^α·|ln(p/q)|; +∞ terms where p &gt; 0 = q (for α &gt; 1).</summary>
internal readonly struct RenyiOperator(double alpha) : IPassOperator<RenyiOperator>
{
    private readonly double _alpha = alpha;

    public static LaneSums Sums => LaneSums.A | LaneSums.B;
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
            lanes.Trouble |= both & (TV.LessThan(ratio, TV.Create(2.2250738585072014E-308)) | TV.GreaterThan(ratio, TV.Create(double.MaxValue)));
            log &= both;
            q &= both;   // terms where p = 0 or q = 0 add nothing (for α > 1 the latter are +∞, flagged above)
        }
        else
        {
            lanes.Check = TV.Min(lanes.Check, log);
        }
        TV term = q * TV.Exp(TV.Create(_alpha) * log);
        lanes.A += term;
        lanes.B += term * TV.Abs(log);
    }

    /// <summary>Every ratio normal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsClean<TV>(in Lanes<TV> lanes) where TV : struct, ISimd<TV> =>
        !TV.AnyBitSet(TV.LessThan(lanes.Check, TV.Create(ErrorBound.LogSmallestNormal)));
}
