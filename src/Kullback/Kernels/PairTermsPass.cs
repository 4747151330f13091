using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kullback.Kernels;

/// <summary>
/// The lean pass for a two-sample measure's exact terms (<see cref="IExactTerms"/>) over a pair validated and totalled
/// before it (<see cref="PairScaling"/>): the entries scaled exactly, the terms added to lane sums A and B with the +∞
/// mask, in blocks whose lane sums are merged with compensated summation, the last partial vector through a zero-padded
/// buffer (a = b = 0 adds nothing), split across cores for long inputs.
/// </summary>
/// <remarks>
/// <see cref="FusedPass"/> also totals and checks the inputs and runs a block again masked when it is not clean; exact
/// terms need neither (they mask themselves), and with a logarithm and a series the terms of K-divergence, Taneja and
/// extropy-like measures exceeded the JIT's inlining budget of that loop, which then called every vector operation after
/// that point. Here the loop holds the loads, the scaling and the terms only, and the scales are built once per block.
/// </remarks>
internal static unsafe class PairTermsPass
{
    /// <summary>The sums of the terms over outcomes [0, n) of <paramref name="p"/> and <paramref name="q"/> (of one length).</summary>
    public static PassSums Run<TTerms>(in PairScaling c, ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings) where TTerms : struct, IExactTerms
    {
        var width = settings.Width.Resolve();
        var scaling = c;
        PassSums sums;
        if (settings.SingleThreaded(p.Length))
        {
            sums = new PassSums();
            Chunk<TTerms>(scaling, ref MemoryMarshal.GetReference(p), ref MemoryMarshal.GetReference(q), 0, p.Length, width, ref sums);
        }
        else
        {
            fixed (double* pp = p, qq = q)
            {
                nint pa = (nint)pp, qa = (nint)qq;
                sums = KernelRunner.Run(p.Length, settings.MaxDegreeOfParallelism, settings.ParallelThreshold,
                    (int start, int end, ref PassSums acc) => Chunk<TTerms>(scaling, ref *(double*)pa, ref *(double*)qa, start, end, width, ref acc));
            }
        }
        sums.Count = p.Length;
        sums.Chain = FusedPass.VectorsPerBlock + 5;   // additions in a lane, the horizontal sum (≤ 3), the compensated merge
        return sums;
    }

    private static void Chunk<TTerms>(in PairScaling c, ref double p, ref double q, int start, int end, VectorWidth width, ref PassSums acc) where TTerms : struct, IExactTerms
    {
        switch (width)
        {
            case VectorWidth.Bits512: Blocks<TTerms, Simd512>(c, ref p, ref q, start, end, ref acc); break;
            case VectorWidth.Bits256: Blocks<TTerms, Simd256>(c, ref p, ref q, start, end, ref acc); break;
            case VectorWidth.Bits128: Blocks<TTerms, Simd128>(c, ref p, ref q, start, end, ref acc); break;
            default: Blocks<TTerms, Simd1>(c, ref p, ref q, start, end, ref acc); break;
        }
    }

    private static void Blocks<TTerms, TV>(in PairScaling c, ref double p, ref double q, int start, int end, ref PassSums acc)
        where TTerms : struct, IExactTerms where TV : struct, ISimd<TV>
    {
        int whole = start + (end - start) / TV.Count * TV.Count;
        for (int block = start; block < whole; block += FusedPass.VectorsPerBlock * TV.Count)
            Commit(Block<TTerms, TV>(c, ref p, ref q, block, Math.Min(whole, block + FusedPass.VectorsPerBlock * TV.Count)), ref acc);
        if (whole < end)
        {
            Span<double> bp = stackalloc double[16], bq = stackalloc double[16];   // zeroed; 16 ≥ any width's lanes
            for (int k = 0; k < end - whole; k++)
            {
                bp[k] = Unsafe.Add(ref p, whole + k);
                bq[k] = Unsafe.Add(ref q, whole + k);
            }
            Commit(Block<TTerms, TV>(c, ref bp[0], ref bq[0], 0, TV.Count), ref acc);
        }
    }

    /// <summary>
    /// One block's vectors reduced to their sums and the +∞ flag: a method of its own (a fresh inlining budget for the
    /// terms) whose lanes and scales are locals nothing takes the address of, so the JIT keeps them in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (double A, double B, double Max, bool Infinite) Block<TTerms, TV>(PairScaling c, ref double p, ref double q, int start, int end)
        where TTerms : struct, IExactTerms where TV : struct, ISimd<TV>
    {
        var scales = new PairScales<TV>(c.Sp.Hi, c.Sp.Lo, c.Sq.Hi, c.Sq.Lo, 1 / c.Sp.Hi, 1 / c.Sq.Hi, c.LogScale);
        TV p1 = TV.Create(c.P1), p2 = TV.Create(c.P2), q1 = TV.Create(c.Q1), q2 = TV.Create(c.Q2);
        var lanes = new Lanes<TV>();
        for (int i = start; i < end; i += TV.Count)
            TTerms.Add(TV.Load(ref p, (nuint)i) * p1 * p2, TV.Load(ref q, (nuint)i) * q1 * q2, scales, ref lanes);
        return (TV.Sum(lanes.A), (TTerms.Sums & LaneSums.B) != 0 ? TV.Sum(lanes.B) : 0,
                (TTerms.Sums & LaneSums.Max) != 0 ? LargestLane(lanes.Max) : 0, TV.AnyBitSet(lanes.InfiniteA));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LargestLane<TV>(TV v) where TV : struct, ISimd<TV>
    {
        double largest = 0;
        for (int lane = 0; lane < TV.Count; lane++) largest = Math.Max(largest, TV.Element(v, lane));
        return largest;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Commit((double A, double B, double Max, bool Infinite) block, ref PassSums acc)
    {
        acc.Max = Math.Max(acc.Max, block.Max);
        acc.A.Add(block.A);
        acc.B.Add(block.B);
        acc.InfiniteA |= block.Infinite;
    }
}
