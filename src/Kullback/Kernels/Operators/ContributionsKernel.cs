using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// The per-outcome terms p̂ᵢ·ln(p̂ᵢ/q̂ᵢ) of D(p‖q) as a vectorised map over exactly scaled entries (a pair without deep
/// entries): ln(p̂/q̂) is log1p of the exact relative difference x = d/(Sp·b) while −½ &lt; x &lt; 1 (by its series for
/// |x| &lt; 0.05, so a term near p̂ = q̂ keeps its digits) and ln(a/b) + ln(Sq/Sp) beyond; 0 where p = 0 and +∞ where p &gt; 0 = q. Each term is
/// exact to a few ulps, as the outcome-by-outcome path in <c>Measures.KullbackLeiblerContributions</c> is.
/// </summary>
internal static class ContributionsKernel
{
    /// <summary>Writes every term, in nats, to <paramref name="destination"/>; the caller has checked the inputs.</summary>
    public static void Run(in ExactPair c, Span<double> destination, VectorWidth width)
    {
        switch (width.Resolve())
        {
            case VectorWidth.Bits512: Run<Simd512>(c, destination); break;
            case VectorWidth.Bits256: Run<Simd256>(c, destination); break;
            case VectorWidth.Bits128: Run<Simd128>(c, destination); break;
            default: Run<Simd1>(c, destination); break;
        }
    }

    private static void Run<TV>(in ExactPair c, Span<double> destination) where TV : struct, ISimd<TV>
    {
        var scales = PairScales<TV>.Of(c);
        TV p1 = TV.Create(c.Sp.Factor), p2 = TV.Create(c.Sp.Factor2), q1 = TV.Create(c.Sq.Factor), q2 = TV.Create(c.Sq.Factor2);
        ref double p = ref MemoryMarshal.GetReference(c.P), q = ref MemoryMarshal.GetReference(c.Q);
        ref double output = ref MemoryMarshal.GetReference(destination);
        int n = c.P.Length, i = 0;
        for (; i + TV.Count <= n; i += TV.Count)
            TV.Store(Term(TV.Load(ref p, (nuint)i) * p1 * p2, TV.Load(ref q, (nuint)i) * q1 * q2, scales), ref output, (nuint)i);
        if (i == n) return;
        // The last partial vector, through zero-padded buffers.
        Span<double> bp = stackalloc double[16], bq = stackalloc double[16], terms = stackalloc double[16];
        for (int k = 0; i + k < n; k++)
        {
            bp[k] = c.P[i + k];
            bq[k] = c.Q[i + k];
        }
        TV.Store(Term(TV.Load(ref bp[0], 0) * p1 * p2, TV.Load(ref bq[0], 0) * q1 * q2, scales), ref terms[0], 0);
        for (int k = 0; i + k < n; k++) destination[i + k] = terms[k];
    }

    /// <summary>p̂·ln(p̂/q̂) for scaled entries a, b: 0 for a = 0, +∞ for a &gt; 0 = b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Term<TV>(TV a, TV b, in PairScales<TV> s) where TV : struct, ISimd<TV>
    {
        TV one = TV.Create(1.0);
        TV x = s.Difference(a, b) / (s.SpHi * b);
        // ln(1 + x): its series for |x| < 0.05 (the vector logarithm is only absolutely accurate right next to 1), else
        // ln u − ((u − 1) − x)/u with u = 1 + x rounded (the second term undoes the rounding).
        TV series = TV.FusedMultiplyAdd(TV.Create(-1.0 / 14), x, TV.Create(1.0 / 13));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(-1.0 / 12));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(1.0 / 11));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(-1.0 / 10));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(1.0 / 9));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(-1.0 / 8));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(1.0 / 7));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(-1.0 / 6));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(1.0 / 5));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(-1.0 / 4));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(1.0 / 3));
        series = TV.FusedMultiplyAdd(series, x, TV.Create(-0.5));
        series = TV.FusedMultiplyAdd(series * x, x, x);
        TV u = one + x;
        TV log1p = TV.Select(TV.LessThan(TV.Abs(x), TV.Create(0.05)), series, TV.Log(u) - (u - one - x) / u);
        TV far = TV.Log(a / b) + s.LogScale;
        TV isNear = TV.LessThan(TV.Create(-0.5), x) & TV.LessThan(x, one);
        TV term = a * s.InverseSp * TV.Select(isNear, log1p, far);
        TV pPositive = TV.GreaterThanZero(a);
        term = TV.Select(TV.GreaterThanZero(b), term, TV.Select(pPositive, TV.Create(double.PositiveInfinity), TV.Zero));
        return term & pPositive;
    }
}
