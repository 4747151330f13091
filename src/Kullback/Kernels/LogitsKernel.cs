using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// D(softmax(a)‖softmax(b)) for one row of logits, vectorised at the widest width: one pass takes both maxima (and finds
/// a NaN or +∞), one pass takes e^(aₖ−max a) and e^(bₖ−max b) into a scratch row and their sums SA, SB (so the log-sum-exps),
/// and one pass adds the non-negative terms qₖ·ψ(δₖ), ψ(δ) = δe^δ − (e^δ − 1), with δₖ = ln pₖ − ln qₖ, and the two sums
/// that correct L's rounding to second order.
/// </summary>
/// <remarks>
/// δₖ = (aₖ − bₖ) − L with L = (max a − max b) + ln(SA/SB): aₖ − bₖ and max a − max b are taken exactly as a head and a tail,
/// so δₖ keeps its digits when the logits are close (a uniform error c in L changes D by the factor 1 + c only, since
/// dD/dL = −Σ pₖδₖ = −D). ψ by its series (to δ¹⁷, truncation below 10⁻¹⁹ relative) for |δ| &lt; ¼; beyond, as
/// pₖ·(δₖ − 1) + qₖ from pₖ = e^(aₖ−max a)/SA and qₖ = e^(bₖ−max b)/SB, which neither overflows nor cancels by more than
/// a factor 40. Every term is non-negative, so the row's relative error is a few tens of ulps. aₖ = −∞ is pₖ = 0 (term
/// qₖ, or 0 when bₖ = −∞ too); bₖ = −∞ with aₖ finite makes D = +∞.
/// </remarks>
internal static class LogitsKernel
{
    /// <summary>Below this |δ| the series.</summary>
    private const double SeriesLimit = 0.25;

    /// <summary>Lanes of the widest width; scratch rows are rounded up to a multiple of it.</summary>
    public const int MaxLanes = 8;

    /// <summary>How long the scratch for a row of <paramref name="columns"/> must be (two rows of exponentials, padded).</summary>
    public static int ScratchLength(int columns) => 2 * ((columns + MaxLanes - 1) / MaxLanes * MaxLanes);

    /// <summary>
    /// D in nats for one row; false (and NaN) when a logit is NaN or +∞ or a row is all −∞, which the caller reports.
    /// </summary>
    public static bool TryRow<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<double> scratch, VectorWidth width, out double nats) where T : unmanaged
    {
        if (typeof(T) == typeof(double))
            return TryRow<double, DoubleElements>(ref Unsafe.As<T, double>(ref MemoryMarshal.GetReference(a)),
                                                  ref Unsafe.As<T, double>(ref MemoryMarshal.GetReference(b)), a.Length, scratch, width, out nats);
        if (typeof(T) == typeof(float))
            return TryRow<float, FloatElements>(ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(a)),
                                                ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(b)), a.Length, scratch, width, out nats);
        throw new NotSupportedException($"The kernels read double or float, not {typeof(T).Name}.");
    }

    private static bool TryRow<T, TE>(ref T a, ref T b, int n, Span<double> scratch, VectorWidth width, out double nats) where TE : IElements<T>
    {
        ref double ea = ref scratch[0];
        ref double eb = ref scratch[scratch.Length / 2];
        return width.Resolve() switch
        {
            VectorWidth.Bits512 => Row<T, TE, Simd512>(ref a, ref b, n, ref ea, ref eb, out nats),
            VectorWidth.Bits256 => Row<T, TE, Simd256>(ref a, ref b, n, ref ea, ref eb, out nats),
            VectorWidth.Bits128 => Row<T, TE, Simd128>(ref a, ref b, n, ref ea, ref eb, out nats),
            _ => Row<T, TE, Simd1>(ref a, ref b, n, ref ea, ref eb, out nats),
        };
    }

    private static bool Row<T, TE, TV>(ref T a, ref T b, int n, ref double ea, ref double eb, out double nats)
        where TE : IElements<T> where TV : struct, ISimd<TV>
    {
        nats = double.NaN;
        int whole = n / TV.Count * TV.Count;
        TV infinity = TV.Create(double.PositiveInfinity), minusInfinity = TV.Create(double.NegativeInfinity);

        // Pass 1: the maxima, and whether every logit is below +∞ (NaN is not).
        TV maxA = minusInfinity, maxB = minusInfinity, fine = TV.LessThan(TV.Zero, infinity);
        for (int i = 0; i < whole; i += TV.Count)
        {
            TV va = TE.Load<TV>(ref a, (nuint)i), vb = TE.Load<TV>(ref b, (nuint)i);
            maxA = TV.Max(maxA, va);
            maxB = TV.Max(maxB, vb);
            fine &= TV.LessThan(va, infinity) & TV.LessThan(vb, infinity);
        }
        double mA = Max(maxA), mB = Max(maxB);
        for (int i = whole; i < n; i++)
        {
            double x = TE.At(ref a, (nuint)i), y = TE.At(ref b, (nuint)i);
            if (!(x < double.PositiveInfinity) || !(y < double.PositiveInfinity)) return false;
            mA = Math.Max(mA, x);
            mB = Math.Max(mB, y);
        }
        if (TV.AnyBitSet(TV.AndNot(TV.LessThan(TV.Zero, infinity), fine)) || double.IsNegativeInfinity(mA) || double.IsNegativeInfinity(mB))
            return false;

        // Pass 2: the exponentials, kept, and their sums (every term in (0, 1], the largest 1: no cancellation).
        TV shiftA = TV.Create(mA), shiftB = TV.Create(mB), sumA = TV.Zero, sumB = TV.Zero;
        int padded = (n + TV.Count - 1) / TV.Count * TV.Count;
        for (int i = 0; i < whole; i += TV.Count)
        {
            TV xa = TV.Exp(TE.Load<TV>(ref a, (nuint)i) - shiftA), xb = TV.Exp(TE.Load<TV>(ref b, (nuint)i) - shiftB);
            TV.Store(xa, ref ea, (nuint)i);
            TV.Store(xb, ref eb, (nuint)i);
            sumA += xa;
            sumB += xb;
        }
        double sa = TV.Sum(sumA), sb = TV.Sum(sumB);
        for (int i = whole; i < padded; i++)
        {
            double xa = i < n ? Math.Exp(TE.At(ref a, (nuint)i) - mA) : 0, xb = i < n ? Math.Exp(TE.At(ref b, (nuint)i) - mB) : 0;
            Unsafe.Add(ref ea, i) = xa;
            Unsafe.Add(ref eb, i) = xb;
            sa += xa;
            sb += xb;
        }

        // L = (mA − mB) + ln(SA/SB) as a head and a tail: mA − mB exactly (two-difference), the logarithms rounded.
        double shift = mA - mB, shiftError = TwoDifferenceError(mA, mB, shift);
        double logRatio = Math.Log(sa) - Math.Log(sb);
        double lHead = shift + logRatio, lTail = (shift - lHead + logRatio) + shiftError;
        var scales = new RowScales<TV>(lHead, lTail, 1 / sa, 1 / sb);

        // Pass 3: the non-negative terms.
        // Lane sums flushed into compensated sums every 16 vectors, as in the fused pass: S = Σ qψ(δ), R = Σ q(e^δ − 1)
        // and T = Σ qδe^δ, for the correction below.
        NeumaierSum sum = default, residual = default, slope = default;
        var infinite = TV.Zero;
        for (int block = 0; block < whole; block += FusedPass.VectorsPerBlock * TV.Count)
        {
            int blockEnd = Math.Min(whole, block + FusedPass.VectorsPerBlock * TV.Count);
            TV terms = TV.Zero, r = TV.Zero, t = TV.Zero;
            for (int i = block; i < blockEnd; i += TV.Count)
                terms += Term(TE.Load<TV>(ref a, (nuint)i), TE.Load<TV>(ref b, (nuint)i), TV.Load(ref ea, (nuint)i), TV.Load(ref eb, (nuint)i), scales, ref infinite, ref r, ref t);
            sum.Add(TV.Sum(terms));
            residual.Add(TV.Sum(r));
            slope.Add(TV.Sum(t));
        }
        var scalar = new RowScales<Simd1>(lHead, lTail, 1 / sa, 1 / sb);
        Simd1 scalarInfinite = Simd1.Zero, scalarR = Simd1.Zero, scalarT = Simd1.Zero;
        for (int i = whole; i < n; i++)
            sum.Add(Term(new Simd1(TE.At(ref a, (nuint)i)), new Simd1(TE.At(ref b, (nuint)i)), new Simd1(Unsafe.Add(ref ea, i)),
                         new Simd1(Unsafe.Add(ref eb, i)), scalar, ref scalarInfinite, ref scalarR, ref scalarT).V);
        residual.Add(scalarR.V);
        slope.Add(scalarT.V);
        if (TV.AnyBitSet(infinite) || Simd1.AnyBitSet(scalarInfinite))
        {
            nats = double.PositiveInfinity;
            return true;
        }
        // The terms are taken at δ − c, with c the (uniform) rounding error of L; the implied p = q·e^δ must sum to 1,
        // which gives c = −log1p(R), and S(c) = S + c·T + c²/2·(1 + T) to second order. Without it, c ≈ 10⁻¹⁶ leaves
        // c²/2 ≈ 10⁻³³ in divergences of 10⁻²⁶ (near-identical logits); with it, c's own error is ≤ u·Σ|p − q|, and
        // (u·Σ|p − q|)² ≤ 2u²·D by Pinsker's inequality.
        double c = -Elementary.LogOnePlus(residual.Total), slopeTotal = slope.Total;
        nats = Math.Max(0, sum.Total + c * slopeTotal + 0.5 * c * c * (1 + slopeTotal));
        return true;
    }

    /// <summary>
    /// qₖ·ψ(δₖ) ≥ 0 for one vector; adds qₖ(e^δₖ − 1) to <paramref name="r"/> and qₖδₖe^δₖ to <paramref name="t"/>, and sets
    /// <paramref name="infinite"/> where aₖ is finite and bₖ = −∞.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Term<TV>(TV a, TV b, TV ea, TV eb, in RowScales<TV> s, ref TV infinite, ref TV r, ref TV t) where TV : struct, ISimd<TV>
    {
        TV lowest = TV.Create(double.MinValue);
        TV pPositive = TV.GreaterThan(a, lowest), qPositive = TV.GreaterThan(b, lowest);
        infinite |= TV.AndNot(pPositive, qPositive);

        // δ = (a − b) − L with a − b = head + tail exactly.
        TV head = a - b;
        TV bVirtual = head - a;
        TV tail = (a - (head - bVirtual)) - (b + bVirtual);
        TV delta = (head - s.LHead) + (tail - s.LTail);
        TV p = ea * s.InverseSa, q = eb * s.InverseSb;

        // ψ(δ) = Σ_{k≥2} (k − 1)·δᵏ/k!, k ≤ 17; e^δ − 1 = Σ_{k≥1} δᵏ/k!, k ≤ 16 (both below 10⁻¹⁹ relative for |δ| < ¼).
        TV series = TV.FusedMultiplyAdd(TV.Create(16.0 / 355687428096000), delta, TV.Create(15.0 / 20922789888000));
        series = TV.FusedMultiplyAdd(series, delta, TV.Create(14.0 / 1307674368000));
        series = TV.FusedMultiplyAdd(series, delta, TV.Create(13.0 / 87178291200));
        series = TV.FusedMultiplyAdd(series, delta, TV.Create(12.0 / 6227020800));
        series = TV.FusedMultiplyAdd(series, delta, TV.Create(11.0 / 479001600));
        series = TV.FusedMultiplyAdd(series, delta, TV.Create(10.0 / 39916800));
        series = TV.FusedMultiplyAdd(series, delta, TV.Create(9.0 / 3628800));
        series = TV.FusedMultiplyAdd(series, delta, TV.Create(8.0 / 362880));
        series = TV.FusedMultiplyAdd(series, delta, TV.Create(7.0 / 40320));
        series = TV.FusedMultiplyAdd(series, delta, TV.Create(6.0 / 5040));
        series = TV.FusedMultiplyAdd(series, delta, TV.Create(5.0 / 720));
        series = TV.FusedMultiplyAdd(series, delta, TV.Create(4.0 / 120));
        series = TV.FusedMultiplyAdd(series, delta, TV.Create(3.0 / 24));
        series = TV.FusedMultiplyAdd(series, delta, TV.Create(2.0 / 6));
        series = TV.FusedMultiplyAdd(series, delta, TV.Create(0.5));
        TV expm1 = TV.FusedMultiplyAdd(TV.Create(1.0 / 20922789888000), delta, TV.Create(1.0 / 1307674368000));
        expm1 = TV.FusedMultiplyAdd(expm1, delta, TV.Create(1.0 / 87178291200));
        expm1 = TV.FusedMultiplyAdd(expm1, delta, TV.Create(1.0 / 6227020800));
        expm1 = TV.FusedMultiplyAdd(expm1, delta, TV.Create(1.0 / 479001600));
        expm1 = TV.FusedMultiplyAdd(expm1, delta, TV.Create(1.0 / 39916800));
        expm1 = TV.FusedMultiplyAdd(expm1, delta, TV.Create(1.0 / 3628800));
        expm1 = TV.FusedMultiplyAdd(expm1, delta, TV.Create(1.0 / 362880));
        expm1 = TV.FusedMultiplyAdd(expm1, delta, TV.Create(1.0 / 40320));
        expm1 = TV.FusedMultiplyAdd(expm1, delta, TV.Create(1.0 / 5040));
        expm1 = TV.FusedMultiplyAdd(expm1, delta, TV.Create(1.0 / 720));
        expm1 = TV.FusedMultiplyAdd(expm1, delta, TV.Create(1.0 / 120));
        expm1 = TV.FusedMultiplyAdd(expm1, delta, TV.Create(1.0 / 24));
        expm1 = TV.FusedMultiplyAdd(expm1, delta, TV.Create(1.0 / 6));
        expm1 = TV.FusedMultiplyAdd(expm1, delta, TV.Create(0.5));
        expm1 = TV.FusedMultiplyAdd(expm1, delta * delta, delta);
        TV isNear = TV.LessThan(TV.Abs(delta), TV.Create(SeriesLimit));
        TV near = q * (delta * delta * series);
        TV far = TV.FusedMultiplyAdd(p, delta - TV.Create(1.0), q);
        TV term = TV.Max(TV.Zero, TV.Select(isNear, near, far));
        // Far from δ = 0, q(e^δ − 1) = p − q and qδe^δ = pδ.
        TV both = pPositive & qPositive;
        r += TV.Select(both, TV.Select(isNear, q * expm1, p - q), TV.Zero - (q & qPositive));
        t += TV.Select(isNear, q * delta + q * delta * expm1, p * delta) & both;
        // p = 0 < q: the term is q; both 0: nothing (the masks also clear the NaN that −∞ − −∞ leaves in δ).
        return TV.Select(pPositive, term & qPositive, q & qPositive);
    }

    private static double Max<TV>(TV v) where TV : struct, ISimd<TV>
    {
        double m = double.NegativeInfinity;
        for (int k = 0; k < TV.Count; k++) m = Math.Max(m, TV.Element(v, k));
        return m;
    }

    /// <summary>The rounding error of s = x − y: x − y = s + error exactly (Knuth's two-sum).</summary>
    private static double TwoDifferenceError(double x, double y, double s)
    {
        double yVirtual = s - x;
        return (x - (s - yVirtual)) - (y + yVirtual);
    }

    /// <summary>A row's constants as vectors: L as a head and a tail, 1/SA and 1/SB.</summary>
    private readonly struct RowScales<TV>(double lHead, double lTail, double inverseSa, double inverseSb) where TV : struct, ISimd<TV>
    {
        public readonly TV LHead = TV.Create(lHead), LTail = TV.Create(lTail), InverseSa = TV.Create(inverseSa), InverseSb = TV.Create(inverseSb);
    }
}
