using Kullback.Numerics;

namespace Kullback;

/// <summary>
/// Kullback–Leibler divergences of many distributions at once, as machine learning and analytics need: row-wise over
/// two row-major matrices, one reference against every row, a full matrix, and from logits. Rows are spread over
/// cores when the work is large; each row has the semantics and accuracy of
/// <see cref="Measures.KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>.
/// </summary>
public static unsafe class BatchMeasures
{
    private const int ParallelWork = 1 << 16;   // elements; below this everything stays on the calling thread

    /// <summary>destination[i] = D(pᵢ‖qᵢ) for the rows pᵢ, qᵢ of two row-major matrices with <paramref name="columns"/> columns.</summary>
    /// <exception cref="ArgumentException">Shapes that do not fit, or an invalid row (the message names the row).</exception>
    public static void KullbackLeiblerRows(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int columns, Span<double> destination,
                                           InformationUnit unit = default, int maxDegreeOfParallelism = -1)
    {
        int rows = Rows(p.Length, columns, nameof(p));
        if (q.Length != p.Length) throw new InvalidArgumentException($"p has {p.Length} entries and q has {q.Length}: the matrices must have the same shape.", nameof(q));
        Preconditions.CheckDestination(destination.Length, rows, nameof(destination));
        fixed (double* pp = p, qq = q, dd = destination)
        {
            nint pa = (nint)pp, qa = (nint)qq, da = (nint)dd;
            ForEachRow(rows, rows * (long)columns, maxDegreeOfParallelism, i =>
                ((double*)da)[i] = Row(i, new ReadOnlySpan<double>((double*)pa + (long)i * columns, columns),
                                      new ReadOnlySpan<double>((double*)qa + (long)i * columns, columns), unit));
        }
    }

    /// <summary>destination[i] = D(p‖qᵢ): one reference distribution p against every row qᵢ (columns = p.Length).</summary>
    /// <exception cref="ArgumentException">Shapes that do not fit, or an invalid row (the message names the row).</exception>
    public static void KullbackLeiblerOneToMany(ReadOnlySpan<double> p, ReadOnlySpan<double> qRows, Span<double> destination,
                                                InformationUnit unit = default, int maxDegreeOfParallelism = -1)
    {
        int columns = p.Length;
        int rows = Rows(qRows.Length, columns, nameof(qRows));
        Preconditions.CheckDestination(destination.Length, rows, nameof(destination));
        fixed (double* pp = p, qq = qRows, dd = destination)
        {
            nint pa = (nint)pp, qa = (nint)qq, da = (nint)dd;
            ForEachRow(rows, rows * (long)columns, maxDegreeOfParallelism, i =>
                ((double*)da)[i] = Row(i, new ReadOnlySpan<double>((double*)pa, columns),
                                      new ReadOnlySpan<double>((double*)qa + (long)i * columns, columns), unit));
        }
    }

    /// <summary>
    /// destination[i·m + j] = D(pᵢ‖qⱼ) for every row pᵢ of one matrix and every row qⱼ of another (m rows), row-major.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes that do not fit, or an invalid row (the message names the rows).</exception>
    public static void KullbackLeiblerMatrix(ReadOnlySpan<double> pRows, ReadOnlySpan<double> qRows, int columns, Span<double> destination,
                                             InformationUnit unit = default, int maxDegreeOfParallelism = -1)
    {
        int n = Rows(pRows.Length, columns, nameof(pRows)), m = Rows(qRows.Length, columns, nameof(qRows));
        Preconditions.CheckDestination(destination.Length, n * m, nameof(destination));
        fixed (double* pp = pRows, qq = qRows, dd = destination)
        {
            nint pa = (nint)pp, qa = (nint)qq, da = (nint)dd;
            ForEachRow(n, (long)n * m * columns, maxDegreeOfParallelism, i =>
            {
                var pi = new ReadOnlySpan<double>((double*)pa + (long)i * columns, columns);
                for (int j = 0; j < m; j++)
                    ((double*)da)[(long)i * m + j] = Row(i, pi, new ReadOnlySpan<double>((double*)qa + (long)j * columns, columns), unit, j);
            });
        }
    }

    /// <summary>
    /// destination[i] = D(softmax(aᵢ)‖softmax(bᵢ)) from rows of logits, with the log-softmax taken stably inside:
    /// δₖ = (aₖ − LSE(a)) − (bₖ − LSE(b)) = ln(pₖ/qₖ) and D = Σ qₖ·(δₖe^δₖ − (e^δₖ − 1)), every term ≥ 0.
    /// </summary>
    /// <remarks>A logit of −∞ is a probability of exactly 0; +∞ and NaN are refused.</remarks>
    /// <exception cref="ArgumentException">Shapes that do not fit, or a NaN or +∞ logit (the message names row and column).</exception>
    public static void KullbackLeiblerFromLogits(ReadOnlySpan<double> logitsP, ReadOnlySpan<double> logitsQ, int columns, Span<double> destination,
                                                 InformationUnit unit = default, int maxDegreeOfParallelism = -1)
    {
        int rows = Rows(logitsP.Length, columns, nameof(logitsP));
        if (logitsQ.Length != logitsP.Length)
            throw new InvalidArgumentException($"logitsP has {logitsP.Length} entries and logitsQ has {logitsQ.Length}: the matrices must have the same shape.", nameof(logitsQ));
        Preconditions.CheckDestination(destination.Length, rows, nameof(destination));
        fixed (double* pp = logitsP, qq = logitsQ, dd = destination)
        {
            nint pa = (nint)pp, qa = (nint)qq, da = (nint)dd;
            ForEachRow(rows, rows * (long)columns, maxDegreeOfParallelism, i =>
                ((double*)da)[i] = unit.FromNats(LogitsRow(i, new ReadOnlySpan<double>((double*)pa + (long)i * columns, columns),
                                                              new ReadOnlySpan<double>((double*)qa + (long)i * columns, columns))));
        }
    }

    private static double LogitsRow(int row, ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double lseA = LogSumExp(a, row, "logitsP"), lseB = LogSumExp(b, row, "logitsQ");
        var sum = new NeumaierSum();
        for (int k = 0; k < a.Length; k++)
        {
            double la = a[k] - lseA, lb = b[k] - lseB;   // ln p, ln q
            if (double.IsNegativeInfinity(la))
            {
                if (!double.IsNegativeInfinity(lb)) sum.Add(Math.Exp(lb));   // p = 0 < q: q·φ(0) = q
                continue;
            }
            if (double.IsNegativeInfinity(lb)) return double.PositiveInfinity;
            double delta = la - lb;
            // q·φ(e^δ) near δ = 0; for δ > 1 the same term as p·(δ − 1) + q, which neither overflows nor cancels.
            sum.Add(delta > 1
                ? Math.Exp(la) * (delta - 1) + Math.Exp(lb)
                : Math.Exp(lb) * Math.Max(0, delta * Math.Exp(delta) - Elementary.ExpMinusOne(delta)));
        }
        return Math.Max(0, sum.Total);
    }

    private static double LogSumExp(ReadOnlySpan<double> x, int row, string name)
    {
        double max = double.NegativeInfinity;
        for (int k = 0; k < x.Length; k++)
        {
            if (double.IsNaN(x[k]) || double.IsPositiveInfinity(x[k]))
                throw new InvalidArgumentException($"{name} row {row}, column {k}: the logit {x[k]} is not allowed (finite numbers, or −∞ for probability 0).", name);
            max = Math.Max(max, x[k]);
        }
        if (double.IsNegativeInfinity(max))
            throw new InvalidArgumentException($"{name} row {row}: every logit is −∞, so the row has no probability at all.", name);
        var sum = new NeumaierSum();
        for (int k = 0; k < x.Length; k++) sum.Add(Math.Exp(x[k] - max));
        return max + Math.Log(sum.Total);
    }

    private static double Row(int i, ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit, int j = -1)
    {
        try
        {
            return Measures.KullbackLeibler(p, q, unit, maxDegreeOfParallelism: 1);
        }
        catch (ArgumentException e)
        {
            string where = j < 0 ? $"Row {i}" : $"Rows {i} and {j}";
            throw new InvalidArgumentException($"{where}: {e.Message}", e.ParamName, e);
        }
    }

    private static int Rows(int length, int columns, string name)
    {
        if (columns < 1) throw new InvalidArgumentException("There must be at least one column.", nameof(columns));
        if (length == 0 || length % columns != 0)
            throw new InvalidArgumentException($"{name} has {length} entries, which is not a whole, non-zero number of rows of {columns} columns.", name);
        return length / columns;
    }

    private static void ForEachRow(int rows, long work, int maxDegreeOfParallelism, Action<int> body)
    {
        if (work < ParallelWork || maxDegreeOfParallelism == 1 || rows == 1)
        {
            for (int i = 0; i < rows; i++) body(i);
            return;
        }
        try
        {
            Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is ArgumentException) is ArgumentException first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
    }
}
