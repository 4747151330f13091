using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// Fused single-pass vector kernels for KL (one or both directions), entropy and cross-entropy, and a two-pass one for
/// Jensen–Shannon, over double or float inputs. Each pass validates the inputs, takes the normalising sums and the
/// measure's sum together, and bounds its own rounding error; <c>Try…</c> returns false when the inputs are invalid,
/// the result is not finite, or the bound exceeds <see cref="AcceptedRelativeError"/> of the result — then the exact
/// scalar path must be used.
/// </summary>
internal static unsafe class DivergenceKernels
{
    /// <summary>The largest bound on the relative error a fast result may have (the exact path reaches ~1e-15; tests demand 1e-12).</summary>
    public const double AcceptedRelativeError = 2e-13;

    private const double U = 1.1102230246251565E-16;   // unit roundoff 2^−53
    private const double LogError = 4;                 // vector log: ≤ 2 ulps (VectorLog; Vector256.Log ≤ 3), plus the rounding of its argument

    public enum Measure { Sums, KullbackLeibler, KullbackLeiblerBoth, Entropy, CrossEntropy }

    /// <summary>The settings a test can force; production uses <see cref="Default"/>.</summary>
    public readonly record struct Settings(VectorWidth Width, int MaxDegreeOfParallelism, int ParallelThreshold)
    {
        public static Settings Default => new(VectorWidth.Best, -1, KernelRunner.DefaultParallelThreshold);
        public static Settings WithParallelism(int maxDegreeOfParallelism) => Default with { MaxDegreeOfParallelism = maxDegreeOfParallelism };
    }

    // ---- Entry points -------------------------------------------------------------------------------------------

    public static bool TryKullbackLeibler<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, Settings settings, out double nats) where T : unmanaged =>
        TryKullbackLeibler(p, q, settings, out nats, out _);

    public static bool TryKullbackLeibler<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, Settings settings, out double forward, out double reverse, bool both = false)
        where T : unmanaged
    {
        var s = Pass(p, q, both ? Measure.KullbackLeiblerBoth : Measure.KullbackLeibler, settings);
        reverse = double.NaN;
        if (!FinishKl(s.SumP.Total, s.SumQ.Total, s.Main.Total, s.AbsMain, s.MainInfinite, s.NeedsExactPath, out forward)) return false;
        return !both || FinishKl(s.SumQ.Total, s.SumP.Total, -s.Second.Total, s.AbsSecond, s.SecondInfinite, s.NeedsExactPath, out reverse);
    }

    public static bool TryEntropy<T>(ReadOnlySpan<T> p, Settings settings, out double nats) where T : unmanaged
    {
        var s = Pass(p, p, Measure.Entropy, settings);
        double sp = s.SumP.Total, t = s.Main.Total;
        // H = ln Σp − Σ p ln p / Σp
        double logSum = Math.Log(sp);
        nats = logSum - t / sp;
        double bound = U * (Chain(settings) * s.AbsMain + LogError * s.AbsMain + 2 * sp) / sp
                       + U * Chain(settings) * (Math.Abs(t / sp) + 1) + U * Math.Abs(logSum);
        return Accept(s.NeedsExactPath, sp, nats, bound);
    }

    public static bool TryCrossEntropy<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, Settings settings, out double nats) where T : unmanaged
    {
        var s = Pass(p, q, Measure.CrossEntropy, settings);
        double sp = s.SumP.Total, sq = s.SumQ.Total, t = s.Main.Total;
        if (s.MainInfinite && !s.NeedsExactPath && Valid(sp) && Valid(sq))
        {
            nats = double.PositiveInfinity;
            return true;
        }
        // H(p, q) = ln Σq − Σ p ln q / Σp
        double logSum = Math.Log(sq);
        nats = logSum - t / sp;
        double bound = U * (Chain(settings) * s.AbsMain + LogError * s.AbsMain + 2 * sp) / sp
                       + U * Chain(settings) * (Math.Abs(t / sp) + 1) + U * Math.Abs(logSum);
        return Accept(s.NeedsExactPath || !(sq > 0), sp, nats, bound);
    }

    /// <summary>Jensen–Shannon: a pass for the sums, then a pass for ½Σ p̂ ln(p̂/m) + ½Σ q̂ ln(q̂/m) with m = (p̂ + q̂)/2.</summary>
    public static bool TryJensenShannon<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, Settings settings, out double nats) where T : unmanaged
    {
        nats = double.NaN;
        var sums = Pass(p, q, Measure.Sums, settings);
        double sp = sums.SumP.Total, sq = sums.SumQ.Total;
        if (sums.NeedsExactPath || !(sp > 0) || !(sq > 0) || !double.IsFinite(sp) || !double.IsFinite(sq)) return false;
        double ip = 1 / sp, iq = 1 / sq;
        PassSums s = default;
        if (p.Length < settings.ParallelThreshold || settings.MaxDegreeOfParallelism == 1)
        {
            if (typeof(T) == typeof(double))
                JsChunk<double, DoubleElements>(ref Unsafe.As<T, double>(ref MemoryMarshal.GetReference(p)), ref Unsafe.As<T, double>(ref MemoryMarshal.GetReference(q)), 0, p.Length, ip, iq, settings.Width, ref s);
            else
                JsChunk<float, FloatElements>(ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(p)), ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(q)), 0, p.Length, ip, iq, settings.Width, ref s);
        }
        else
        {
            s = JsInParallel(p, q, ip, iq, settings);
        }
        nats = 0.5 * s.Main.Total;
        // Each normalised value carries 2 roundings (quotient, 1/Σ) and each logarithm LogError; the Kahan sums are good
        // to about 5 ulps; Σ p̂ = Σ q̂ = 1.
        double bound = U * (Chain(settings) * s.AbsMain + LogError * s.AbsMain) + U * (6 + 2 * 5 + 2 * LogError);
        return Accept(false, 1, nats, bound) && nats <= Math.Log(2) * (1 + 1e-15);
    }

    private static PassSums JsInParallel<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, double ip, double iq, Settings settings) where T : unmanaged
    {
        fixed (T* pp = p, qq = q)
        {
            nint pa = (nint)pp, qa = (nint)qq;
            return KernelRunner.Run(p.Length, settings.MaxDegreeOfParallelism, settings.ParallelThreshold, (int start, int end, ref PassSums acc) =>
            {
                if (typeof(T) == typeof(double)) JsChunk<double, DoubleElements>(ref *(double*)pa, ref *(double*)qa, start, end, ip, iq, settings.Width, ref acc);
                else JsChunk<float, FloatElements>(ref *(float*)pa, ref *(float*)qa, start, end, ip, iq, settings.Width, ref acc);
            });
        }
    }

    // ---- The passes --------------------------------------------------------------------------------------------

    private static PassSums Pass<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, Measure measure, Settings settings) where T : unmanaged
    {
        if (p.Length < settings.ParallelThreshold || settings.MaxDegreeOfParallelism == 1)
        {
            // Small inputs: this thread, no closure, no allocation.
            var sums = new PassSums();
            if (typeof(T) == typeof(double))
                Chunk<double, DoubleElements>(ref Unsafe.As<T, double>(ref MemoryMarshal.GetReference(p)), ref Unsafe.As<T, double>(ref MemoryMarshal.GetReference(q)), 0, p.Length, measure, settings.Width, ref sums);
            else
                Chunk<float, FloatElements>(ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(p)), ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(q)), 0, p.Length, measure, settings.Width, ref sums);
            return sums;
        }
        return PassInParallel(p, q, measure, settings);
    }

    /// <summary>The multi-core pass, apart so that its closure is allocated only when it runs.</summary>
    private static PassSums PassInParallel<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, Measure measure, Settings settings) where T : unmanaged
    {
        fixed (T* pp = p, qq = q)
        {
            nint pa = (nint)pp, qa = (nint)qq;
            return KernelRunner.Run(p.Length, settings.MaxDegreeOfParallelism, settings.ParallelThreshold, (int start, int end, ref PassSums acc) =>
            {
                if (typeof(T) == typeof(double)) Chunk<double, DoubleElements>(ref *(double*)pa, ref *(double*)qa, start, end, measure, settings.Width, ref acc);
                else Chunk<float, FloatElements>(ref *(float*)pa, ref *(float*)qa, start, end, measure, settings.Width, ref acc);
            });
        }
    }

    private static void Chunk<T, TE>(ref T p, ref T q, int start, int end, Measure measure, VectorWidth width, ref PassSums acc)
        where TE : IElements<T>
    {
        switch (measure)
        {
            case Measure.Sums: Chunk<T, TE, SumsOnly>(ref p, ref q, start, end, width, ref acc); break;
            case Measure.KullbackLeibler: Chunk<T, TE, Forward>(ref p, ref q, start, end, width, ref acc); break;
            case Measure.KullbackLeiblerBoth: Chunk<T, TE, BothWays>(ref p, ref q, start, end, width, ref acc); break;
            case Measure.Entropy: Chunk<T, TE, OwnEntropy>(ref p, ref q, start, end, width, ref acc); break;
            default: Chunk<T, TE, Cross>(ref p, ref q, start, end, width, ref acc); break;
        }
    }

    // The measure as a type, so that the JIT compiles one loop per measure with its branches folded away.
    private struct SumsOnly;
    private struct Forward;
    private struct BothWays;
    private struct OwnEntropy;
    private struct Cross;

    private static Measure MeasureOf<TM>() =>
        typeof(TM) == typeof(SumsOnly) ? Measure.Sums : typeof(TM) == typeof(Forward) ? Measure.KullbackLeibler
        : typeof(TM) == typeof(BothWays) ? Measure.KullbackLeiblerBoth : typeof(TM) == typeof(OwnEntropy) ? Measure.Entropy : Measure.CrossEntropy;

    private static void Chunk<T, TE, TM>(ref T p, ref T q, int start, int end, VectorWidth width, ref PassSums acc)
        where TE : IElements<T> where TM : struct
    {
        switch (Resolve(width))
        {
            case VectorWidth.Bits512: Blocks<T, TE, Simd512, TM>(ref p, ref q, start, end, ref acc); break;
            case VectorWidth.Bits256: Blocks<T, TE, Simd256, TM>(ref p, ref q, start, end, ref acc); break;
            default: ScalarBlock<T, TE>(ref p, ref q, start, end, MeasureOf<TM>(), ref acc); break;
        }
    }

    private static VectorWidth Resolve(VectorWidth width) => width switch
    {
        VectorWidth.Best => Simd512.IsHardwareAccelerated ? VectorWidth.Bits512 : Simd256.IsHardwareAccelerated ? VectorWidth.Bits256 : VectorWidth.Scalar,
        _ => width,
    };

    /// <summary>How many additions a vector lane chains within one block (the summation error grows with it).</summary>
    private static double Chain(Settings settings) => Resolve(settings.Width) switch
    {
        VectorWidth.Bits512 => KernelRunner.BlockSize / 8 + 2,
        VectorWidth.Bits256 => KernelRunner.BlockSize / 4 + 2,
        _ => KernelRunner.BlockSize + 2,
    };

    private static void Blocks<T, TE, TV, TM>(ref T p, ref T q, int start, int end, ref PassSums acc)
        where TE : IElements<T> where TV : struct, ISimd<TV> where TM : struct
    {
        for (int block = start; block < end; block += KernelRunner.BlockSize)
        {
            int blockEnd = Math.Min(end, block + KernelRunner.BlockSize);
            if (typeof(TM) != typeof(SumsOnly) && CleanBlock<T, TE, TV, TM>(ref p, ref q, block, blockEnd, ref acc)) continue;
            TV sp = TV.Zero, sq = TV.Zero, main = TV.Zero, absMain = TV.Zero, second = TV.Zero, absSecond = TV.Zero;
            TV minP = TV.Zero, minQ = TV.Zero, minRatio = TV.Create(double.MaxValue);
            TV mainInfinite = TV.Zero, secondInfinite = TV.Zero;
            int i = block;
            for (; i + TV.Count <= blockEnd; i += TV.Count)
            {
                TV vp = TE.Load<TV>(ref p, (nuint)i), vq = TE.Load<TV>(ref q, (nuint)i);
                // Validity: negatives show in the minima; NaN and ±∞ in the sums, which are checked at the end.
                minP = TV.Min(minP, vp);
                minQ = TV.Min(minQ, vq);
                if (typeof(TM) == typeof(SumsOnly))
                {
                    // Nothing else to do in this pass, so the sums can afford Kahan's compensation (second, absSecond
                    // hold the running corrections): Jensen–Shannon then normalises with errors of a few ulps.
                    TV yp = TV.Subtract(vp, second), tp = TV.Add(sp, yp);
                    second = TV.Subtract(TV.Subtract(tp, sp), yp);
                    sp = tp;
                    TV yq = TV.Subtract(vq, absSecond), tq = TV.Add(sq, yq);
                    absSecond = TV.Subtract(TV.Subtract(tq, sq), yq);
                    sq = tq;
                    continue;
                }
                sp = TV.Add(sp, vp);
                sq = TV.Add(sq, vq);
                TV pPositive = TV.GreaterThanZero(vp);
                TV term;
                if (typeof(TM) == typeof(OwnEntropy))
                {
                    term = TV.Select(pPositive, TV.Multiply(vp, TV.Log(vp)), TV.Zero);
                }
                else if (typeof(TM) == typeof(Cross))
                {
                    TV qPositive = TV.GreaterThanZero(vq);
                    mainInfinite = TV.Or(mainInfinite, TV.AndNot(pPositive, qPositive));
                    term = TV.Select(TV.And(pPositive, qPositive), TV.Multiply(vp, TV.Log(vq)), TV.Zero);
                }
                else
                {
                    TV qPositive = TV.GreaterThanZero(vq), both = TV.And(pPositive, qPositive);
                    mainInfinite = TV.Or(mainInfinite, TV.AndNot(pPositive, qPositive));
                    TV ratio = TV.Divide(vp, vq);
                    minRatio = TV.Min(minRatio, TV.Select(both, ratio, minRatio));
                    TV log = TV.Log(ratio);
                    term = TV.Select(both, TV.Multiply(vp, log), TV.Zero);
                    if (typeof(TM) == typeof(BothWays))
                    {
                        secondInfinite = TV.Or(secondInfinite, TV.AndNot(qPositive, pPositive));
                        TV back = TV.Select(both, TV.Multiply(vq, log), TV.Zero);
                        second = TV.Add(second, back);
                        absSecond = TV.Add(absSecond, TV.Abs(back));
                    }
                }
                main = TV.Add(main, term);
                absMain = TV.Add(absMain, TV.Abs(term));
            }
            acc.SumP.Add(TV.Sum(sp));
            acc.SumQ.Add(TV.Sum(sq));
            if (typeof(TM) == typeof(SumsOnly))
            {
                acc.SumP.Add(-TV.Sum(second));
                acc.SumQ.Add(-TV.Sum(absSecond));
            }
            acc.Main.Add(TV.Sum(main));
            acc.AbsMain += TV.Sum(absMain);
            if (typeof(TM) == typeof(BothWays))
            {
                acc.Second.Add(TV.Sum(second));
                acc.AbsSecond += TV.Sum(absSecond);
            }
            // A negative input, or a ratio too small to keep its digits, needs the exact path.
            acc.NeedsExactPath |= TV.AnyBitSet(TV.Or(TV.Or(TV.LessThanZero(minP), TV.LessThanZero(minQ)), TV.Subnormal(minRatio)));
            acc.MainInfinite |= TV.AnyBitSet(mainInfinite);
            acc.SecondInfinite |= TV.AnyBitSet(secondInfinite);
            if (i < blockEnd) ScalarBlock<T, TE>(ref p, ref q, i, blockEnd, MeasureOf<TM>(), ref acc);
        }
    }

    /// <summary>
    /// The common case, without per-lane tests: every entry positive and every ratio normal. A zero shows as a NaN or
    /// an infinity in the sums, a tiny ratio as a logarithm below ln(smallest normal), a negative entry in the minima;
    /// then nothing is added and false sends the block to the masked loop. A last partial vector is read into a
    /// zero-padded buffer and its padding lanes' logarithms are cleared, so that they add exact zeros.
    /// </summary>
    private static bool CleanBlock<T, TE, TV, TM>(ref T p, ref T q, int block, int blockEnd, ref PassSums acc)
        where TE : IElements<T> where TV : struct, ISimd<TV> where TM : struct
    {
        var s = new CleanSums<TV>();
        int i = block;
        for (; i + TV.Count <= blockEnd; i += TV.Count)
            CleanStep<TV, TM>(TE.Load<TV>(ref p, (nuint)i), TE.Load<TV>(ref q, (nuint)i), TV.Zero, partial: false, ref s);
        if (i < blockEnd)
        {
            Span<double> bp = stackalloc double[16], bq = stackalloc double[16];   // zeroed; 16 ≥ any vector width
            int rest = blockEnd - i;
            for (int k = 0; k < rest; k++)
            {
                bp[k] = TE.At(ref p, (nuint)(i + k));
                bq[k] = TE.At(ref q, (nuint)(i + k));
            }
            CleanStep<TV, TM>(TV.Load(ref bp[0], 0), TV.Load(ref bq[0], 0), TV.FirstLanes(rest), partial: true, ref s);
        }
        double mainSum = TV.Sum(s.Main), secondSum = TV.Sum(s.Second), sumP = TV.Sum(s.SumP), sumQ = TV.Sum(s.SumQ);
        bool clean = double.IsFinite(mainSum) && double.IsFinite(secondSum) && double.IsFinite(sumP) && double.IsFinite(sumQ)
                     && !TV.AnyBitSet(TV.Or(TV.Or(TV.LessThanZero(s.MinP), TV.LessThanZero(s.MinQ)), TV.LessThanZero(TV.Add(s.MinLog, TV.Create(708.3964185322641)))));
        if (!clean) return false;
        acc.SumP.Add(sumP);
        acc.SumQ.Add(sumQ);
        acc.Main.Add(mainSum);
        acc.AbsMain += TV.Sum(s.AbsMain);
        if (typeof(TM) == typeof(BothWays))
        {
            acc.Second.Add(secondSum);
            acc.AbsSecond += TV.Sum(s.AbsSecond);
        }
        return true;
    }

    /// <summary>The clean loop's running vector sums and minima.</summary>
    private struct CleanSums<TV> where TV : struct, ISimd<TV>
    {
        public TV SumP, SumQ, Main, AbsMain, Second, AbsSecond, MinP, MinQ, MinLog;
    }

    /// <summary>One vector of the clean loop; with <paramref name="partial"/>, only the lanes in <paramref name="keep"/> count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CleanStep<TV, TM>(TV vp, TV vq, TV keep, bool partial, ref CleanSums<TV> s) where TV : struct, ISimd<TV> where TM : struct
    {
        s.SumP = TV.Add(s.SumP, vp);
        s.SumQ = TV.Add(s.SumQ, vq);
        s.MinP = TV.Min(s.MinP, vp);
        s.MinQ = TV.Min(s.MinQ, vq);
        TV log = typeof(TM) == typeof(OwnEntropy) ? TV.Log(vp) : typeof(TM) == typeof(Cross) ? TV.Log(vq) : TV.Log(TV.Divide(vp, vq));
        if (partial) log = TV.And(log, keep);   // padding (p = q = 0): its NaN or −∞ becomes +0, and so does its term
        s.MinLog = TV.Min(s.MinLog, log);
        TV term = TV.Multiply(vp, log);
        s.Main = TV.Add(s.Main, term);
        s.AbsMain = TV.Add(s.AbsMain, TV.Abs(term));
        if (typeof(TM) == typeof(BothWays))
        {
            TV back = TV.Multiply(vq, log);
            s.Second = TV.Add(s.Second, back);
            s.AbsSecond = TV.Add(s.AbsSecond, TV.Abs(back));
        }
    }

    private static void ScalarBlock<T, TE>(ref T p, ref T q, int start, int end, Measure measure, ref PassSums acc) where TE : IElements<T>
    {
        for (int i = start; i < end; i++)
        {
            double pi = TE.At(ref p, (nuint)i), qi = TE.At(ref q, (nuint)i);
            acc.SumP.Add(pi);
            acc.SumQ.Add(qi);
            acc.NeedsExactPath |= !(pi >= 0 && pi <= double.MaxValue) || !(qi >= 0 && qi <= double.MaxValue);
            double term = 0, back = 0;
            switch (measure)
            {
                case Measure.Sums: continue;
                case Measure.Entropy: if (pi > 0) term = pi * Math.Log(pi); break;
                case Measure.CrossEntropy:
                    acc.MainInfinite |= pi > 0 && qi == 0;
                    if (pi > 0 && qi > 0) term = pi * Math.Log(qi);
                    break;
                default:
                    acc.MainInfinite |= pi > 0 && qi == 0;
                    acc.SecondInfinite |= qi > 0 && pi == 0;
                    if (pi > 0 && qi > 0)
                    {
                        double ratio = pi / qi;
                        acc.NeedsExactPath |= ratio < 2.2250738585072014E-308;
                        double log = Math.Log(ratio);
                        term = pi * log;
                        back = qi * log;
                    }
                    break;
            }
            acc.Main.Add(term);
            acc.AbsMain += Math.Abs(term);
            if (measure == Measure.KullbackLeiblerBoth)
            {
                acc.Second.Add(back);
                acc.AbsSecond += Math.Abs(back);
            }
        }
    }

    private static void JsChunk<T, TE>(ref T p, ref T q, int start, int end, double ip, double iq, VectorWidth width, ref PassSums acc) where TE : IElements<T>
    {
        switch (Resolve(width))
        {
            case VectorWidth.Bits512: JsBlocks<T, TE, Simd512>(ref p, ref q, start, end, ip, iq, ref acc); break;
            case VectorWidth.Bits256: JsBlocks<T, TE, Simd256>(ref p, ref q, start, end, ip, iq, ref acc); break;
            default: JsScalar<T, TE>(ref p, ref q, start, end, ip, iq, ref acc); break;
        }
    }

    private static void JsBlocks<T, TE, TV>(ref T p, ref T q, int start, int end, double ip, double iq, ref PassSums acc)
        where TE : IElements<T> where TV : struct, ISimd<TV>
    {
        TV vip = TV.Create(ip), viq = TV.Create(iq), half = TV.Create(0.5);
        for (int block = start; block < end; block += KernelRunner.BlockSize)
        {
            int blockEnd = Math.Min(end, block + KernelRunner.BlockSize);
            TV main = TV.Zero, absMain = TV.Zero;
            int i = block;
            for (; i + TV.Count <= blockEnd; i += TV.Count)
            {
                TV a = TV.Multiply(TE.Load<TV>(ref p, (nuint)i), vip), b = TV.Multiply(TE.Load<TV>(ref q, (nuint)i), viq);
                TV m = TV.Multiply(TV.Add(a, b), half);
                TV ta = TV.Select(TV.GreaterThanZero(a), TV.Multiply(a, TV.Log(TV.Divide(a, m))), TV.Zero);
                TV tb = TV.Select(TV.GreaterThanZero(b), TV.Multiply(b, TV.Log(TV.Divide(b, m))), TV.Zero);
                TV term = TV.Add(ta, tb);
                main = TV.Add(main, term);
                absMain = TV.Add(absMain, TV.Add(TV.Abs(ta), TV.Abs(tb)));
            }
            acc.Main.Add(TV.Sum(main));
            acc.AbsMain += TV.Sum(absMain);
            if (i < blockEnd) JsScalar<T, TE>(ref p, ref q, i, blockEnd, ip, iq, ref acc);
        }
    }

    private static void JsScalar<T, TE>(ref T p, ref T q, int start, int end, double ip, double iq, ref PassSums acc) where TE : IElements<T>
    {
        for (int i = start; i < end; i++)
        {
            double a = TE.At(ref p, (nuint)i) * ip, b = TE.At(ref q, (nuint)i) * iq, m = (a + b) * 0.5;
            double ta = a > 0 ? a * Math.Log(a / m) : 0, tb = b > 0 ? b * Math.Log(b / m) : 0;
            acc.Main.Add(ta + tb);
            acc.AbsMain += Math.Abs(ta) + Math.Abs(tb);
        }
    }

    // ---- Finishing and the error bound -------------------------------------------------------------------------

    /// <summary>D = T/Σp + ln(Σq/Σp), accepted when its error bound is small enough.</summary>
    private static bool FinishKl(double sp, double sq, double t, double absT, bool infinite, bool needsExactPath, out double nats)
    {
        if (infinite)
        {
            nats = double.PositiveInfinity;
            return !needsExactPath && Valid(sp) && Valid(sq);
        }
        double logScale = Elementary.LogOnePlus((sq - sp) / sp);
        nats = t / sp + logScale;
        const double chain = KernelRunner.BlockSize / 4 + 2;   // the 256-bit chain, the longer of the vector ones
        double bound = U * (chain * absT + LogError * absT + 2 * sp) / sp   // the terms, each with its log (2·Σp: the ratio's rounding and the log's absolute error near 1)
                       + U * chain * Math.Abs(t / sp)                      // Σp's error in T/Σp
                       + 2 * U * chain + U * Math.Abs(logScale);           // Σp's and Σq's errors in ln(Σq/Σp)
        return Accept(needsExactPath, sp, nats, bound);
    }

    /// <summary>A normalising sum the measures can use: positive (not all zeros) and finite.</summary>
    private static bool Valid(double sum) => sum > 0 && double.IsFinite(sum);

    private static bool Accept(bool needsExactPath, double sum, double nats, double bound) =>
        !needsExactPath && sum > 0 && double.IsFinite(sum) && double.IsFinite(nats) && nats >= 0 && bound <= AcceptedRelativeError * nats;
}
