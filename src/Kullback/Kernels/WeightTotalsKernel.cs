using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// One vectorised read of a weight vector giving its <see cref="WeightTotals"/>: Σx by per-lane TwoSum (lanes renormalised
/// every block, as <see cref="ScaledSumKernel"/>, so the error stays below n·u² of the sum), the largest and the smallest
/// positive entries and the sign bits; split across cores for long inputs. It replaces the element-by-element checks and the two
/// reads of <see cref="ScaledWeights.Of"/> on the fast exact paths.
/// </summary>
internal static unsafe class WeightTotalsKernel
{
    /// <summary>The totals of <paramref name="x"/> (any content: NaN and ±∞ show in the sum, a negative entry in the signs).</summary>
    public static WeightTotals Of(ReadOnlySpan<double> x, KernelSettings settings)
    {
        var width = settings.Width.Resolve();
        if (settings.SingleThreaded(x.Length)) return Range(ref MemoryMarshal.GetReference(x), 0, x.Length, width);
        fixed (double* start = x)
        {
            nint address = (nint)start;
            return KernelRunner.Run(x.Length, settings.MaxDegreeOfParallelism, settings.ParallelThreshold, WeightTotals.Empty,
                (from, to) => Range(ref *(double*)address, from, to, width), static (a, b) => a.Merge(b));
        }
    }

    private static WeightTotals Range(ref double x, int start, int end, VectorWidth width) => width switch
    {
        VectorWidth.Bits512 => Range<Simd512>(ref x, start, end),
        VectorWidth.Bits256 => Range<Simd256>(ref x, start, end),
        VectorWidth.Bits128 => Range<Simd128>(ref x, start, end),
        _ => Range<Simd1>(ref x, start, end),
    };

    private static WeightTotals Range<TV>(ref double x, int start, int end) where TV : struct, ISimd<TV>
    {
        // The floating-point units carry the TwoSum; the maximum, the least positive entry
        // and the sign bits go to the integer units, on the bit patterns (non-negative doubles order as integers).
        TV minusOne = TV.Create(-1.0);
        TV hi = TV.Zero, lo = TV.Zero, max = TV.Zero, signs = TV.Zero, minPositiveLessOne = TV.Create(BitConverter.Int64BitsToDouble(-1));
        int i = start;
        while (i + TV.Count <= end)
        {
            int blockEnd = Math.Min(end - TV.Count, i + (FusedPass.VectorsPerBlock - 1) * TV.Count);
            for (; i <= blockEnd; i += TV.Count)
            {
                TV v = TV.Load(ref x, (nuint)i);
                // TwoSum, hi + v = t + error exactly, with four of its subtractions as a − b = fma(b, −1, a) (the same
                // single rounding) on the multipliers: the adders, which bound this loop, take three operations, not seven.
                TV t = hi + v, back = TV.FusedMultiplyAdd(hi, minusOne, t);
                lo += TV.FusedMultiplyAdd(TV.FusedMultiplyAdd(back, minusOne, t), minusOne, hi) + TV.FusedMultiplyAdd(back, minusOne, v);
                hi = t;
                max = TV.MaxOfBits(max, v);
                signs |= v;
                minPositiveLessOne = TV.MinOfBitsLessOne(minPositiveLessOne, v);
            }
            TV renormalised = hi + lo;   // hi + lo with |lo| ≤ ulp(hi)/2 again, so the next block's errors are taken against a clean hi
            lo -= renormalised - hi;
            hi = renormalised;
        }
        var totals = AcrossLanes(hi, lo, max, signs, minPositiveLessOne);
        for (; i < end; i++)
        {
            double v = Unsafe.Add(ref x, (nuint)i);
            totals = totals.Merge(new WeightTotals(new DoubleDouble(v, 0), v, v > 0 ? v : double.PositiveInfinity, double.IsNegative(v)));
        }
        return totals;
    }

    /// <summary>
    /// The lanes' totals merged. A call of its own, taking the lanes by value: reading their elements where they are
    /// accumulated made the JIT keep them in memory, with a store and a load per vector.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeightTotals AcrossLanes<TV>(TV hi, TV lo, TV max, TV signs, TV minPositiveLessOne) where TV : struct, ISimd<TV>
    {
        var totals = WeightTotals.Empty;
        for (int lane = 0; lane < TV.Count; lane++)
        {
            // The least positive entry's bits less one, plus one (no positive entry: the largest integer, wrapping to +0).
            double minPositive = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(TV.Element(minPositiveLessOne, lane)) + 1);
            totals = totals.Merge(new WeightTotals(new DoubleDouble(TV.Element(hi, lane), 0) + TV.Element(lo, lane), TV.Element(max, lane),
                                                   minPositive > 0 ? minPositive : double.PositiveInfinity, double.IsNegative(TV.Element(signs, lane))));
        }
        return totals;
    }
}
