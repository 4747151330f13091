using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// The fast Hellinger and Bhattacharyya pass. With c = w·q, A = Σ (√p − √c)² taken as (p − c)²/(p + c + 2√(p·c)) (no
/// cancellation, whatever p and c) and B = Σ √(p·c), the squared Hellinger distance of the normalised vectors is
/// H² = (A − (√Σp − √(wΣq))²)/(2√(w·Σp·Σq)), exactly for any w; the Bhattacharyya coefficient is
/// BC = B/√(w·Σp·Σq) = 1 − H². The pass runs at w = 1 and once more at w = Σp/Σq when the correction cancels.
/// </summary>
/// <remarks>
/// p − c is one fused multiply–add, and a term of A carries at most 8 roundings, a term of B 2. D_B = −ln(1 − H²) is
/// taken from H² while H² &lt; ½ (it is then at most 1.45 times as wrong, relatively), and as −ln BC beyond.
/// </remarks>
internal static class HellingerKernel
{
    /// <summary>H² in [0, 1], or false when the bound (or the input) sends the work to the exact path.</summary>
    public static bool TrySquared<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, KernelSettings settings, out double squared) where T : unmanaged
    {
        var s = FusedPass.Run(new HellingerOperator(1.0), p, q, settings);
        if (AcceptedSquared(s, 1.0, out squared)) return true;
        if (!ErrorBound.Mismatched(s)) return false;
        double weight = s.P / s.Q;
        return AcceptedSquared(FusedPass.Run(new HellingerOperator(weight), p, q, settings), weight, out squared);
    }

    /// <summary>The Bhattacharyya distance −ln BC in nats (+∞ for disjoint supports), or false.</summary>
    public static bool TryBhattacharyya<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, KernelSettings settings, out double nats) where T : unmanaged
    {
        var s = FusedPass.Run(new HellingerOperator(1.0), p, q, settings);
        if (Bhattacharyya(s, 1.0, out nats)) return true;
        if (!ErrorBound.Mismatched(s)) return false;
        double weight = s.P / s.Q;
        return Bhattacharyya(FusedPass.Run(new HellingerOperator(weight), p, q, settings), weight, out nats);
    }

    private static bool AcceptedSquared(in PassSums s, double weight, out double squared) =>
        Squared(s, weight, out squared, out double bound) && ErrorBound.Accept(squared, bound);

    private static bool Bhattacharyya(in PassSums s, double weight, out double nats)
    {
        nats = double.NaN;
        if (!Squared(s, weight, out double h2, out double bound)) return false;
        double u = ErrorBound.U;
        if (h2 < 0.5)
        {
            nats = -Numerics.Elementary.LogOnePlus(-h2);
            return ErrorBound.Accept(nats, 1.45 * bound / h2 * nats + 2 * u * nats);
        }
        if (s.B.Total == 0)
        {
            nats = double.PositiveInfinity;   // no outcome has p > 0 and q > 0 (no product underflowed: that is flagged)
            return true;
        }
        double coefficient = s.B.Total / (Math.Sqrt(weight * s.Q) * Math.Sqrt(s.P));
        nats = -Math.Log(coefficient);
        double relative = (2 * s.Chain + 6) * u;   // BC's relative error: B, Σp and Σq, the roots and the quotient
        return ErrorBound.Accept(nats, relative + u * nats);
    }

    private static bool Squared(in PassSums s, double weight, out double squared, out double bound)
    {
        squared = bound = double.NaN;
        if (!s.Usable(readsQ: true)) return false;
        double sp = s.P, wsq = weight * s.Q, u = ErrorBound.U, chain = s.Chain;
        double a = s.A.Total, difference = sp - wsq, root = Math.Sqrt(sp) + Math.Sqrt(wsq);
        double correction = difference / root * (difference / root);
        double differenceError = chain * u * (sp + wsq) + u * (wsq + Math.Abs(difference));
        // Each factor divided by the root first: the product of two errors near 1e-166 underflows to 0 (Σp = 1e-150
        // against Σq = 1e70, where w·Σq rounds to Σp and the correction vanishes while A keeps w's rounding).
        double correctionError = 2 * ((Math.Abs(difference) + differenceError) / root) * (differenceError / root) + 4 * u * correction;
        double denominator = 2 * Math.Sqrt(wsq) * Math.Sqrt(sp);   // 2√(w·Σp·Σq), without overflow
        squared = (a - correction) / denominator;
        if (!double.IsFinite(squared) || !double.IsFinite(denominator)) return false;
        bound = ((chain + 8) * u * a + correctionError) / denominator + Math.Abs(squared) * (chain + 4) * u
                + ErrorBound.Underflow(s.Count, denominator);
        if (squared > 1 && squared - bound <= 1) squared = 1;
        return squared <= 1;
    }
}

/// <summary>A = Σ (p − wq)²/(p + wq + 2√(p·wq)), B = Σ √(p·wq); a product p·wq that underflows is flagged.</summary>
internal readonly struct HellingerOperator(double weight) : IPassOperator<HellingerOperator>
{
    private readonly double _weight = weight;

    public static LaneSums Sums => LaneSums.A | LaneSums.B;
    public static bool ReadsQ => true;
    public static double CleanMinimumP => double.Epsilon;
    public static double CleanMinimumQ => double.Epsilon;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        TV w = TV.Create(_weight), c = q * w;
        TV difference = TV.FusedMultiplyAdd(-w, q, p);
        TV product = p * c, root = TV.Sqrt(product);
        TV term = difference * (difference / (p + c + (root + root)));   // no subnormal square divided by a tiny sum
        if (TMode.Masked)
        {
            TV pPositive = TV.GreaterThanZero(p), qPositive = TV.GreaterThanZero(q);
            term &= pPositive | qPositive;
            lanes.Trouble |= pPositive & qPositive & TV.LessThan(product, TV.Create(2.2250738585072014E-308));
        }
        else
        {
            lanes.Check = TV.Min(lanes.Check, product);
        }
        lanes.A += term;
        lanes.B += root;
    }

    /// <summary>No product p·wq in the subnormal range, where its square root would lose bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsClean<TV>(in Lanes<TV> lanes) where TV : struct, ISimd<TV> =>
        !TV.AnyBitSet(TV.LessThan(lanes.Check, TV.Create(2.2250738585072014E-308)));
}

/// <summary>
/// The exact Hellinger terms: ((p̂ − q̂)/(√p̂ + √q̂))², with p̂ − q̂ from the exact difference, which does not cancel;
/// H² = ½·Σ.
/// </summary>
internal readonly struct HellingerExactTerms : IExactTerms
{
    public static LaneSums Sums => LaneSums.A;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TV>(TV a, TV b, in PairScales<TV> scales, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> =>
        lanes.A += Term(a, b, scales) & (TV.GreaterThanZero(a) | TV.GreaterThanZero(b));

    /// <summary>((p̂ − q̂)/(√p̂ + √q̂))² for scaled entries, not both 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Term<TV>(TV a, TV b, in PairScales<TV> s) where TV : struct, ISimd<TV>
    {
        TV t = s.Difference(a, b) * s.InverseSp * s.InverseSq / (TV.Sqrt(a * s.InverseSp) + TV.Sqrt(b * s.InverseSq));
        return t * t;
    }
}
