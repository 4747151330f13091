using System.Buffers;
using System.Runtime.InteropServices;
using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

/// <summary>
/// Kullback–Leibler divergences of many distributions at once, as machine learning and analytics need: row-wise over
/// two row-major matrices, one reference against every row, a full matrix, and from logits. Rows are spread over
/// cores when the work is large (contiguous ranges of rows, one per task); each row has the semantics and accuracy of
/// <see cref="Measures.KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>: the fused pass
/// on this thread, and the exact path when its bound asks for it. Every form also reads <see cref="float"/> rows
/// (half the bytes), computing in double with the same semantics.
/// </summary>
public static unsafe class BatchMeasures
{
    private const int ParallelWork = 1 << 16;   // elements; below this everything stays on the calling thread

    /// <summary>destination[i] = D(pᵢ‖qᵢ) for the rows pᵢ, qᵢ of two row-major matrices with <paramref name="columns"/> columns.</summary>
    /// <param name="p">The true distributions, row-major (weights of any magnitude, each row normalised exactly).</param>
    /// <param name="q">The approximations, of p's shape.</param>
    /// <param name="columns">The length of a row (≥ 1).</param>
    /// <param name="destination">Receives one divergence per row (+∞ where some pᵢₖ &gt; 0 = qᵢₖ).</param>
    /// <param name="unit">The unit of the results; nats by default.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large batch may use: −1 for all, 1 for this thread only.</param>
    /// <exception cref="InvalidArgumentException">Shapes that do not fit, or an invalid row (the message names the row).</exception>
    public static void KullbackLeiblerRows(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination,
                                           InformationUnit unit = default, int maxDegreeOfParallelism = -1) =>
        RowsCore(p, q, columns, destination, unit, maxDegreeOfParallelism);

    /// <summary>destination[i] = D(pᵢ‖qᵢ) for rows of single-precision weights (read as floats, computed in double).</summary>
    /// <inheritdoc cref="KullbackLeiblerRows(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double}, InformationUnit, int)"/>
    public static void KullbackLeiblerRows(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int columns, Span<double> destination,
                                           InformationUnit unit = default, int maxDegreeOfParallelism = -1) =>
        RowsCore(p, q, columns, destination, unit, maxDegreeOfParallelism);

    /// <summary>destination[i] = D(p‖qᵢ): one reference distribution p against every row qᵢ (columns = p.Length).</summary>
    /// <param name="p">The reference (true) distribution.</param>
    /// <param name="qRows">The approximations, row-major with p.Length columns.</param>
    /// <param name="destination">Receives one divergence per row of <paramref name="qRows"/>.</param>
    /// <param name="unit">The unit of the results; nats by default.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large batch may use: −1 for all, 1 for this thread only.</param>
    /// <exception cref="InvalidArgumentException">Shapes that do not fit, or an invalid row (the message names the row).</exception>
    public static void KullbackLeiblerOneToMany(ReadOnlySpan<double> p, ReadOnlySpan<double> qRows, Span<double> destination,
                                                InformationUnit unit = default, int maxDegreeOfParallelism = -1) =>
        OneToManyCore(p, qRows, destination, unit, maxDegreeOfParallelism);

    /// <summary>destination[i] = D(p‖qᵢ) for single-precision weights (read as floats, computed in double).</summary>
    /// <inheritdoc cref="KullbackLeiblerOneToMany(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, InformationUnit, int)"/>
    public static void KullbackLeiblerOneToMany(ReadOnlySpan<float> p, ReadOnlySpan<float> qRows, Span<double> destination,
                                                InformationUnit unit = default, int maxDegreeOfParallelism = -1) =>
        OneToManyCore(p, qRows, destination, unit, maxDegreeOfParallelism);

    /// <summary>
    /// destination[i·m + j] = D(pᵢ‖qⱼ) for every row pᵢ of one matrix and every row qⱼ of another (m rows), row-major.
    /// </summary>
    /// <param name="pRows">The true distributions, row-major.</param>
    /// <param name="qRows">The approximations, row-major with the same number of columns.</param>
    /// <param name="columns">The length of a row (≥ 1).</param>
    /// <param name="destination">Receives n·m divergences, row i of the result holding D(pᵢ‖q₀) … D(pᵢ‖qₘ₋₁).</param>
    /// <param name="unit">The unit of the results; nats by default.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large batch may use: −1 for all, 1 for this thread only.</param>
    /// <remarks>
    /// From 4 × 4 rows on, D(pᵢ‖qⱼ) = (Σ pᵢₖ·ln p̂ᵢₖ − Σ pᵢₖ·ln q̂ⱼₖ)/Σpᵢ: n·c + m·c logarithms and a product of dot products
    /// instead of n·m·c logarithms, each result accepted only when its error bound is within 2e-13 of it; the other pairs
    /// (near-identical rows, zeros in q, extreme weights) take the fused pass and the exact path as the single measure does.
    /// </remarks>
    /// <exception cref="InvalidArgumentException">Shapes that do not fit, or an invalid row (the message names the rows).</exception>
    public static void KullbackLeiblerMatrix(ReadOnlySpan<double> pRows, ReadOnlySpan<double> qRows, int columns, Span<double> destination,
                                             InformationUnit unit = default, int maxDegreeOfParallelism = -1) =>
        MatrixCore(pRows, qRows, columns, destination, unit, maxDegreeOfParallelism);

    /// <summary>destination[i·m + j] = D(pᵢ‖qⱼ) for single-precision weights (read as floats, computed in double).</summary>
    /// <inheritdoc cref="KullbackLeiblerMatrix(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double}, InformationUnit, int)"/>
    public static void KullbackLeiblerMatrix(ReadOnlySpan<float> pRows, ReadOnlySpan<float> qRows, int columns, Span<double> destination,
                                             InformationUnit unit = default, int maxDegreeOfParallelism = -1) =>
        MatrixCore(pRows, qRows, columns, destination, unit, maxDegreeOfParallelism);

    /// <summary>
    /// destination[i] = D(softmax(aᵢ)‖softmax(bᵢ)) from rows of logits, with the log-softmax taken stably inside:
    /// δₖ = (aₖ − LSE(a)) − (bₖ − LSE(b)) = ln(pₖ/qₖ) and D = Σ qₖ·(δₖe^δₖ − (e^δₖ − 1)), every term ≥ 0.
    /// </summary>
    /// <param name="logitsP">The logits of the true distributions, row-major.</param>
    /// <param name="logitsQ">The logits of the approximations, of the same shape.</param>
    /// <param name="columns">The length of a row (≥ 1).</param>
    /// <param name="destination">Receives one divergence per row.</param>
    /// <param name="unit">The unit of the results; nats by default.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large batch may use: −1 for all, 1 for this thread only.</param>
    /// <remarks>
    /// A logit of −∞ is a probability of exactly 0; +∞ and NaN are refused. Vectorised: per row one pass for the maxima,
    /// one for the exponentials and their sums, one for the terms (δₖ from aₖ − bₖ taken exactly, the series of ψ near
    /// δ = 0), so that near-identical logits keep their digits.
    /// </remarks>
    /// <exception cref="InvalidArgumentException">Shapes that do not fit, or a NaN or +∞ logit (the message names row and column).</exception>
    public static void KullbackLeiblerFromLogits(ReadOnlySpan<double> logitsP, ReadOnlySpan<double> logitsQ, int columns, Span<double> destination,
                                                 InformationUnit unit = default, int maxDegreeOfParallelism = -1) =>
        LogitsCore(logitsP, logitsQ, columns, destination, unit, maxDegreeOfParallelism);

    /// <summary>destination[i] = D(softmax(aᵢ)‖softmax(bᵢ)) from single-precision logits (read as floats, computed in double).</summary>
    /// <inheritdoc cref="KullbackLeiblerFromLogits(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double}, InformationUnit, int)"/>
    public static void KullbackLeiblerFromLogits(ReadOnlySpan<float> logitsP, ReadOnlySpan<float> logitsQ, int columns, Span<double> destination,
                                                 InformationUnit unit = default, int maxDegreeOfParallelism = -1) =>
        LogitsCore(logitsP, logitsQ, columns, destination, unit, maxDegreeOfParallelism);

    private static void RowsCore<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, int columns, Span<double> destination, InformationUnit unit, int maxDegreeOfParallelism)
        where T : unmanaged
    {
        int rows = Rows(p.Length, columns, nameof(p));
        if (q.Length != p.Length) throw new InvalidArgumentException($"p has {p.Length} entries and q has {q.Length}: the matrices must have the same shape.", nameof(q));
        Preconditions.CheckDestination(destination.Length, rows, nameof(destination));
        fixed (T* pp = p, qq = q)
        fixed (double* dd = destination)
        {
            nint pa = (nint)pp, qa = (nint)qq, da = (nint)dd;
            ForEachRowRange(rows, rows * (long)columns, maxDegreeOfParallelism, (start, end) =>
            {
                for (int i = start; i < end; i++)
                    ((double*)da)[i] = Row(i, new ReadOnlySpan<T>((T*)pa + (long)i * columns, columns), new ReadOnlySpan<T>((T*)qa + (long)i * columns, columns), unit);
            });
        }
    }

    private static void OneToManyCore<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> qRows, Span<double> destination, InformationUnit unit, int maxDegreeOfParallelism)
        where T : unmanaged
    {
        int columns = p.Length;
        int rows = Rows(qRows.Length, columns, nameof(qRows));
        Preconditions.CheckDestination(destination.Length, rows, nameof(destination));
        fixed (T* pp = p, qq = qRows)
        fixed (double* dd = destination)
        {
            nint pa = (nint)pp, qa = (nint)qq, da = (nint)dd;
            ForEachRowRange(rows, rows * (long)columns, maxDegreeOfParallelism, (start, end) =>
            {
                for (int i = start; i < end; i++)
                    ((double*)da)[i] = Row(i, new ReadOnlySpan<T>((T*)pa, columns), new ReadOnlySpan<T>((T*)qa + (long)i * columns, columns), unit);
            });
        }
    }

    private static void MatrixCore<T>(ReadOnlySpan<T> pRows, ReadOnlySpan<T> qRows, int columns, Span<double> destination, InformationUnit unit, int maxDegreeOfParallelism)
        where T : unmanaged
    {
        int n = Rows(pRows.Length, columns, nameof(pRows)), m = Rows(qRows.Length, columns, nameof(qRows));
        Preconditions.CheckDestination(destination.Length, checked(n * m), nameof(destination));
        fixed (T* pp = pRows, qq = qRows)
        fixed (double* dd = destination)
        {
            nint pa = (nint)pp, qa = (nint)qq, da = (nint)dd;
            // The product form (n·c + m·c logarithms) where it pays; it leaves NaN where a pair needs the fused pass or the exact path.
            bool product = KullbackLeiblerMatrixKernel.Pays(n, m, columns);
            if (product)
                KullbackLeiblerMatrixKernel.Run(pRows[..(n * columns)], qRows[..(m * columns)], columns, destination[..(n * m)], maxDegreeOfParallelism, VectorWidth.Best);
            // Pairs, not rows, are spread: a matrix of few rows against many still uses every core.
            ForEachRowRange(checked(n * m), product ? n * (long)m : (long)n * m * columns, maxDegreeOfParallelism, (start, end) =>
            {
                for (int k = start; k < end; k++)
                {
                    double* d = (double*)da + k;
                    if (product && !double.IsNaN(*d))
                    {
                        *d = unit.FromNats(*d);
                        continue;
                    }
                    int i = k / m, j = k - i * m;
                    *d = Row(i, new ReadOnlySpan<T>((T*)pa + (long)i * columns, columns), new ReadOnlySpan<T>((T*)qa + (long)j * columns, columns), unit, j);
                }
            });
        }
    }

    private static void LogitsCore<T>(ReadOnlySpan<T> logitsP, ReadOnlySpan<T> logitsQ, int columns, Span<double> destination, InformationUnit unit, int maxDegreeOfParallelism)
        where T : unmanaged
    {
        int rows = Rows(logitsP.Length, columns, nameof(logitsP));
        if (logitsQ.Length != logitsP.Length)
            throw new InvalidArgumentException($"logitsP has {logitsP.Length} entries and logitsQ has {logitsQ.Length}: the matrices must have the same shape.", nameof(logitsQ));
        Preconditions.CheckDestination(destination.Length, rows, nameof(destination));
        fixed (T* pp = logitsP, qq = logitsQ)
        fixed (double* dd = destination)
        {
            nint pa = (nint)pp, qa = (nint)qq, da = (nint)dd;
            ForEachRowRange(rows, rows * (long)columns, maxDegreeOfParallelism, (start, end) =>
            {
                // One scratch (the row's exponentials) per range of rows, from the shared pool: no allocation per call in steady use.
                double[] scratch = ArrayPool<double>.Shared.Rent(LogitsKernel.ScratchLength(columns));
                try
                {
                    for (int i = start; i < end; i++)
                    {
                        var a = new ReadOnlySpan<T>((T*)pa + (long)i * columns, columns);
                        var b = new ReadOnlySpan<T>((T*)qa + (long)i * columns, columns);
                        if (!LogitsKernel.TryRow(a, b, scratch, VectorWidth.Best, out double nats))
                        {
                            ThrowInvalidLogits(a, i, "logitsP");
                            ThrowInvalidLogits(b, i, "logitsQ");
                        }
                        ((double*)da)[i] = unit.FromNats(nats);
                    }
                }
                finally
                {
                    ArrayPool<double>.Shared.Return(scratch);
                }
            });
        }
    }

    /// <summary>Throws for the first NaN or +∞ logit of a row, or for a row that is all −∞; returns if the row is valid.</summary>
    private static void ThrowInvalidLogits<T>(ReadOnlySpan<T> x, int row, string name) where T : unmanaged
    {
        bool anyFinite = false;
        for (int k = 0; k < x.Length; k++)
        {
            double v = typeof(T) == typeof(double) ? (double)(object)x[k] : (float)(object)x[k];
            if (double.IsNaN(v) || double.IsPositiveInfinity(v))
                throw new InvalidArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{name} row {row}, column {k}: the logit {v} is not allowed (finite numbers, or −∞ for probability 0)."), name);
            anyFinite |= !double.IsNegativeInfinity(v);
        }
        if (!anyFinite)
            throw new InvalidArgumentException($"{name} row {row}: every logit is −∞, so the row has no probability at all.", name);
    }

    /// <summary>One divergence on this thread: the fused pass, or the single measure (its checks and its exact path).</summary>
    private static double Row<T>(int i, ReadOnlySpan<T> p, ReadOnlySpan<T> q, InformationUnit unit, int j = -1) where T : unmanaged
    {
        if (KullbackLeiblerKernel.TryForward(p, q, SingleThread, out double nats)) return unit.FromNats(nats);
        try
        {
            return typeof(T) == typeof(double)
                ? Measures.KullbackLeibler(MemoryMarshal.Cast<T, double>(p), MemoryMarshal.Cast<T, double>(q), unit, maxDegreeOfParallelism: 1)
                : Measures.KullbackLeibler(MemoryMarshal.Cast<T, float>(p), MemoryMarshal.Cast<T, float>(q), unit, maxDegreeOfParallelism: 1);
        }
        catch (ArgumentException e)
        {
            string where = j < 0 ? $"Row {i}" : $"Rows {i} and {j}";
            string reason = e is InvalidArgumentException invalid ? invalid.Reason : e.Message;   // no second "(Parameter …)"
            throw new InvalidArgumentException($"{where}: {reason}", e.ParamName, e);
        }
    }

    private static readonly KernelSettings SingleThread = KernelSettings.WithParallelism(1);

    private static int Rows(int length, int columns, string name)
    {
        if (columns < 1) throw new InvalidArgumentException("There must be at least one column.", nameof(columns));
        if (length == 0 || length % columns != 0)
            throw new InvalidArgumentException($"{name} has {length} entries, which is not a whole, non-zero number of rows of {columns} columns.", name);
        return length / columns;
    }

    /// <summary>Runs <paramref name="body"/> over [0, count) on this thread, or in contiguous ranges (a few per core) in parallel.</summary>
    private static void ForEachRowRange(int count, long work, int maxDegreeOfParallelism, Action<int, int> body)
    {
        int threads = maxDegreeOfParallelism < 0 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        if (work < ParallelWork || threads <= 1 || count == 1)
        {
            body(0, count);
            return;
        }
        int ranges = (int)Math.Min(count, threads * 8L);
        try
        {
            Parallel.For(0, ranges, new ParallelOptions { MaxDegreeOfParallelism = threads },
                r => body((int)(count * (long)r / ranges), (int)(count * (long)(r + 1) / ranges)));
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is ArgumentException) is ArgumentException first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
    }
}
