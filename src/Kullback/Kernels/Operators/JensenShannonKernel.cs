using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// The fast Jensen–Shannon pass. With c = w·q, A = Σ p·ln(2p/(p + c)) and B = Σ c·ln(2c/(p + c)), the divergence of the
/// normalised vectors is G/(2Σp) with G = A + B evaluated at w = Σp/Σq (G is homogeneous of degree one in (p, c)).
/// The pass runs at w = 1 (probability vectors: Σp ≈ Σq), and the normalisation enters to first order,
/// G(w·(1 + δ)) = A + (1 + δ)·B + R with δ = Σp/(w·Σq) − 1 and |R| ≤ δ²·(Σp + wΣq)/(8(1 − |δ|)²); when δ is too large for
/// that (counts against probabilities) and the first pass fails, a second runs at w = Σp/Σq, where δ is a rounding error.
/// </summary>
/// <remarks>
/// A term's argument p·(2/(p + c)) carries four roundings (c, the sum, the reciprocal, the product), so its error is at
/// most 4u·p (or 4u·c) plus (4 + 2)·u·|term|.
/// </remarks>
internal static class JensenShannonKernel
{
    /// <summary>JS(p, q) in nats, or false when the bound (or the input) sends the work to the exact path.</summary>
    public static bool TryDivergence<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, KernelSettings settings, out double nats) where T : unmanaged
    {
        var s = FusedPass.Run(new JensenShannonOperator(1.0), p, q, settings);
        if (Finish(s, 1.0, out nats)) return true;
        if (!ErrorBound.Mismatched(s)) return false;
        double weight = s.P / s.Q;
        s = FusedPass.Run(new JensenShannonOperator(weight), p, q, settings);
        return Finish(s, weight, out nats);
    }

    private static bool Finish(in PassSums s, double weight, out double nats)
    {
        nats = double.NaN;
        if (!s.Usable(readsQ: true)) return false;
        double sp = s.P, wsq = weight * s.Q, u = ErrorBound.U, chain = s.Chain;
        double a = s.A.Total, b = s.B.Total;
        double delta = (sp - wsq) / wsq;
        double deltaError = (2 * chain + 3) * u * (1 + Math.Abs(delta));
        double reach = Math.Abs(delta) + deltaError;   // |δ| at most, given the sums' errors
        double remainder = reach < 0.5 ? reach * reach * (sp + wsq) / (8 * (1 - reach) * (1 - reach)) : double.PositiveInfinity;
        nats = (a + (1 + delta) * b) / (2 * sp);
        double errorA = u * ((chain + 2 + ErrorBound.LogUlps) * s.AbsA + 4 * sp);
        double errorB = u * ((chain + 3 + ErrorBound.LogUlps) * s.AbsB + 4 * wsq);
        double bound = (errorA + (1 + Math.Abs(delta)) * errorB + Math.Abs(b) * deltaError + remainder) / (2 * sp)
                       + Math.Abs(nats) * (chain + 2) * u + 2 * ErrorBound.Underflow(s.Count, sp);
        const double ln2 = 0.69314718055994530942;
        if (nats > ln2 && nats - bound <= ln2) nats = ln2;   // the true value never exceeds ln 2
        return ErrorBound.Accept(nats, bound) && nats <= ln2;
    }
}

/// <summary>A = Σ p·ln(2p/(p + wq)), B = Σ wq·ln(2wq/(p + wq)), terms with p = 0 (A) or q = 0 (B) left out.</summary>
internal readonly struct JensenShannonOperator(double weight) : IPassOperator<JensenShannonOperator>
{
    private readonly double _weight = weight;

    public static LaneSums Sums => LaneSums.A | LaneSums.AbsA | LaneSums.B | LaneSums.AbsB;
    public static bool ReadsQ => true;
    public static double CleanMinimumP => double.Epsilon;
    public static double CleanMinimumQ => double.Epsilon;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        TV c = q * TV.Create(_weight), inverseMean = TV.Create(2.0) / (p + c);   // 1/m: one division for both arguments
        TV logP = TV.Log(p * inverseMean), logC = TV.Log(c * inverseMean);
        if (TMode.Masked)
        {
            logP &= TV.GreaterThanZero(p);
            logC &= TV.GreaterThanZero(q);
        }
        TV termP = p * logP, termC = c * logC;
        lanes.A += termP;
        lanes.AbsA += TV.Abs(termP);
        lanes.B += termC;
        lanes.AbsB += TV.Abs(termC);
    }
}

/// <summary>
/// The exact Jensen–Shannon terms: w·ψ(x) with w = a·Sq + b·Sp = (p̂ + q̂)·Sp·Sq and x = d/w = (p̂ − q̂)/(p̂ + q̂), where
/// ψ(x) = (1 + x)·ln(1 + x) + (1 − x)·ln(1 − x) ≥ 0 by its series in x² for |x| &lt; 0.05 (every coefficient positive)
/// and ψ(±1) = 2 ln 2; JS = Σ/(4·Sp·Sq). Each term is non-negative and good to a few ulps.
/// </summary>
internal readonly struct JensenShannonExactTerms : IExactTerms
{
    public static LaneSums Sums => LaneSums.A;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TV>(TV a, TV b, in PairScales<TV> scales, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> =>
        lanes.A += Term(a, b, scales) & (TV.GreaterThanZero(a) | TV.GreaterThanZero(b));

    /// <summary>w·ψ(x) for scaled entries, not both 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Term<TV>(TV a, TV b, in PairScales<TV> s) where TV : struct, ISimd<TV>
    {
        TV one = TV.Create(1.0);
        TV w = a * s.SqHi + b * s.SpHi;
        TV v = TV.Min(one, TV.Abs(s.Difference(a, b) / w));
        // ψ = Σₖ x²ᵏ/(k(2k − 1)), k = 1…11, by Horner's scheme in y = x².
        TV y = v * v;
        TV series = TV.FusedMultiplyAdd(TV.Create(1.0 / 231), y, TV.Create(1.0 / 190));
        series = TV.FusedMultiplyAdd(series, y, TV.Create(1.0 / 153));
        series = TV.FusedMultiplyAdd(series, y, TV.Create(1.0 / 120));
        series = TV.FusedMultiplyAdd(series, y, TV.Create(1.0 / 91));
        series = TV.FusedMultiplyAdd(series, y, TV.Create(1.0 / 66));
        series = TV.FusedMultiplyAdd(series, y, TV.Create(1.0 / 45));
        series = TV.FusedMultiplyAdd(series, y, TV.Create(1.0 / 28));
        series = TV.FusedMultiplyAdd(series, y, TV.Create(1.0 / 15));
        series = TV.FusedMultiplyAdd(series, y, TV.Create(1.0 / 6));
        series = TV.FusedMultiplyAdd(series, y, one) * y;
        // Beyond: (1 + v)·log1p(v) + (1 − v)·log1p(−v), each log1p as ln u − ((u − 1) − x)/u with u = 1 + x rounded.
        TV up = one + v, down = one - v;
        TV logUp = TV.Log(up) - (up - one - v) / up;
        TV logDown = TV.Log(down) - (down - one + v) / down;
        TV closed = TV.Max(TV.Zero, up * logUp + down * logDown);
        TV psi = TV.Select(TV.LessThan(v, TV.Create(0.05)), series, TV.Select(TV.LessThan(v, one), closed, TV.Create(1.3862943611198906)));
        return w * psi;
    }
}
