using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kullback.Kernels;

/// <summary>
/// The one kernel skeleton every measure runs through: a single pass over p and q (double, or float widened as it is
/// read) that adds the inputs, tracks their minima and lets an operator (<see cref="IPassOperator{TSelf}"/>) add its
/// terms, at the widest vector width the CPU accelerates (512 → 256 → 128 bits → scalar), in blocks whose lane sums are
/// merged with compensated summation, with a last partial vector read through a zero-padded buffer, and split across
/// cores for long inputs.
/// </summary>
/// <remarks>
/// Each block first runs the operator's clean loop (no masks); if its sums are not finite, an input is not positive where
/// the operator needs it, or the operator's own check fails, the block runs again masked. After a masked block the next
/// one goes straight to the masked loop unless this one had nothing to mask, so inputs full of zeros are not read twice.
/// </remarks>
internal static unsafe class FusedPass
{
    /// <summary>Vectors per block, at every width: lane sums are flushed into compensated sums after each.</summary>
    public const int VectorsPerBlock = 16;

    /// <summary>Elements per block at the widest width (8 lanes); the parallel split cuts at multiples of it.</summary>
    public const int BlockSize = 8 * VectorsPerBlock;

    /// <summary>Runs <paramref name="op"/> over p and q (q ignored unless the operator reads it; then of p's length).</summary>
    public static PassSums Run<TOp, T>(TOp op, ReadOnlySpan<T> p, ReadOnlySpan<T> q, KernelSettings settings)
        where TOp : struct, IPassOperator<TOp> where T : unmanaged
    {
        var width = settings.Width.Resolve();
        if (!TOp.ReadsQ) q = p;
        PassSums sums;
        if (settings.SingleThreaded(p.Length))
        {
            // This thread: no closure, no allocation.
            sums = new PassSums();
            Chunk(op, ref MemoryMarshal.GetReference(p), ref MemoryMarshal.GetReference(q), 0, p.Length, width, ref sums);
        }
        else
        {
            sums = InParallel(op, p, q, width, settings);
        }
        sums.Count = p.Length;
        sums.Chain = VectorsPerBlock + 5;   // additions in a lane, the horizontal sum (≤ 3), the compensated merge
        return sums;
    }

    /// <summary>The multi-core pass, apart so that its closure is allocated only when it runs.</summary>
    private static PassSums InParallel<TOp, T>(TOp op, ReadOnlySpan<T> p, ReadOnlySpan<T> q, VectorWidth width, KernelSettings settings)
        where TOp : struct, IPassOperator<TOp> where T : unmanaged
    {
        fixed (T* pp = p, qq = q)
        {
            nint pa = (nint)pp, qa = (nint)qq;
            return KernelRunner.Run(p.Length, settings.MaxDegreeOfParallelism, settings.ParallelThreshold,
                (int start, int end, ref PassSums acc) => Chunk(op, ref *(T*)pa, ref *(T*)qa, start, end, width, ref acc));
        }
    }

    private static void Chunk<TOp, T>(TOp op, ref T p, ref T q, int start, int end, VectorWidth width, ref PassSums acc)
        where TOp : struct, IPassOperator<TOp> where T : unmanaged
    {
        if (typeof(T) == typeof(double))
            Chunk<TOp, double, DoubleElements>(op, ref Unsafe.As<T, double>(ref p), ref Unsafe.As<T, double>(ref q), start, end, width, ref acc);
        else if (typeof(T) == typeof(float))
            Chunk<TOp, float, FloatElements>(op, ref Unsafe.As<T, float>(ref p), ref Unsafe.As<T, float>(ref q), start, end, width, ref acc);
        else
            throw new NotSupportedException($"The kernels read double or float, not {typeof(T).Name}.");
    }

    private static void Chunk<TOp, T, TE>(TOp op, ref T p, ref T q, int start, int end, VectorWidth width, ref PassSums acc)
        where TOp : struct, IPassOperator<TOp> where TE : IElements<T>
    {
        switch (width)
        {
            case VectorWidth.Bits512: Blocks<TOp, T, TE, Simd512>(op, ref p, ref q, start, end, ref acc); break;
            case VectorWidth.Bits256: Blocks<TOp, T, TE, Simd256>(op, ref p, ref q, start, end, ref acc); break;
            case VectorWidth.Bits128: Blocks<TOp, T, TE, Simd128>(op, ref p, ref q, start, end, ref acc); break;
            default: Blocks<TOp, T, TE, Simd1>(op, ref p, ref q, start, end, ref acc); break;
        }
    }

    private static void Blocks<TOp, T, TE, TV>(TOp op, ref T p, ref T q, int start, int end, ref PassSums acc)
        where TOp : struct, IPassOperator<TOp> where TE : IElements<T> where TV : struct, ISimd<TV>
    {
        int whole = start + (end - start) / TV.Count * TV.Count;
        bool tryClean = true;
        for (int block = start; block < whole; block += VectorsPerBlock * TV.Count)
        {
            int blockEnd = Math.Min(whole, block + VectorsPerBlock * TV.Count);
            if (tryClean)
            {
                var clean = Run<TOp, T, TE, TV, CleanMode>(op, ref p, ref q, block, blockEnd);
                if (clean.IsClean)
                {
                    Commit<TOp>(clean, ref acc);
                    continue;
                }
            }
            var masked = Run<TOp, T, TE, TV, MaskedMode>(op, ref p, ref q, block, blockEnd);
            tryClean = masked.NothingMasked;
            Commit<TOp>(masked, ref acc);
        }
        if (whole < end) Tail<TOp, T, TE, TV>(op, ref p, ref q, whole, end, ref acc);
    }

    /// <summary>
    /// One block's vectors, reduced to its totals and flags. A method of its own (a fresh inlining budget, so that the
    /// operator and its vector functions are inlined) whose lanes are a local nothing takes the address of: the JIT keeps
    /// them in registers. (Returning the lanes whole, or passing them to a call, made it spill every lane on every
    /// iteration and copy 768 bytes per block.)
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static BlockSums Run<TOp, T, TE, TV, TMode>(TOp op, ref T p, ref T q, int start, int end)
        where TOp : struct, IPassOperator<TOp> where TE : IElements<T> where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        var lanes = Lanes<TV>.Empty;
        for (int i = start; i < end; i += TV.Count)
            Step<TOp, T, TE, TV, TMode>(op, ref p, ref q, (nuint)i, ref lanes);
        return Reduce<TOp, TV, TMode>(lanes);
    }

    /// <summary>The last partial vector, read into zero-padded buffers (p = q = 0 adds nothing in the masked loop).</summary>
    private static void Tail<TOp, T, TE, TV>(TOp op, ref T p, ref T q, int start, int end, ref PassSums acc)
        where TOp : struct, IPassOperator<TOp> where TE : IElements<T> where TV : struct, ISimd<TV>
    {
        Span<double> bp = stackalloc double[16], bq = stackalloc double[16];   // zeroed; 16 ≥ any width's lanes
        for (int k = 0; k < end - start; k++)
        {
            bp[k] = TE.At(ref p, (nuint)(start + k));
            bq[k] = TE.At(ref q, (nuint)(start + k));
        }
        Commit<TOp>(Run<TOp, double, DoubleElements, TV, MaskedMode>(op, ref bp[0], ref bq[0], 0, TV.Count), ref acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step<TOp, T, TE, TV, TMode>(TOp op, ref T p, ref T q, nuint i, ref Lanes<TV> lanes)
        where TOp : struct, IPassOperator<TOp> where TE : IElements<T> where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        TV vp = TE.Load<TV>(ref p, i);
        TV vq = TOp.ReadsQ ? TE.Load<TV>(ref q, i) : vp;
        if (TOp.TracksInputs)
        {
            lanes.SumP += vp;
            lanes.MinP = TV.Min(lanes.MinP, vp);
        }
        if (TOp.ReadsQ && TOp.TracksInputs)
        {
            lanes.SumQ += vq;
            lanes.MinQ = TV.Min(lanes.MinQ, vq);
        }
        op.Accumulate<TV, TMode>(vp, vq, ref lanes);
    }

    /// <summary>
    /// A block's lanes added across the lanes (the sums the operator uses only) and its flags: inputs below what the
    /// operator's clean loop allows, a negative input, the operator's own check (clean mode only), +∞ terms, trouble.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static BlockSums Reduce<TOp, TV, TMode>(in Lanes<TV> lanes) where TOp : struct, IPassOperator<TOp> where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        var below = TV.Zero;
        if (TOp.CleanMinimumP > 0) below |= TV.LessThan(lanes.MinP, TV.Create(TOp.CleanMinimumP));
        if (TOp.CleanMinimumQ > 0) below |= TV.LessThan(lanes.MinQ, TV.Create(TOp.CleanMinimumQ));
        return new BlockSums(
            TV.Sum(lanes.SumP),
            TOp.ReadsQ ? TV.Sum(lanes.SumQ) : 0,
            (TOp.Sums & LaneSums.A) != 0 ? TV.Sum(lanes.A) : 0,
            (TOp.Sums & LaneSums.AbsA) != 0 ? TV.Sum(lanes.AbsA) : 0,
            (TOp.Sums & LaneSums.B) != 0 ? TV.Sum(lanes.B) : 0,
            (TOp.Sums & LaneSums.AbsB) != 0 ? TV.Sum(lanes.AbsB) : 0,
            (TOp.Sums & LaneSums.Max) != 0 ? Largest(lanes.Max) : 0,
            (TOp.Sums & LaneSums.Max) != 0 ? Largest(lanes.MaxB) : 0,
            BelowCleanMinimum: TV.AnyBitSet(below),
            Negative: TV.AnyBitSet(TV.LessThan(lanes.MinP, TV.Zero) | TV.LessThan(lanes.MinQ, TV.Zero)),
            OperatorClean: TMode.Masked || TOp.IsClean(lanes),
            InfiniteA: TV.AnyBitSet(lanes.InfiniteA),
            InfiniteB: TV.AnyBitSet(lanes.InfiniteB),
            Trouble: TV.AnyBitSet(lanes.Trouble));
    }

    /// <summary>A block's totals and flags (see <see cref="Reduce{TOp, TV, TMode}"/>).</summary>
    /// <summary>The largest lane of a non-negative vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Largest<TV>(TV v) where TV : struct, ISimd<TV>
    {
        double largest = 0;
        for (int lane = 0; lane < TV.Count; lane++) largest = Math.Max(largest, TV.Element(v, lane));
        return largest;
    }

    private readonly record struct BlockSums(double SumP, double SumQ, double A, double AbsA, double B, double AbsB, double Max, double MaxB,
                                             bool BelowCleanMinimum, bool Negative, bool OperatorClean, bool InfiniteA, bool InfiniteB, bool Trouble)
    {
        /// <summary>Finite exactly when every total is: NaN or ±∞ in any one shows in it.</summary>
        public double Check => SumP + SumQ + A + B;

        /// <summary>
        /// A block run in the clean loop may be committed: inputs no smaller than the operator's clean loop allows, none
        /// negative, the operator's own check, and finite sums (a NaN or an infinity anywhere shows in them).
        /// </summary>
        public bool IsClean => !BelowCleanMinimum && !Negative && OperatorClean && double.IsFinite(Check);

        /// <summary>Whether a masked block had nothing to mask, so that the next may try the clean loop.</summary>
        public bool NothingMasked => !BelowCleanMinimum && !InfiniteA && !InfiniteB && !Trouble;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Commit<TOp>(in BlockSums block, ref PassSums acc) where TOp : struct, IPassOperator<TOp>
    {
        acc.SumP.Add(block.SumP);
        if (TOp.ReadsQ) acc.SumQ.Add(block.SumQ);
        if ((TOp.Sums & LaneSums.A) != 0) acc.A.Add(block.A);
        if ((TOp.Sums & LaneSums.B) != 0) acc.B.Add(block.B);
        acc.AbsA += block.AbsA;
        acc.AbsB += block.AbsB;
        if ((TOp.Sums & LaneSums.Max) != 0)
        {
            acc.Max = Math.Max(acc.Max, block.Max);
            acc.MaxB = Math.Max(acc.MaxB, block.MaxB);
        }
        acc.InfiniteA |= block.InfiniteA;
        acc.InfiniteB |= block.InfiniteB;
        // A negative input, a NaN or infinite one (or a sum past the largest double), or a lane the operator flagged.
        acc.NeedsExactPath |= !double.IsFinite(block.Check) || block.Negative || block.Trouble;
    }
}
