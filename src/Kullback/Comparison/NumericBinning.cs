using System.Globalization;
using Kullback.Numerics;

namespace Kullback.Comparison;

/// <summary>
/// The rules that choose a numeric column's bin edges, always on the reference sample only (binning the reference and
/// the current data together would move the bins with the drift they are meant to measure).
/// </summary>
/// <remarks>
/// <para>In memory, <see cref="FromReference"/> applies the options to the sorted reference values. An engine that
/// pushes the work down asks the database for the same numbers and calls the matching rule:</para>
/// <list type="bullet">
/// <item>per value (<see cref="FromDistinctValues"/>): the distinct values, when there are at most
/// <see cref="NumericBinningOptions.PerValueThreshold"/>;</item>
/// <item>quantiles (<see cref="FromQuantiles"/>): type-1 quantiles (the smallest x with F(x) ≥ p: SQL
/// <c>percentile_disc</c>) at <see cref="QuantileProbabilities"/>;</item>
/// <item>width (<see cref="Width"/>): the minimum and maximum;</item>
/// <item>auto (<see cref="Auto"/>): the <see cref="AutoBinningSummary"/>.</item>
/// </list>
/// <para>Edges are deduplicated; the first is the reference minimum and the last is the next double above the
/// maximum, so that [e_{k−1}, e_k) holds the maximum and the overflow bin holds only larger values.</para>
/// </remarks>
public static class NumericBinning
{
    /// <summary>The probabilities 0, 1/k, 2/k, …, 1 at which to ask an engine for type-1 quantiles for k quantile bins.</summary>
    /// <param name="binCount">k ≥ 1.</param>
    /// <exception cref="InvalidArgumentException"><paramref name="binCount"/> is below 1.</exception>
    public static double[] QuantileProbabilities(int binCount)
    {
        if (binCount < 1)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"The bin count {binCount} is not valid: at least 1 bin is needed."), nameof(binCount));
        var p = new double[binCount + 1];
        for (int i = 0; i <= binCount; i++) p[i] = (double)i / binCount;
        return p;
    }

    /// <summary>Edges from type-1 quantiles at <see cref="QuantileProbabilities"/> (the last one the maximum), duplicates removed.</summary>
    /// <param name="quantiles">Finite and non-decreasing; at least one.</param>
    /// <exception cref="InvalidArgumentException">Empty, not finite, or decreasing.</exception>
    public static NumericBinEdges FromQuantiles(ReadOnlySpan<double> quantiles)
    {
        if (quantiles.IsEmpty)
            throw new InvalidArgumentException("No quantiles were given: ask for them at QuantileProbabilities(k).", nameof(quantiles));
        CheckSorted(quantiles, nameof(quantiles));
        var edges = new List<double>(quantiles.Length);
        for (int i = 0; i < Math.Max(1, quantiles.Length - 1); i++)   // the last quantile is the maximum, not a lower edge
            if (edges.Count == 0 || quantiles[i] > edges[^1]) edges.Add(quantiles[i]);
        return new NumericBinEdges(CloseAbove(edges, quantiles[^1]), BinningRule.Quantile);
    }

    /// <summary>One bin per distinct value: edges at the values and just above the largest.</summary>
    /// <param name="distinctValues">The reference's distinct values, finite and strictly increasing.</param>
    /// <exception cref="InvalidArgumentException">Empty, not finite, or not strictly increasing.</exception>
    public static NumericBinEdges FromDistinctValues(ReadOnlySpan<double> distinctValues)
    {
        if (distinctValues.IsEmpty)
            throw new InvalidArgumentException("No distinct values were given.", nameof(distinctValues));
        CheckSorted(distinctValues, nameof(distinctValues));
        var edges = new List<double>(distinctValues.Length + 1);
        foreach (double v in distinctValues)
            if (edges.Count == 0 || v > edges[^1]) edges.Add(v);
        return new NumericBinEdges(CloseAbove(edges, distinctValues[^1]), BinningRule.PerValue);
    }

    /// <summary>k equal-width bins over [<paramref name="minimum"/>, <paramref name="maximum"/>] (one when they are equal).</summary>
    /// <exception cref="InvalidArgumentException">A bound is not finite, minimum &gt; maximum, or k &lt; 1.</exception>
    public static NumericBinEdges Width(double minimum, double maximum, int binCount) =>
        EqualWidth(minimum, maximum, binCount, BinningRule.Width);

    /// <summary>
    /// <c>auto</c>: Freedman–Diaconis (width 2·IQR·n^(−1/3)) when the IQR is positive and it gives at most
    /// <paramref name="maximumBins"/> bins; otherwise Doane (1 + log₂ n + log₂(1 + |g₁|/σ_g₁) bins,
    /// σ_g₁ = √(6(n−2)/((n+1)(n+3)))), capped at <paramref name="maximumBins"/>. Equal-width edges over [min, max].
    /// </summary>
    /// <exception cref="InvalidArgumentException">The summary is not finite or not consistent (count &lt; 1, min &gt; max).</exception>
    public static NumericBinEdges Auto(AutoBinningSummary summary, int maximumBins = 100)
    {
        if (summary.Count < 1)
            throw new InvalidArgumentException("The summary counts no values: auto binning needs at least one.", nameof(summary));
        if (!double.IsFinite(summary.LowerQuartile) || !double.IsFinite(summary.UpperQuartile) || !double.IsFinite(summary.Skewness))
            throw new InvalidArgumentException("The summary's quartiles and skewness must be finite.", nameof(summary));
        if (maximumBins < 1)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"The auto bin limit {maximumBins} is not valid: at least 1 bin is needed."), nameof(maximumBins));
        double range = summary.Maximum - summary.Minimum;
        double n = summary.Count;
        double iqr = summary.UpperQuartile - summary.LowerQuartile;
        if (iqr > 0 && double.IsFinite(range))
        {
            double binsFd = Math.Ceiling(range / (2 * iqr * Math.Cbrt(1 / n)));
            if (binsFd <= maximumBins)
                return EqualWidth(summary.Minimum, summary.Maximum, Math.Max(1, (int)binsFd), BinningRule.FreedmanDiaconis);
        }
        double binsDoane = 1;
        if (summary.Count >= 3 && range > 0)
        {
            double sigma = Math.Sqrt(6 * (n - 2) / ((n + 1) * (n + 3)));
            binsDoane = Math.Ceiling(1 + Math.Log2(n) + Math.Log2(1 + Math.Abs(summary.Skewness) / sigma));
        }
        return EqualWidth(summary.Minimum, summary.Maximum, (int)Math.Min(binsDoane, maximumBins), BinningRule.Doane);
    }

    /// <summary>Applies <paramref name="options"/> to the sorted, non-missing reference values.</summary>
    /// <param name="sortedReference">The reference values without missing ones, finite, in non-decreasing order; may be empty (one bin (−∞, +∞)).</param>
    /// <param name="options">The rule and its parameters; <see cref="NumericBinningOptions.Default"/> when null.</param>
    /// <exception cref="InvalidArgumentException">A value is NaN or infinite, the values are not sorted, or an option is out of range.</exception>
    public static NumericBinEdges FromReference(ReadOnlySpan<double> sortedReference, NumericBinningOptions? options = null)
    {
        options ??= NumericBinningOptions.Default;
        options.Validate();
        CheckSorted(sortedReference, nameof(sortedReference));
        int n = sortedReference.Length;
        if (n == 0) return new NumericBinEdges([], BinningRule.Unbounded);

        if (options.PerValueThreshold > 0)
        {
            var distinct = new List<double>(options.PerValueThreshold + 1);
            for (int i = 0; i < n && distinct.Count <= options.PerValueThreshold; i++)
                if (distinct.Count == 0 || sortedReference[i] > distinct[^1]) distinct.Add(sortedReference[i]);
            if (distinct.Count <= options.PerValueThreshold) return FromDistinctValues(distinct.ToArray());
        }
        if (options.Auto) return Auto(Summarise(sortedReference), options.AutoMaximumBins);
        if (options.Rule == BinningRule.Width) return Width(sortedReference[0], sortedReference[^1], options.BinCount);

        int k = options.BinCount;
        var quantiles = new double[k + 1];
        for (int i = 0; i <= k; i++)
        {
            // Type 1: the value at 1-based position ⌈i·n/k⌉ (position 1 for p = 0).
            long position = Math.Max(1, ((long)i * n + k - 1) / k);
            quantiles[i] = sortedReference[(int)(position - 1)];
        }
        return FromQuantiles(quantiles);
    }

    /// <summary>The <see cref="AutoBinningSummary"/> of sorted values: linear-interpolation quartiles and the population skewness.</summary>
    public static AutoBinningSummary Summarise(ReadOnlySpan<double> sortedValues)
    {
        CheckSorted(sortedValues, nameof(sortedValues));
        int n = sortedValues.Length;
        if (n == 0) throw new InvalidArgumentException("There are no values to summarise.", nameof(sortedValues));
        var sum = new NeumaierSum();
        foreach (double x in sortedValues) sum.Add(x);
        double mean = sum.Total / n;
        var m2 = new NeumaierSum();
        var m3 = new NeumaierSum();
        foreach (double x in sortedValues)
        {
            double d = x - mean;
            m2.Add(d * d);
            m3.Add(d * d * d);
        }
        double variance = m2.Total / n;
        double skewness = variance > 0 ? m3.Total / n / Math.Pow(variance, 1.5) : 0;
        if (!double.IsFinite(skewness)) skewness = 0;
        return new AutoBinningSummary(n, sortedValues[0], sortedValues[^1], Linear(sortedValues, 0.25), Linear(sortedValues, 0.75), skewness);
    }

    /// <summary>The quantile at p by linear interpolation between order statistics (numpy's default, type 7).</summary>
    private static double Linear(ReadOnlySpan<double> sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static NumericBinEdges EqualWidth(double minimum, double maximum, int binCount, BinningRule rule)
    {
        if (!double.IsFinite(minimum) || !double.IsFinite(maximum) || minimum > maximum)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The range [{RangeBin.Format(minimum)}, {RangeBin.Format(maximum)}] is not a finite, ordered range."), nameof(minimum));
        if (binCount < 1)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"The bin count {binCount} is not valid: at least 1 bin is needed."), nameof(binCount));
        var edges = new List<double>(binCount + 1) { minimum };
        for (int i = 1; i < binCount; i++)
        {
            double t = (double)i / binCount;
            double e = minimum * (1 - t) + maximum * t;   // no overflow for ranges wider than double.MaxValue
            if (e > edges[^1] && e < maximum) edges.Add(e);
        }
        return new NumericBinEdges(CloseAbove(edges, maximum), rule);
    }

    /// <summary>Appends the next double above <paramref name="maximum"/> so that the maximum falls in the last regular bin.</summary>
    private static List<double> CloseAbove(List<double> edges, double maximum)
    {
        double top = Math.BitIncrement(maximum);
        if (!double.IsFinite(top)) top = maximum;   // double.MaxValue itself: the overflow bin then starts at it
        if (edges.Count == 0 || top > edges[^1]) edges.Add(top);
        return edges;
    }

    private static void CheckSorted(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{name}[{i}] = {RangeBin.Format(values[i])}: values must be finite (missing values are counted in the missing bin, not binned)."), name);
            if (i > 0 && values[i] < values[i - 1])
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{name}[{i}] = {RangeBin.Format(values[i])} is below {name}[{i - 1}] = {RangeBin.Format(values[i - 1])}: the values must be sorted."), name);
        }
    }
}
