using Kullback.Numerics;

namespace Kullback.Comparison;

/// <summary>
/// The distribution statistics of a numeric column known only through cell counts (<see cref="BinnedSamples"/>): for
/// each statistic and p-value an interval that contains the value the raw data would give.
/// </summary>
/// <remarks>
/// <para>Within a cell the two samples' values may be arranged in any way; the bounds are the extremes over every
/// arrangement (and tie pattern) consistent with the counts, so that the raw-data statistic always lies inside.
/// The finer the cells, the narrower the intervals; a cell of a single value (Lower = Upper) adds no uncertainty.</para>
/// <list type="bullet">
/// <item>Kolmogorov–Smirnov: D is at least the largest gap at a cell boundary (known exactly) and at most, within each
/// cell, the largest gap the two CDFs can open between their values at the cell's ends.</item>
/// <item>Wasserstein-1: per cell of width w, between w·max(0, G₋ − F₊, F₋ − G₊) and w·max(F₊ − G₋, G₊ − F₋), with F₋, F₊
/// (G₋, G₊) the reference's (current's) CDF at the cell's ends; exact between cells.</item>
/// <item>Cramér–von Mises: T = (n₁n₂/N²)·∫D(s)² ds + (Στ − (n₁ − n₂)²)/(12n₁n₂N) along the pooled ranks (see
/// <see cref="TwoSampleTests.CramerVonMises"/>); per cell D(s) lies between the paths "all reference values first" and
/// "all current values first", which bounds the integral, and Σ_g τ_g over the cell's tie groups lies in
/// [−t³(n₁ − n₂)²/(8N), n₁r³ + n₂c³].</item>
/// <item>p-values decrease with their statistic: each p-value interval is [p(upper), p(lower)].</item>
/// </list>
/// <para>The floating-point bounds are widened by 1e-12 relative so that rounding never puts the exact value outside.</para>
/// </remarks>
/// <param name="KolmogorovSmirnovStatistic">An interval containing D.</param>
/// <param name="KolmogorovSmirnovPValue">An interval containing the KS p-value.</param>
/// <param name="KolmogorovSmirnovMethod">The method of the KS p-value (as the raw samples would choose it).</param>
/// <param name="Wasserstein">An interval containing W₁ in the column's units (+∞ upper bound past unbounded outer cells).</param>
/// <param name="NormalizedWasserstein">W₁ divided by the given reference standard deviation, or null when none was given.</param>
/// <param name="CramerVonMisesStatistic">An interval containing T; null when a sample has fewer than 2 values.</param>
/// <param name="CramerVonMisesPValue">An interval containing the Cramér–von Mises p-value; null likewise.</param>
/// <param name="CramerVonMisesMethod">The method of the Cramér–von Mises p-value.</param>
public sealed record TwoSampleBounds(
    Interval KolmogorovSmirnovStatistic,
    Interval KolmogorovSmirnovPValue,
    TestMethod KolmogorovSmirnovMethod,
    Interval Wasserstein,
    Interval? NormalizedWasserstein,
    Interval? CramerVonMisesStatistic,
    Interval? CramerVonMisesPValue,
    TestMethod CramerVonMisesMethod)
{
    private const double Slack = 1e-12;

    /// <summary>The intervals from cell counts.</summary>
    /// <param name="samples">The cells and both samples' counts.</param>
    /// <param name="referenceStandardDeviation">The reference's population standard deviation, for the normalised Wasserstein distance (optional).</param>
    /// <param name="method">How the p-values are computed, as for raw samples; <see cref="TestMethod.Auto"/> by default.</param>
    /// <exception cref="InvalidArgumentException">The standard deviation is negative or NaN.</exception>
    public static TwoSampleBounds Compute(BinnedSamples samples, double? referenceStandardDeviation = null, TestMethod method = TestMethod.Auto)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (referenceStandardDeviation is { } sd && !(sd >= 0))
            throw new InvalidArgumentException("The reference standard deviation must be 0 or more.", nameof(referenceStandardDeviation));
        long n1 = samples.ReferenceCount, n2 = samples.CurrentCount;

        var (gapLow, gapHigh) = KolmogorovSmirnovGaps(samples);
        var ksLow = TwoSampleTests.KolmogorovSmirnovFromGap(n1, n2, gapLow, method);
        var ksHigh = TwoSampleTests.KolmogorovSmirnovFromGap(n1, n2, gapHigh, method);

        var wasserstein = WassersteinBounds(samples);
        Interval? normalized = referenceStandardDeviation is { } s
            ? s > 0 ? new Interval(wasserstein.Lower / s, wasserstein.Upper / s)
              : new Interval(wasserstein.Lower == 0 ? 0 : double.PositiveInfinity, wasserstein.Upper == 0 ? 0 : double.PositiveInfinity)
            : null;

        var cvmMethod = method == TestMethod.Auto ? Math.Max(n1, n2) <= TwoSampleTests.CramerVonMisesExactLimit ? TestMethod.Exact : TestMethod.Asymptotic : method;
        Interval? cvm = null, cvmP = null;
        if (n1 >= 2 && n2 >= 2)
        {
            if (cvmMethod == TestMethod.Exact && Math.Max(n1, n2) > TwoSampleTests.CramerVonMisesExactLimit)
                throw new NotComputableException("The exact Cramér–von Mises p-value is counted over every arrangement and is offered up to 20 values per sample: use the asymptotic method.");
            var t = CramerVonMisesBounds(samples);
            cvm = t;
            cvmP = cvmMethod == TestMethod.Exact
                ? new Interval(ExactCvmPValue(n1, n2, t.Upper, up: true), ExactCvmPValue(n1, n2, t.Lower, up: false))
                : new Interval(TwoSampleTests.CramerVonMisesAsymptoticPValue(t.Upper, n1, n2), TwoSampleTests.CramerVonMisesAsymptoticPValue(t.Lower, n1, n2));
        }

        return new TwoSampleBounds(
            new Interval(ksLow.Statistic, ksHigh.Statistic), new Interval(ksHigh.PValue, ksLow.PValue), ksLow.Method,
            wasserstein, normalized, cvm, cvmP, cvmMethod);
    }

    /// <summary>The smallest and largest possible n₁n₂·D.</summary>
    private static (Int128 Low, Int128 High) KolmogorovSmirnovGaps(BinnedSamples samples)
    {
        long n1 = samples.ReferenceCount, n2 = samples.CurrentCount;
        Int128 low = 0, high = 0;
        long r = 0, c = 0;
        for (int b = 0; b < samples.Count; b++)
        {
            long r1 = r + samples.Reference[b], c1 = c + samples.Current[b];
            Int128 after = (Int128)r1 * n2 - (Int128)c1 * n1;
            low = Max(low, Int128.Abs(after));
            high = Max(high, Int128.Abs(after));
            if (samples.Lowers[b] < samples.Uppers[b])
            {
                // Inside the cell F may reach F₊ while G is still at G₋, or the other way round.
                high = Max(high, (Int128)r1 * n2 - (Int128)c * n1);
                high = Max(high, (Int128)c1 * n1 - (Int128)r * n2);
            }
            r = r1;
            c = c1;
        }
        return (low, high);
    }

    private static Int128 Max(Int128 a, Int128 b) => a > b ? a : b;

    private static Interval WassersteinBounds(BinnedSamples samples)
    {
        long n1 = samples.ReferenceCount, n2 = samples.CurrentCount;
        double scale = (double)n1 * n2;
        var low = new NeumaierSum();
        var high = new NeumaierSum();
        bool unbounded = false;
        long r = 0, c = 0;
        for (int b = 0; b < samples.Count; b++)
        {
            long r1 = r + samples.Reference[b], c1 = c + samples.Current[b];
            double width = samples.Uppers[b] - samples.Lowers[b];
            // Gaps in units of 1/(n₁n₂): F·n₁n₂ = R·n₂, G·n₁n₂ = C·n₁.
            double fLow = (double)((Int128)r * n2), fHigh = (double)((Int128)r1 * n2);
            double gLow = (double)((Int128)c * n1), gHigh = (double)((Int128)c1 * n1);
            double least = Math.Max(0, Math.Max(gLow - fHigh, fLow - gHigh));
            double most = Math.Max(fHigh - gLow, gHigh - fLow);
            if (width > 0)
            {
                if (double.IsPositiveInfinity(width))
                {
                    if (most > 0) unbounded = true;
                    if (least > 0) return new Interval(double.PositiveInfinity, double.PositiveInfinity);
                }
                else
                {
                    low.Add(least / scale * width);
                    high.Add(most / scale * width);
                }
            }
            if (b + 1 < samples.Count)
            {
                double gap = samples.Lowers[b + 1] - samples.Uppers[b];
                double between = Math.Abs(fHigh - gHigh);
                if (gap > 0 && between > 0)
                {
                    if (double.IsPositiveInfinity(gap)) return new Interval(double.PositiveInfinity, double.PositiveInfinity);
                    low.Add(between / scale * gap);
                    high.Add(between / scale * gap);
                }
            }
            r = r1;
            c = c1;
        }
        return new Interval(Math.Max(0, low.Total * (1 - Slack)), unbounded ? double.PositiveInfinity : high.Total * (1 + Slack));
    }

    private static Interval CramerVonMisesBounds(BinnedSamples samples)
    {
        long n1 = samples.ReferenceCount, n2 = samples.CurrentCount;
        double n = (double)n1 + n2, k = (double)n1 * n2;
        var integralLow = new NeumaierSum();
        var integralHigh = new NeumaierSum();
        var tauLow = new NeumaierSum();
        var tauHigh = new NeumaierSum();
        double d12 = ((double)n1 - n2) * ((double)n1 - n2);
        long r = 0, c = 0;
        for (int b = 0; b < samples.Count; b++)
        {
            long rb = samples.Reference[b], cb = samples.Current[b];
            if (rb + cb == 0) continue;
            double start = (double)((Int128)r * n2 - (Int128)c * n1) / k;
            if (samples.Lowers[b] == samples.Uppers[b])
            {
                // One value: one tie group, D goes straight from start to end.
                double end = (double)((Int128)(r + rb) * n2 - (Int128)(c + cb) * n1) / k;
                double exact = (rb + cb) * (start * start + start * end + end * end) / 3;
                integralLow.Add(exact);
                integralHigh.Add(exact);
                double tau = ((double)rb * rb - (double)cb * cb) * ((double)n1 * rb - (double)n2 * cb);
                tauLow.Add(tau);
                tauHigh.Add(tau);
            }
            else
            {
                var (lo, hi) = CellIntegralBounds(start, rb, cb, 1.0 / n1, 1.0 / n2);
                integralLow.Add(lo);
                integralHigh.Add(hi);
                double t = rb + cb;
                tauLow.Add(-t * t * t * d12 / (8 * n));
                tauHigh.Add((double)n1 * rb * rb * rb + (double)n2 * cb * cb * cb);
            }
            r += rb;
            c += cb;
        }
        double lower = k / (n * n) * integralLow.Total + (tauLow.Total - d12) / (12 * k * n);
        double upper = k / (n * n) * integralHigh.Total + (tauHigh.Total - d12) / (12 * k * n);
        return new Interval(Math.Max(0, lower - Slack * Math.Abs(lower)), upper + Slack * Math.Abs(upper));
    }

    /// <summary>
    /// Bounds on ∫₀ᵗ D(s)² ds over a cell of r reference and c current values, D starting at d0 and moving by +a per
    /// reference value and −b per current value: D lies between the path with every current value first (lowest) and
    /// the path with every reference value first (highest). Lower bound: the squared distance from 0 to that band;
    /// upper bound: the larger square of its two edges; both integrated exactly on pieces where they are quadratics.
    /// </summary>
    internal static (double Low, double High) CellIntegralBounds(double d0, long r, long c, double a, double b)
    {
        double t = r + c;
        double Highest(double s) => s <= r ? d0 + a * s : d0 + a * r - b * (s - r);
        double Lowest(double s) => s <= c ? d0 - b * s : d0 - b * c + a * (s - c);
        var cuts = new List<double> { 0, t, r, c };
        void Root(double s0, double s1, Func<double, double> f)
        {
            double f0 = f(s0), f1 = f(s1);
            if ((f0 < 0 && f1 > 0) || (f0 > 0 && f1 < 0)) cuts.Add(s0 + (s1 - s0) * f0 / (f0 - f1));
        }
        foreach (var (s0, s1) in new[] { (0.0, (double)r), ((double)r, t), (0.0, (double)c), ((double)c, t) })
        {
            if (s1 <= s0) continue;
            Root(s0, s1, Highest);
            Root(s0, s1, Lowest);
            Root(s0, s1, s => Highest(s) + Lowest(s));
        }
        cuts.Sort();
        double low = 0, high = 0;
        for (int i = 0; i + 1 < cuts.Count; i++)
        {
            double s0 = cuts[i], s1 = cuts[i + 1], w = s1 - s0;
            if (!(w > 0)) continue;
            double mid = (s0 + s1) / 2;
            // High edge squared or low edge squared, whichever is larger on this piece.
            Func<double, double> upperEdge = Math.Abs(Highest(mid)) >= Math.Abs(Lowest(mid)) ? Highest : Lowest;
            high += Square(upperEdge(s0), upperEdge(s1), w);
            // Distance from 0 to [Lowest, Highest]: 0 inside, else the nearer edge.
            if (Lowest(mid) > 0) low += Square(Lowest(s0), Lowest(s1), w);
            else if (Highest(mid) < 0) low += Square(Highest(s0), Highest(s1), w);
        }
        return (low, high);
    }

    /// <summary>∫ of a linear function squared over a piece of width w, from its end values: w·(y₀² + y₀y₁ + y₁²)/3.</summary>
    private static double Square(double y0, double y1, double w) => w * (y0 * y0 + y0 * y1 + y1 * y1) / 3;

    /// <summary>The exact p-value at a statistic bound, with 4U rounded outwards to an integer.</summary>
    private static double ExactCvmPValue(long n1, long n2, double t, bool up)
    {
        double k = (double)n1 * n2, n = (double)n1 + n2;
        double fourU = 4 * k * n * (t + (4 * k - 1) / (6 * n));
        Int128 rounded = (Int128)(up ? Math.Ceiling(fourU * (1 + Slack)) : Math.Floor(fourU * (1 - Slack)));
        return CramerVonMisesDistribution.ExactSurvival((int)n1, (int)n2, rounded);
    }
}
