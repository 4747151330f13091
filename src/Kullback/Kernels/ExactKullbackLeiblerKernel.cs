using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// The exact Kullback–Leibler algorithm of <see cref="Measures.KullbackLeiblerNats"/>, vectorised: double-double sums
/// (per-lane TwoSum), exact differences dᵢ = pᵢ·Σq − qᵢ·Σp (fused multiply–add), and the non-negative terms q̂ᵢ·φ(1 + xᵢ)
/// with φ's series for |x| &lt; 0.05, (1 + x)·log1p(x) − x up to x &lt; 1, and p̂·ln(p̂/q̂) − (p̂ − q̂) beyond. Every term is
/// non-negative and good to a few tens of ulps, so the sum is too. Returns false (the scalar exact path must run) when
/// an input is subnormal or a ratio leaves the normal range, where the scalar path's extra care is needed.
/// </summary>
internal static class ExactKullbackLeiblerKernel
{
    private const double SmallestNormal = 2.2250738585072014E-308;

    /// <summary>(−1)ʲ/((j + 2)(j + 1)) for j = 0…17: φ(1 + x) = x²·Σⱼ cⱼxʲ for small x.</summary>
    private static readonly double[] Series = Enumerable.Range(0, 18).Select(j => ((j & 1) == 0 ? 1.0 : -1.0) / ((j + 2.0) * (j + 1.0))).ToArray();

    /// <summary>D(p‖q) in nats for validated inputs of the same length, or false.</summary>
    public static bool TryKullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, out double nats)
    {
        nats = double.NaN;
        if (Simd512.IsHardwareAccelerated) return Run<Simd512>(p, q, out nats);
        if (Simd256.IsHardwareAccelerated) return Run<Simd256>(p, q, out nats);
        return false;
    }

    private static bool Run<TV>(ReadOnlySpan<double> p, ReadOnlySpan<double> q, out double nats) where TV : struct, ISimd<TV>
    {
        nats = double.NaN;
        ref double rp = ref MemoryMarshal.GetReference(p), rq = ref MemoryMarshal.GetReference(q);
        int n = p.Length;
        var sp = Sum<TV>(ref rp, n);
        var sq = Sum<TV>(ref rq, n);
        if (!(sp.Hi > 0) || !(sq.Hi > 0) || !double.IsFinite(sp.Hi) || !double.IsFinite(sq.Hi)) return false;
        double logScale = Elementary.LogOnePlus((sq - sp).Value / sp.Hi);

        TV spHi = TV.Create(sp.Hi), spLo = TV.Create(sp.Lo), sqHi = TV.Create(sq.Hi), sqLo = TV.Create(sq.Lo);
        TV invSq = TV.Create(1 / sq.Hi), invSp = TV.Create(1 / sp.Hi), scale = TV.Create(logScale);
        TV one = TV.Create(1), minusOne = TV.Create(-1), smallest = TV.Create(SmallestNormal), seriesLimit = TV.Create(0.05);
        TV nearLow = TV.Create(-0.5), upper = TV.Create(1);
        var total = new NeumaierSum();
        int i = 0;
        for (int block = 0; block < n; block += KernelRunner.BlockSize)
        {
            int blockEnd = Math.Min(n, block + KernelRunner.BlockSize);
            TV sum = TV.Zero, trouble = TV.Zero;
            for (i = block; i + TV.Count <= blockEnd; i += TV.Count)
            {
                TV vp = TV.Load(ref rp, (nuint)i), vq = TV.Load(ref rq, (nuint)i);
                TV pZero = TV.LessThan(vp, smallest), qZero = TV.LessThan(vq, smallest);
                // Subnormal (not zero) inputs, or p > 0 = q (an infinite divergence), are left to the scalar path.
                trouble = TV.Or(trouble, TV.Or(TV.And(pZero, TV.GreaterThanZero(vp)), TV.And(qZero, TV.GreaterThanZero(vq))));
                trouble = TV.Or(trouble, TV.AndNot(qZero, pZero));
                TV t = TV.Multiply(vq, spHi);
                TV e = TV.FusedMultiplyAdd(vq, spHi, TV.Subtract(TV.Zero, t));
                TV a = TV.FusedMultiplyAdd(vp, sqHi, TV.Subtract(TV.Zero, t));
                TV d = TV.Add(TV.Subtract(a, e), TV.Subtract(TV.Multiply(vp, sqLo), TV.Multiply(vq, spLo)));
                TV x = TV.Max(minusOne, TV.Divide(d, TV.Multiply(spHi, vq)));
                TV qHat = TV.Multiply(vq, invSq);

                // φ near x = 0: x²·Σ cⱼ xʲ.
                TV poly = TV.Create(Series[^1]);
                for (int j = Series.Length - 2; j >= 0; j--) poly = TV.FusedMultiplyAdd(poly, x, TV.Create(Series[j]));
                TV series = TV.Multiply(TV.Multiply(x, x), poly);
                // Moderate x: (1 + x)·log1p(x) − x, with log1p(x) = ln u − ((u − 1) − x)/u, u = 1 + x.
                TV u = TV.Add(one, x);
                TV log1p = TV.Subtract(TV.Log(u), TV.Divide(TV.Subtract(TV.Subtract(u, one), x), u));
                TV moderate = TV.Subtract(TV.Multiply(u, log1p), x);
                TV phi = TV.Select(TV.LessThan(TV.Abs(x), seriesLimit), series, moderate);
                TV near = TV.Multiply(qHat, TV.Max(TV.Zero, phi));
                // Far from r = 1: p̂·(ln(p/q) + ln(Σq/Σp)) − (p̂ − q̂).
                TV ratio = TV.Divide(vp, vq);
                trouble = TV.Or(trouble, TV.And(TV.GreaterThanZero(vp), TV.LessThan(ratio, smallest)));
                TV far = TV.Max(TV.Zero, TV.Subtract(TV.Multiply(TV.Multiply(vp, invSp), TV.Add(TV.Log(ratio), scale)), TV.Multiply(TV.Multiply(d, invSp), invSq)));
                TV isNear = TV.And(TV.LessThan(nearLow, x), TV.LessThan(x, upper));
                TV term = TV.Select(isNear, near, far);
                // p = 0 < q: φ(0) = 1, the term is q̂; p = q = 0: nothing.
                term = TV.Select(pZero, qHat, term);
                sum = TV.Add(sum, term);
            }
            if (TV.AnyBitSet(trouble)) return false;
            total.Add(TV.Sum(sum));
            for (; i < blockEnd; i++)
            {
                double pi = Unsafe.Add(ref rp, i), qi = Unsafe.Add(ref rq, i);
                if ((pi > 0 && pi < SmallestNormal) || (qi > 0 && qi < SmallestNormal) || (pi > 0 && qi == 0)) return false;
                if (pi == 0) { total.Add(qi / sq.Hi); continue; }
                double t = qi * sp.Hi, e = Math.FusedMultiplyAdd(qi, sp.Hi, -t), a = Math.FusedMultiplyAdd(pi, sq.Hi, -t);
                double d = (a - e) + (pi * sq.Lo - qi * sp.Lo);
                double x = Math.Max(-1, d / (sp.Hi * qi));
                if (x > -0.5 && x < 1) total.Add(qi / sq.Hi * Elementary.Phi(x, Elementary.LogOnePlus(x)));
                else
                {
                    double ratio = pi / qi;
                    if (ratio < SmallestNormal || double.IsInfinity(ratio)) return false;
                    total.Add(Math.Max(0, pi / sp.Hi * (Math.Log(ratio) + logScale) - d / sp.Hi / sq.Hi));
                }
            }
        }
        nats = Math.Max(0, total.Total);
        return double.IsFinite(nats);
    }

    /// <summary>Σx as a double-double: per-lane TwoSum accumulation, lanes and tail combined exactly.</summary>
    private static DoubleDouble Sum<TV>(ref double x, int n) where TV : struct, ISimd<TV>
    {
        TV s = TV.Zero, c = TV.Zero;
        int i = 0;
        for (; i + TV.Count <= n; i += TV.Count)
        {
            TV v = TV.Load(ref x, (nuint)i);
            TV t = TV.Add(s, v);
            TV bb = TV.Subtract(t, s);
            c = TV.Add(c, TV.Add(TV.Subtract(s, TV.Subtract(t, bb)), TV.Subtract(v, bb)));
            s = t;
        }
        var total = DoubleDouble.Zero;
        for (int lane = 0; lane < TV.Count; lane++) total = total + TV.Element(s, lane) + TV.Element(c, lane);
        for (; i < n; i++) total += Unsafe.Add(ref x, i);
        return total;
    }
}
