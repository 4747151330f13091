using System.Globalization;

namespace Kullback.Estimation;

/// <summary>
/// I(X; Y) from a table of counts: the plug-in and its Miller–Madow correction, with a bootstrap interval.
/// </summary>
/// <remarks>
/// <para>
/// The table is row-major: counts[r·columns + c] is the number of observations with X = r and Y = c. The plug-in is
/// D(p̂_XY ‖ p̂_X p̂_Y) of the empirical joint distribution, exact to about 1e-15 relative, exactly 0 when the table
/// factorises (every row proportional to every other).
/// </para>
/// <para>
/// Bias: Î = Ĥ(X) + Ĥ(Y) − Ĥ(X, Y), and each plug-in entropy is low by (K − 1)/(2N) to first order (Miller 1955), so
/// E[Î] − I ≈ (K_XY − K_X − K_Y + 1)/(2N) with K the numbers of rows, columns and cells of positive probability
/// (Panzeri and Treves 1996; Roulston 1999). <see cref="DivergenceEstimator.MillerMadow"/> subtracts
/// (m_XY − m_X − m_Y + 1)/(2N) with the observed numbers and cuts the result at 0. When every cell is observed this is
/// the familiar (K_X − 1)(K_Y − 1)/(2N), the mean of G/(2N) under independence; with empty cells it is smaller, and for
/// a one-to-one table it is −(K − 1)/(2N), which raises Î towards H(X), as it should.
/// </para>
/// <para>
/// The interval resamples the table's cells (one multinomial draw of N) and takes BCa's acceleration from the jackknife
/// over cells; the corrected estimate's replicates are moved by (estimate − plug-in), the true I of the table resampled
/// from (see <see cref="EntropyEstimators"/>). Measured coverage of the 95% BCa interval around Miller–Madow (1,000
/// seeded tables, README) for a dependent 3 × 4 table: 90.6%, 94.4% and 94.8% at N = 50, 500 and 5,000. At I = 0 every
/// bound is ≥ 0, so covering means a lower bound of 0: 96–100% of intervals reach 0 for an independent table.
/// </para>
/// </remarks>
public static class MutualInformationEstimators
{
    /// <summary>The estimate of I(X; Y) from a rows × columns table of counts.</summary>
    /// <param name="counts">The counts, row-major (rows·columns entries).</param>
    /// <param name="rows">The number of values of X.</param>
    /// <param name="columns">The number of values of Y.</param>
    /// <param name="estimator">The estimator.</param>
    /// <param name="interval">How to form a bootstrap interval (BCa or percentile), or null for none; needs N ≥ 2.</param>
    /// <exception cref="InvalidArgumentException">The shape does not match the counts; a count is negative; all are zero or they sum past 2⁵³; invalid options.</exception>
    public static MutualInformationEstimate Estimate(ReadOnlySpan<long> counts, int rows, int columns, DivergenceEstimator estimator, BootstrapOptions? interval = null)
    {
        if (!Enum.IsDefined(estimator)) throw new InvalidArgumentException($"Unknown divergence estimator {estimator}.", nameof(estimator));
        if (rows < 1 || columns < 1 || (long)rows * columns != counts.Length)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"A {rows} × {columns} table has {(long)Math.Max(rows, 0) * Math.Max(columns, 0)} cells, but {counts.Length} counts were given."), nameof(counts));
        long n = CountChecks.Total(counts, nameof(counts));
        var statistic = new Statistic(rows, columns, estimator);
        double plugIn = statistic.PlugIn(counts, out int observedRows, out int observedColumns);
        int observedCells = CountChecks.Observed(counts);
        double correction = estimator == DivergenceEstimator.PlugIn ? 0 : Bias(observedCells, observedRows, observedColumns, n);
        double value = Math.Max(0, plugIn - correction);
        ConfidenceInterval? ci = null;
        if (interval is not null)
        {
            interval.Validate(nameof(interval));
            if (interval.Method == IntervalMethod.Posterior)
                throw new InvalidArgumentException("The posterior interval belongs to the NSB entropy estimator; mutual information takes BCa or percentile.", nameof(interval));
            CountChecks.RequireResamplable(n, nameof(counts));
            ci = CountBootstrap.OneSample(counts.ToArray(), value, statistic.Evaluate, statistic.Evaluate, interval, plugIn);
        }
        return new MutualInformationEstimate(estimator, Information.FromNats(value), Information.FromNats(plugIn), Information.FromNats(correction),
            n, observedRows, observedColumns, observedCells, ci);
    }

    /// <summary>(m_XY − m_X − m_Y + 1)/(2N).</summary>
    private static double Bias(int cells, int rows, int columns, long n) => (cells - rows - columns + 1) / (2.0 * n);

    /// <summary>The estimator as a statistic of a rows × columns table (row-major), with scratch of its own (one per thread).</summary>
    internal static CountStatistic StatisticOf(int rows, int columns, DivergenceEstimator estimator) => new Statistic(rows, columns, estimator).Evaluate;

    /// <summary>The chosen estimator on any table of the shape, with its scratch vectors.</summary>
    private sealed class Statistic(int rows, int columns, DivergenceEstimator estimator)
    {
        private readonly double[] _joint = new double[rows * columns];
        private readonly double[] _product = new double[rows * columns];
        private readonly long[] _rowTotals = new long[rows];
        private readonly long[] _columnTotals = new long[columns];

        public double PlugIn(ReadOnlySpan<long> counts, out int observedRows, out int observedColumns)
        {
            Array.Clear(_rowTotals);
            Array.Clear(_columnTotals);
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    long v = counts[r * columns + c];
                    _rowTotals[r] += v;
                    _columnTotals[c] += v;
                }
            }
            observedRows = CountChecks.Observed(_rowTotals);
            observedColumns = CountChecks.Observed(_columnTotals);
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    _joint[r * columns + c] = counts[r * columns + c];
                    _product[r * columns + c] = (double)_rowTotals[r] * _columnTotals[c];
                }
            }
            return Measures.KullbackLeibler(_joint, _product);
        }

        public double Evaluate(ReadOnlySpan<long> counts)
        {
            double plugIn = PlugIn(counts, out int observedRows, out int observedColumns);
            if (estimator == DivergenceEstimator.PlugIn) return plugIn;
            long n = 0;
            foreach (long v in counts) n += v;
            return Math.Max(0, plugIn - Bias(CountChecks.Observed(counts), observedRows, observedColumns, n));
        }
    }
}
