using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kullback.Kernels;

/// <summary>
/// eˣ for eight doubles at once with AVX-512: x = (16m + j)·ln2/16 + r with k = 16m + j the nearest integer to
/// 16x/ln 2, |r| ≤ ln2/32; eˣ = 2ᵐ·2^(j/16)·eʳ with 2^(j/16) from a two-register permute (a head and a tail, from
/// mpmath at 50 digits), eʳ − 1 by its Taylor series to degree 7 (truncation below 2⁻⁶²), and 2ᵐ applied by
/// <c>vscalefpd</c>, which rounds a subnormal or overflowing result correctly.
/// </summary>
/// <remarks>
/// Within 1 ulp of <see cref="Math.Exp(double)"/> (tested over the whole range, subnormal results included); +∞ above
/// 709.78, 0 below −745.13, NaN for NaN. The kernels' bounds allow 4 ulps.
/// </remarks>
internal static class VectorExp
{
    public static bool IsSupported => Avx512F.IsSupported && Avx512DQ.IsSupported;

    private const double SixteenOverLn2 = 23.083120654223414;
    private const double Ln2Over16Head = 0.04332169878499658;
    private const double Ln2Over16Tail = 1.4494042586539372e-18;

    /// <summary>eˣ for each lane (requires <see cref="IsSupported"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x)
    {
        // Beyond ±1100 the result is 0 or +∞ already; clamping keeps k an integer (a NaN stays: vmaxpd returns its second operand).
        x = Vector512.MinNative(Vector512.Create(1100.0), Vector512.MaxNative(Vector512.Create(-1100.0), x));
        var k = Avx512F.RoundScale(x * Vector512.Create(SixteenOverLn2), 0b1000);   // to nearest, no precision exception
        var r = Vector512.FusedMultiplyAdd(-k, Vector512.Create(Ln2Over16Head), x);
        r = Vector512.FusedMultiplyAdd(-k, Vector512.Create(Ln2Over16Tail), r);
        var m = Avx512F.RoundScale(k * Vector512.Create(1.0 / 16), 0b1001);        // ⌊k/16⌋
        var index = Avx512DQ.ConvertToVector512Int64(k).AsDouble();                  // the permutes read its low four bits
        var head = Avx512F.PermuteVar8x64x2(
            Vector512.Create(1.0, 1.0442737824274138, 1.0905077326652577, 1.1387886347566916, 1.189207115002721, 1.241857812073484, 1.2968395546510096, 1.3542555469368927),
            index.AsInt64(),
            Vector512.Create(1.4142135623730951, 1.4768261459394993, 1.5422108254079407, 1.6104903319492543, 1.681792830507429, 1.7562521603732995, 1.8340080864093424, 1.9152065613971474));
        var tail = Avx512F.PermuteVar8x64x2(
            Vector512.Create(0.0, 8.551889705537965e-17, -3.046782079812471e-17, 8.912812676025408e-17, 3.982015231465646e-17, 4.658027591836937e-17, 2.5382502794888315e-17, 7.70094837980299e-17),
            index.AsInt64(),
            Vector512.Create(-9.667293313452913e-17, -3.483994556892796e-17, 7.949834809697621e-17, 2.4707192569797888e-17, 8.199010020581497e-17, 2.960140695448873e-17, 3.283107224245627e-17, -1.0619946056195963e-16));

        // eʳ − 1 = r + r²/2 + … + r⁷/7!, by Horner's scheme.
        var series = Vector512.FusedMultiplyAdd(Vector512.Create(1.0 / 5040), r, Vector512.Create(1.0 / 720));
        series = Vector512.FusedMultiplyAdd(series, r, Vector512.Create(1.0 / 120));
        series = Vector512.FusedMultiplyAdd(series, r, Vector512.Create(1.0 / 24));
        series = Vector512.FusedMultiplyAdd(series, r, Vector512.Create(1.0 / 6));
        series = Vector512.FusedMultiplyAdd(series, r, Vector512.Create(0.5));
        series = Vector512.FusedMultiplyAdd(series, r * r, r);
        var value = head + Vector512.FusedMultiplyAdd(head, series, tail);
        return Avx512F.Scale(value, m);
    }
}
