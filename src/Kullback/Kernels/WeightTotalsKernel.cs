using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// One vectorised read of a weight vector giving its <see cref="WeightTotals"/>: Σx by per-lane TwoSum (lanes renormalised
/// every block, as <see cref="ScaledSumKernel"/>, so the error stays below n·u² of the sum), the largest, smallest and
/// smallest positive entries; split across cores for long inputs. It replaces the element-by-element checks and the two
/// reads of <see cref="ScaledWeights.Of"/> on the fast exact paths.
/// </summary>
internal static unsafe class WeightTotalsKernel
{
    /// <summary>The totals of <paramref name="x"/> (any content: NaN shows in the sum, a negative entry in the minimum).</summary>
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
        TV infinity = TV.Create(double.PositiveInfinity);
        TV hi = TV.Zero, lo = TV.Zero, max = -infinity, min = infinity, minPositive = infinity;
        int i = start;
        while (i + TV.Count <= end)
        {
            int blockEnd = Math.Min(end - TV.Count, i + (FusedPass.VectorsPerBlock - 1) * TV.Count);
            for (; i <= blockEnd; i += TV.Count)
            {
                TV v = TV.Load(ref x, (nuint)i);
                TV t = hi + v, back = t - hi;
                lo += (hi - (t - back)) + (v - back);   // TwoSum: hi + v = t + error exactly
                hi = t;
                max = TV.Max(max, v);
                min = TV.Min(min, v);
                minPositive = TV.Min(minPositive, TV.Select(TV.GreaterThanZero(v), v, infinity));
            }
            TV renormalised = hi + lo;   // hi + lo with |lo| ≤ ulp(hi)/2 again, so the next block's errors are taken against a clean hi
            lo -= renormalised - hi;
            hi = renormalised;
        }
        var totals = AcrossLanes(hi, lo, max, min, minPositive);
        for (; i < end; i++)
        {
            double v = Unsafe.Add(ref x, (nuint)i);
            totals = totals.Merge(new WeightTotals(new DoubleDouble(v, 0), v, v, v > 0 ? v : double.PositiveInfinity));
        }
        return totals;
    }

    /// <summary>
    /// The lanes' totals merged. A call of its own, taking the lanes by value: reading their elements where they are
    /// accumulated made the JIT keep them in memory, with a store and a load per vector.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeightTotals AcrossLanes<TV>(TV hi, TV lo, TV max, TV min, TV minPositive) where TV : struct, ISimd<TV>
    {
        var totals = WeightTotals.Empty;
        for (int lane = 0; lane < TV.Count; lane++)
            totals = totals.Merge(new WeightTotals(new DoubleDouble(TV.Element(hi, lane), 0) + TV.Element(lo, lane),
                                                   TV.Element(max, lane), TV.Element(min, lane), TV.Element(minPositive, lane)));
        return totals;
    }
}
