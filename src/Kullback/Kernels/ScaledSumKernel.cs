using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// The vectorised parts of <see cref="ScaledWeights.Of"/>: the index of the largest entry, and Σ xᵢ·2ᵉ over a range as a
/// double-double (per-lane TwoSum, lanes renormalised every block, so the error stays below n·u² of the sum), which
/// also reports whether some positive scaled entry is deep (then the caller classifies the entries one by one).
/// </summary>
internal static class ScaledSumKernel
{
    /// <summary>The index of the first largest entry of a non-empty, NaN-free vector.</summary>
    public static int IndexOfMax(ReadOnlySpan<double> x) => VectorWidth.Best.Resolve() switch
    {
        VectorWidth.Bits512 => IndexOfMax<Simd512>(x),
        VectorWidth.Bits256 => IndexOfMax<Simd256>(x),
        VectorWidth.Bits128 => IndexOfMax<Simd128>(x),
        _ => IndexOfMax<Simd1>(x),
    };

    /// <summary>Σ x[start..end)·f1·f2 as a double-double; false (and no sum) when some positive scaled entry is deep.</summary>
    public static bool TrySum(ReadOnlySpan<double> x, int start, int end, double f1, double f2, out DoubleDouble sum) => VectorWidth.Best.Resolve() switch
    {
        VectorWidth.Bits512 => TrySum<Simd512>(x, start, end, f1, f2, out sum),
        VectorWidth.Bits256 => TrySum<Simd256>(x, start, end, f1, f2, out sum),
        VectorWidth.Bits128 => TrySum<Simd128>(x, start, end, f1, f2, out sum),
        _ => TrySum<Simd1>(x, start, end, f1, f2, out sum),
    };

    private static int IndexOfMax<TV>(ReadOnlySpan<double> x) where TV : struct, ISimd<TV>
    {
        ref double r = ref MemoryMarshal.GetReference(x);
        var max = TV.Create(double.NegativeInfinity);
        int i = 0;
        for (; i + TV.Count <= x.Length; i += TV.Count) max = TV.Max(max, TV.Load(ref r, (nuint)i));
        double largest = double.NegativeInfinity;
        for (int lane = 0; lane < TV.Count; lane++) largest = Math.Max(largest, TV.Element(max, lane));
        for (; i < x.Length; i++) largest = Math.Max(largest, x[i]);
        return x.IndexOf(largest);
    }

    private static bool TrySum<TV>(ReadOnlySpan<double> x, int start, int end, double f1, double f2, out DoubleDouble sum) where TV : struct, ISimd<TV>
    {
        ref double r = ref MemoryMarshal.GetReference(x);
        TV factor1 = TV.Create(f1), factor2 = TV.Create(f2), limit = TV.Create(ScaledWeights.RegularLimit);
        TV hi = TV.Zero, lo = TV.Zero, deep = TV.Zero;
        int i = start;
        while (i + TV.Count <= end)
        {
            int blockEnd = Math.Min(end - TV.Count, i + (FusedPass.VectorsPerBlock - 1) * TV.Count);
            for (; i <= blockEnd; i += TV.Count)
            {
                TV v = TV.Load(ref r, (nuint)i);
                TV s = v * factor1 * factor2;
                deep |= TV.GreaterThanZero(v) & TV.LessThan(s, limit);
                TwoSum(ref hi, ref lo, s);
            }
            // Renormalise: hi + lo with |lo| ≤ ulp(hi)/2 again, so the next block's errors are taken against a clean hi.
            TV t = hi + lo;
            lo -= t - hi;
            hi = t;
        }
        sum = DoubleDouble.Zero;
        if (TV.AnyBitSet(deep)) return false;
        for (int lane = 0; lane < TV.Count; lane++) sum = sum + new DoubleDouble(TV.Element(hi, lane), 0) + TV.Element(lo, lane);
        for (; i < end; i++)
        {
            double s = x[i] * f1 * f2;
            if (x[i] > 0 && s < ScaledWeights.RegularLimit) return false;
            sum += s;
        }
        return true;
    }

    /// <summary>hi + v = t + e exactly (Knuth's TwoSum, lane by lane); e is added to lo.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwoSum<TV>(ref TV hi, ref TV lo, TV v) where TV : struct, ISimd<TV>
    {
        TV t = hi + v;
        TV back = t - hi;
        lo += (hi - (t - back)) + (v - back);
        hi = t;
    }
}
