using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kullback.Kernels;

/// <summary>
/// The fast all-pairs Kullback–Leibler matrix: D(pᵢ‖qⱼ) = (Eᵢ − Cᵢⱼ)/Spᵢ with Eᵢ = Σₖ pᵢₖ·ln p̂ᵢₖ and Cᵢⱼ = Σₖ pᵢₖ·ln q̂ⱼₖ,
/// so that n·c + m·c logarithms (not n·m·c) and a matrix product of dot products do the work; each result is accepted
/// only when its error bound is within <see cref="ErrorBound.AcceptedRelativeError"/> of it, and left NaN otherwise
/// (near-identical rows, a zero in q, an invalid row, sums out of the normal range) for the exact path of the pair.
/// </summary>
/// <remarks>
/// Error model: ln p̂ and ln q̂ are within (LogUlps·|ln| + 3)·u of exact (the vector logarithm and the two roundings of
/// x·(1/S)); both are ≤ 4u, so Σ p·|ln q̂| ≤ |C| + 4u·Sp, and likewise for E. A dot product's lanes add at most 16
/// products before they are flushed into a second accumulator, so its chain is 16 + ⌈c/(16·lanes)⌉ + 4. The sums Sp, Sq
/// carry a pass's chain: their errors shift ln p̂ or ln q̂ uniformly, which changes D by as much (Σ p̂ = 1).
/// </remarks>
internal static class KullbackLeiblerMatrixKernel
{
    /// <summary>Whether the matrix is large enough for the product form to pay (else every pair takes the fused pass).</summary>
    public static bool Pays(int n, int m, int columns) => n >= 4 && m >= 4 && columns >= 8;

    /// <summary>
    /// destination[i·m + j] = D(pᵢ‖qⱼ) in nats where accepted, NaN where the pair must take the exact path.
    /// </summary>
    public static void Run<T>(ReadOnlySpan<T> pRows, ReadOnlySpan<T> qRows, int columns, Span<double> destination, int maxDegreeOfParallelism, VectorWidth width)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
            Run<double, DoubleElements>(MemoryMarshal.Cast<T, double>(pRows), MemoryMarshal.Cast<T, double>(qRows), columns, destination, maxDegreeOfParallelism, width);
        else if (typeof(T) == typeof(float))
            Run<float, FloatElements>(MemoryMarshal.Cast<T, float>(pRows), MemoryMarshal.Cast<T, float>(qRows), columns, destination, maxDegreeOfParallelism, width);
        else
            throw new NotSupportedException($"The kernels read double or float, not {typeof(T).Name}.");
    }

    private static unsafe void Run<T, TE>(ReadOnlySpan<T> pRows, ReadOnlySpan<T> qRows, int columns, Span<double> destination, int maxDegreeOfParallelism, VectorWidth width)
        where T : unmanaged where TE : IElements<T>
    {
        switch (width.Resolve())
        {
            case VectorWidth.Bits512: Run<T, TE, Simd512>(pRows, qRows, columns, destination, maxDegreeOfParallelism); break;
            case VectorWidth.Bits256: Run<T, TE, Simd256>(pRows, qRows, columns, destination, maxDegreeOfParallelism); break;
            case VectorWidth.Bits128: Run<T, TE, Simd128>(pRows, qRows, columns, destination, maxDegreeOfParallelism); break;
            default: Run<T, TE, Simd1>(pRows, qRows, columns, destination, maxDegreeOfParallelism); break;
        }
    }

    private static unsafe void Run<T, TE, TV>(ReadOnlySpan<T> pRows, ReadOnlySpan<T> qRows, int columns, Span<double> destination, int maxDegreeOfParallelism)
        where T : unmanaged where TE : IElements<T> where TV : struct, ISimd<TV>
    {
        int n = pRows.Length / columns, m = qRows.Length / columns;
        int threads = maxDegreeOfParallelism < 0 ? Environment.ProcessorCount : Math.Max(1, maxDegreeOfParallelism);
        // Tiles of q rows whose logarithms (tile·c doubles) stay in the core's cache while every p row passes them.
        int tile = Math.Clamp((1 << 15) / columns, 4, 64);
        tile = Math.Max(4, Math.Min(tile, (m + 2 * threads - 1) / (2 * threads)));
        int tiles = (m + tile - 1) / tile;
        double[] pInfo = ArrayPool<double>.Shared.Rent(3 * n);   // per row Spᵢ (NaN: the exact path), Eᵢ and Eᵢ's error bound
        try
        {
            fixed (T* pp = pRows, qq = qRows)
            fixed (double* dd = destination, info = pInfo)
            {
                nint pa = (nint)pp, qa = (nint)qq, da = (nint)dd, ia = (nint)info;
                For(n, (long)n * columns, threads, i => PrepareP<T, TE, TV>(ref ((T*)pa)[(long)i * columns], columns, ref ((double*)ia)[3 * i]));
                For(tiles, (long)n * m * columns, threads, t =>
                {
                    int j0 = t * tile, rows = Math.Min(tile, m - j0);
                    double[] logs = ArrayPool<double>.Shared.Rent(rows * columns + 2 * rows);
                    try
                    {
                        Tile<T, TE, TV>((T*)pa, (T*)qa + (long)j0 * columns, n, m, j0, rows, columns, (double*)ia, logs, (double*)da);
                    }
                    finally
                    {
                        ArrayPool<double>.Shared.Return(logs);
                    }
                });
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(pInfo);
        }
    }

    /// <summary>
    /// Spᵢ, Eᵢ = Σ pᵢₖ·ln p̂ᵢₖ (0·ln 0 = 0) and the bound on Eᵢ's error for one p row; Spᵢ = NaN when the row is not plain
    /// (a negative, NaN or infinite entry, or a sum out of the normal range).
    /// </summary>
    private static void PrepareP<T, TE, TV>(ref T p, int columns, ref double info) where TE : IElements<T> where TV : struct, ISimd<TV>
    {
        double sum = Sum<T, TE, TV>(ref p, columns, out double min);
        if (!(min >= 0) || !Plain(sum))
        {
            info = double.NaN;
            return;
        }
        TV inverse = TV.Create(1 / sum), e = TV.Zero;
        int whole = columns / TV.Count * TV.Count;
        for (int block = 0; block < whole; block += 16 * TV.Count)
        {
            int end = Math.Min(whole, block + 16 * TV.Count);
            TV a = TV.Zero;
            for (int k = block; k < end; k += TV.Count)
            {
                TV x = TE.Load<TV>(ref p, (nuint)k);
                a = TV.FusedMultiplyAdd(x, TV.Log(x * inverse) & TV.GreaterThanZero(x), a);
            }
            e += a;
        }
        double tail = 0;
        for (int k = whole; k < columns; k++)
        {
            double x = TE.At(ref p, (nuint)k);
            if (x > 0) tail += x * Math.Log(x * (1 / sum));
        }
        double total = TV.Sum(e) + tail, u = ErrorBound.U;
        info = sum;
        Unsafe.Add(ref info, 1) = total;
        Unsafe.Add(ref info, 2) = (Chain<TV>(columns) + 1 + ErrorBound.LogUlps) * u * (Math.Abs(total) + 8 * u * sum) + 3 * u * sum;
    }

    /// <summary>
    /// The longest chain of roundings in a row sum taken as here: at most 16 vectors per lane before a flush, the flushes,
    /// the horizontal sum and the scalar tail (added once).
    /// </summary>
    private static double Chain<TV>(int columns) where TV : struct, ISimd<TV> =>
        Math.Max(16 + (columns + 16 * TV.Count - 1) / (16 * TV.Count) + 3, columns % TV.Count) + 1;

    /// <summary>One tile of q rows: their normalised logarithms, then D against every p row.</summary>
    private static unsafe void Tile<T, TE, TV>(T* p, T* q, int n, int m, int j0, int rows, int columns, double* pInfo, double[] logs, double* destination)
        where T : unmanaged where TE : IElements<T> where TV : struct, ISimd<TV>
    {
        // Per q row: ln q̂ⱼₖ into the scratch, and Sqⱼ after the rows (NaN: the row takes the exact path).
        Span<double> sq = logs.AsSpan(rows * columns, rows);
        for (int r = 0; r < rows; r++)
            sq[r] = PrepareQ<T, TE, TV>(ref q[(long)r * columns], columns, logs.AsSpan(r * columns, columns));

        double u = ErrorBound.U, chain = Chain<TV>(columns);
        ref double l = ref logs[0];
        for (int i = 0; i < n; i++)
        {
            double sp = pInfo[3 * i], e = pInfo[3 * i + 1], errorE = pInfo[3 * i + 2];
            double* row = destination + (long)i * m + j0;
            ref T pi = ref p[(long)i * columns];
            for (int r = 0; r < rows; r += 4)
            {
                int count = Math.Min(4, rows - r);
                Dots<T, TE, TV>(ref pi, ref Unsafe.Add(ref l, r * columns), columns, count, out double c0, out double c1, out double c2, out double c3);
                for (int k = 0; k < count; k++)
                {
                    double c = k switch { 0 => c0, 1 => c1, 2 => c2, _ => c3 };
                    row[r + k] = Accept(sp, e, errorE, c, sq[r + k], chain, u);
                }
            }
        }
    }

    /// <summary>D = (E − C)/Sp when the pair's inputs are plain and its bound accepts it; NaN otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Accept(double sp, double e, double errorE, double c, double sq, double chain, double u)
    {
        if (double.IsNaN(sp) || double.IsNaN(sq)) return double.NaN;
        double d = (e - c) / sp;
        double errorC = (chain + 1 + ErrorBound.LogUlps) * u * (Math.Abs(c) + 8 * u * sp) + 3 * u * sp;
        double bound = (errorE + errorC) / sp
                       + 2 * chain * u                    // Sp and Sq shift ln p̂ and ln q̂ uniformly
                       + (chain + 2) * u * Math.Abs(d);   // the division by Sp
        return ErrorBound.Accept(d, bound) ? d : double.NaN;
    }

    /// <summary>ln(q·(1/Sq)) of a row into <paramref name="logs"/>; returns Sq, or NaN unless every q is positive and normal after scaling.</summary>
    private static double PrepareQ<T, TE, TV>(ref T q, int columns, Span<double> logs) where TE : IElements<T> where TV : struct, ISimd<TV>
    {
        double sum = Sum<T, TE, TV>(ref q, columns, out double min);
        if (!Plain(sum) || !(min * (1 / sum) >= 2.2250738585072014E-308)) return double.NaN;
        TV inverse = TV.Create(1 / sum);
        ref double l = ref MemoryMarshal.GetReference(logs);
        int whole = columns / TV.Count * TV.Count;
        for (int k = 0; k < whole; k += TV.Count)
            TV.Store(TV.Log(TE.Load<TV>(ref q, (nuint)k) * inverse), ref l, (nuint)k);
        for (int k = whole; k < columns; k++)
            logs[k] = Math.Log(TE.At(ref q, (nuint)k) * (1 / sum));
        return sum;
    }

    /// <summary>Σx (taken as <see cref="Chain{TV}"/> describes) and min x of a row (NaN and ±∞ show in the sum).</summary>
    private static double Sum<T, TE, TV>(ref T x, int columns, out double min) where TE : IElements<T> where TV : struct, ISimd<TV>
    {
        TV sum = TV.Zero, low = TV.Create(double.PositiveInfinity);
        int whole = columns / TV.Count * TV.Count;
        for (int block = 0; block < whole; block += 16 * TV.Count)
        {
            int end = Math.Min(whole, block + 16 * TV.Count);
            TV a = TV.Zero;
            for (int k = block; k < end; k += TV.Count)
            {
                TV v = TE.Load<TV>(ref x, (nuint)k);
                a += v;
                low = TV.Min(low, v);
            }
            sum += a;
        }
        min = double.PositiveInfinity;
        for (int k = 0; k < TV.Count && whole > 0; k++) min = Math.Min(min, TV.Element(low, k));
        double tail = 0;
        for (int k = whole; k < columns; k++)
        {
            double v = TE.At(ref x, (nuint)k);
            tail += v;
            min = Math.Min(min, v);
        }
        return TV.Sum(sum) + tail;
    }

    /// <summary>A sum in the normal range, far from overflow: the rows' scaling is then two plain roundings.</summary>
    private static bool Plain(double sum) => sum >= 1e-290 && sum <= 1e290;

    /// <summary>Cᵣ = Σₖ pₖ·lᵣₖ for up to four rows of logarithms at once (p loaded once per vector), lanes flushed every 16 vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dots<T, TE, TV>(ref T p, ref double l, int columns, int count, out double c0, out double c1, out double c2, out double c3)
        where TE : IElements<T> where TV : struct, ISimd<TV>
    {
        // Rows beyond count read row 0 again (results dropped): one loop shape for every count.
        ref double l0 = ref l;
        ref double l1 = ref count > 1 ? ref Unsafe.Add(ref l, columns) : ref l;
        ref double l2 = ref count > 2 ? ref Unsafe.Add(ref l, 2 * columns) : ref l;
        ref double l3 = ref count > 3 ? ref Unsafe.Add(ref l, 3 * columns) : ref l;
        TV s0 = TV.Zero, s1 = TV.Zero, s2 = TV.Zero, s3 = TV.Zero;
        int whole = columns / TV.Count * TV.Count;
        for (int block = 0; block < whole; block += 16 * TV.Count)
        {
            int end = Math.Min(whole, block + 16 * TV.Count);
            TV a0 = TV.Zero, a1 = TV.Zero, a2 = TV.Zero, a3 = TV.Zero;
            for (int k = block; k < end; k += TV.Count)
            {
                TV x = TE.Load<TV>(ref p, (nuint)k);
                a0 = TV.FusedMultiplyAdd(x, TV.Load(ref l0, (nuint)k), a0);
                a1 = TV.FusedMultiplyAdd(x, TV.Load(ref l1, (nuint)k), a1);
                a2 = TV.FusedMultiplyAdd(x, TV.Load(ref l2, (nuint)k), a2);
                a3 = TV.FusedMultiplyAdd(x, TV.Load(ref l3, (nuint)k), a3);
            }
            s0 += a0;
            s1 += a1;
            s2 += a2;
            s3 += a3;
        }
        double t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        for (int k = whole; k < columns; k++)
        {
            double x = TE.At(ref p, (nuint)k);
            t0 += x * Unsafe.Add(ref l0, k);
            t1 += x * Unsafe.Add(ref l1, k);
            t2 += x * Unsafe.Add(ref l2, k);
            t3 += x * Unsafe.Add(ref l3, k);
        }
        c0 = TV.Sum(s0) + t0;
        c1 = TV.Sum(s1) + t1;
        c2 = TV.Sum(s2) + t2;
        c3 = TV.Sum(s3) + t3;
    }

    private static void For(int count, long work, int threads, Action<int> body)
    {
        if (threads == 1 || count == 1 || work < 1 << 16)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
    }
}
