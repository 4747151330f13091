using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// The fast total variation pass. With c = w·q and d = p − c (one fused multiply–add), A = Σ |d|, and TV = ½·A/Σp exactly
/// at w = Σp/Σq. The pass runs at w = 1 and takes the normalisation to first order: A is piecewise linear in w, so at
/// w(1 + δ), δ = Σp/(wΣq) − 1, it is A − δ·B with B = Σ sign(d)·c, up to 2|δ|·F where F = Σ c over the outcomes close
/// enough to flip sign, |d| ≤ τ·c with τ = 2⁻²⁰ ≥ |δ|. So float inputs normalised in single precision (δ ≈ 10⁻⁷) take
/// one pass; when δ is larger, or F too, and the first pass fails, a second runs at w = Σp/Σq.
/// </summary>
internal static class TotalVariationKernel
{
    /// <summary>τ: outcomes with |p − wq| ≤ τ·wq may change sign between w and the exact w(1 + δ) while |δ| ≤ τ.</summary>
    /// <summary>τ = 2⁻²⁰: the operators' flippable terms are those with |p − wq| ≤ τ·wq.</summary>
    internal const double FlipReach = 9.5367431640625e-07;

    /// <summary>TV(p, q) in [0, 1], or false when the bound (or the input) sends the work to the exact path.</summary>
    public static bool TryDistance<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, KernelSettings settings, out double distance) where T : unmanaged
    {
        var s = FusedPass.Run(new TotalVariationOperator(1.0), p, q, settings);
        if (Finish(s, 1.0, out distance)) return true;
        if (!ErrorBound.Mismatched(s)) return false;
        double weight = s.P / s.Q;
        s = FusedPass.Run(new TotalVariationOperator(weight), p, q, settings);
        return Finish(s, weight, out distance);
    }

    /// <summary>
    /// avg(L₁, L∞) = TV + ½·max|p̂ − q̂| from the same pass, with max|p − wq| and max q: at w(1 + δ) every |p − wq| moves by
    /// at most |δ|·w·q, so the maximum by at most |δ|·w·max q. False when either bound (or the input) sends the work to the
    /// exact path.
    /// </summary>
    public static bool TryAverageL1LInf(ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings, out double value)
    {
        var s = FusedPass.Run(new AverageL1LInfOperator(1.0), p, q, settings);
        if (FinishAverage(s, 1.0, out value)) return true;
        if (!ErrorBound.Mismatched(s)) return false;
        double weight = s.P / s.Q;
        s = FusedPass.Run(new AverageL1LInfOperator(weight), p, q, settings);
        return FinishAverage(s, weight, out value);
    }

    private static bool FinishAverage(in PassSums s, double weight, out double value)
    {
        value = double.NaN;
        if (!Finish(s, weight, out double distance)) return false;   // TV within its accepted bound, 2e-13 relative
        double sp = s.P, wsq = weight * s.Q, u = ErrorBound.U, chain = s.Chain;
        double delta = (sp - wsq) / wsq;
        double reach = Math.Abs(delta) + (2 * chain + 3) * u * (1 + Math.Abs(delta));
        double largest = s.Max / sp;
        double largestBound = (reach * weight * s.MaxB + 2 * u * s.Max) / sp + (chain + 2) * u * largest;
        value = distance + 0.5 * largest;
        // The whole within 2e-13: TV's share is, and ½·max's bound must be within 2e-13 of ½·max.
        return largest > 0 && largestBound <= ErrorBound.AcceptedRelativeError * largest;
    }

    private static bool Finish(in PassSums s, double weight, out double distance)
    {
        distance = double.NaN;
        if (!s.Usable(readsQ: true)) return false;
        double sp = s.P, wsq = weight * s.Q, u = ErrorBound.U, chain = s.Chain;
        double a = s.A.Total, signed = s.B.Total, flippable = s.AbsB;
        double delta = (sp - wsq) / wsq;
        double deltaError = (2 * chain + 3) * u * (1 + Math.Abs(delta));
        double reach = Math.Abs(delta) + deltaError;
        if (reach > FlipReach) return false;   // beyond τ the flip bound does not hold: the second pass decides
        distance = 0.5 * (a - delta * signed) / sp;
        double bound = 0.5 * ((chain + 1) * u * a + Math.Abs(delta) * (chain + 2) * u * Math.Abs(signed) + Math.Abs(signed) * deltaError
                              + 2 * reach * flippable) / sp
                       + Math.Abs(distance) * (chain + 3) * u + ErrorBound.Underflow(s.Count, sp);
        if (distance > 1 && distance - bound <= 1) distance = 1;
        return ErrorBound.Accept(distance, bound) && distance <= 1;
    }
}

/// <summary>A = Σ |p − wq|, B = Σ sign(p − wq)·wq, and (in AbsB) F = Σ wq over |p − wq| ≤ τ·wq.</summary>
internal readonly struct TotalVariationOperator(double weight) : IPassOperator<TotalVariationOperator>
{
    private readonly double _weight = weight;

    public static LaneSums Sums => LaneSums.A | LaneSums.B | LaneSums.AbsB;
    public static bool ReadsQ => true;
    public static double CleanMinimumP => 0;
    public static double CleanMinimumQ => 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        TV w = TV.Create(_weight), c = q * w;
        TV difference = TV.FusedMultiplyAdd(-w, q, p), size = TV.Abs(difference);
        lanes.A += size;
        lanes.B += c | (difference & TV.Create(-0.0));   // c with the sign of the difference
        lanes.AbsB += c & TV.LessThan(size, c * TV.Create(TotalVariationKernel.FlipReach));
    }
}

/// <summary>The total variation operator's sums and, in <see cref="Lanes{TV}.Max"/> and <see cref="Lanes{TV}.MaxB"/>, max |p − wq| and max q.</summary>
internal readonly struct AverageL1LInfOperator(double weight) : IPassOperator<AverageL1LInfOperator>
{
    private readonly double _weight = weight;

    public static LaneSums Sums => LaneSums.A | LaneSums.B | LaneSums.AbsB | LaneSums.Max;
    public static bool ReadsQ => true;
    public static double CleanMinimumP => 0;
    public static double CleanMinimumQ => 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        TV w = TV.Create(_weight), c = q * w;
        TV difference = TV.FusedMultiplyAdd(-w, q, p), size = TV.Abs(difference);
        lanes.A += size;
        lanes.B += c | (difference & TV.Create(-0.0));   // c with the sign of the difference
        lanes.AbsB += c & TV.LessThan(size, c * TV.Create(TotalVariationKernel.FlipReach));
        lanes.Max = TV.Max(lanes.Max, size);
        lanes.MaxB = TV.Max(lanes.MaxB, q);
    }
}

/// <summary>The exact total variation sums: A = Σ |d| and B = Σ d of the exact differences d = a·Sq − b·Sp.</summary>
internal readonly struct TotalVariationExactTerms : IExactTerms
{
    public static LaneSums Sums => LaneSums.A | LaneSums.B;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TV>(TV a, TV b, in PairScales<TV> scales, ref Lanes<TV> lanes) where TV : struct, ISimd<TV>
    {
        TV d = scales.Difference(a, b);
        lanes.A += TV.Abs(d);
        lanes.B += d;
    }
}

/// <summary>
/// The terms of avg(L₁, L∞): A = Σ |d| and, in <see cref="Lanes{TV}.Max"/>, maxᵢ |d| of the exact differences
/// d = a·Sq − b·Sp (so TV = ½·A/(Sp·Sq) and max|p̂ − q̂| = max|d|/(Sp·Sq)), for <see cref="PairTermsPass"/>.
/// </summary>
internal readonly struct AverageL1LInfExactTerms : IExactTerms
{
    public static LaneSums Sums => LaneSums.A | LaneSums.Max;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TV>(TV a, TV b, in PairScales<TV> scales, ref Lanes<TV> lanes) where TV : struct, ISimd<TV>
    {
        TV size = TV.Abs(scales.Difference(a, b));
        lanes.A += size;
        lanes.Max = TV.Max(lanes.Max, size);
    }
}
