using System.Numerics;
using Kullback.Numerics;

namespace Kullback.Comparison;

/// <summary>
/// The two-sample statistics of a numeric column taken in one pass over its distinct values in increasing order, each
/// with the two samples' counts: what an engine streams back from <c>GROUP BY value ORDER BY value</c>, in memory that
/// does not grow with the data. <see cref="GroupedSamples"/> are computed through it, so every formula is written once.
/// </summary>
/// <remarks>
/// Kept along the way: the largest gap |R·n₂ − C·n₁| (exact in integers: the KS statistic times n₁n₂), the Wasserstein sum
/// Σ|R/n₁ − C/n₂|·(vₖ₊₁ − vₖ), the Cramér–von Mises sums of <see cref="TwoSampleTests.CramerVonMises"/> (its main term and
/// its exact local terms), 4U for the exact Cramér–von Mises distribution (small samples), and the reference mean and
/// variance (weighted Welford) for the normalised Wasserstein distance.
/// </remarks>
public sealed class TwoSampleAccumulator
{
    private readonly long _n1, _n2;
    private readonly double _k, _n;
    private readonly bool _fitsInLong;
    private long _r, _c;
    private Int128 _largestGap;
    private double _previousValue = double.NaN, _previousGap;
    private NeumaierSum _wasserstein, _cramerMain;
    private double _before;
    private Int128 _localSmall;
    private BigInteger _localLarge;
    private bool _localOverflowed;
    private Int128 _fourU;
    private double _mean, _m2;
    private int _groups;

    /// <summary>Starts the pass for samples of <paramref name="referenceCount"/> and <paramref name="currentCount"/> non-missing values.</summary>
    /// <exception cref="InvalidArgumentException">A count is below 1.</exception>
    public TwoSampleAccumulator(long referenceCount, long currentCount)
    {
        if (referenceCount < 1) throw new InvalidArgumentException("The reference sample has no values: the two-sample statistics need at least one in each sample.", nameof(referenceCount));
        if (currentCount < 1) throw new InvalidArgumentException("The current sample has no values: the two-sample statistics need at least one in each sample.", nameof(currentCount));
        _n1 = referenceCount;
        _n2 = currentCount;
        _k = (double)referenceCount * currentCount;
        _n = (double)referenceCount + currentCount;
        _fitsInLong = _k < 9e18;   // then R·n₂ − C·n₁ is exact in a long
    }

    /// <summary>n₁, the reference sample's size.</summary>
    public long ReferenceCount => _n1;

    /// <summary>n₂, the current sample's size.</summary>
    public long CurrentCount => _n2;

    /// <summary>Adds the next distinct value with each sample's count of it.</summary>
    /// <exception cref="InvalidArgumentException">The value is not finite or not larger than the last, a count is negative, or the counts pass the sizes.</exception>
    public void Add(double value, long reference, long current)
    {
        if (!double.IsFinite(value))
            throw new InvalidArgumentException($"A two-sample value is {value}: values must be finite (missing values belong in the missing bin).", nameof(value));
        if (!(value > _previousValue) && _groups > 0)
            throw new InvalidArgumentException($"The values must arrive in strictly increasing order; {value:R} came after {_previousValue:R}.", nameof(value));
        if (reference < 0 || current < 0)
            throw new InvalidArgumentException("Counts cannot be negative.", reference < 0 ? nameof(reference) : nameof(current));
        if (reference == 0 && current == 0) return;
        long r = checked(_r + reference), c = checked(_c + current);
        if (r > _n1 || c > _n2)
            throw new InvalidArgumentException("The counts add up to more values than the samples were said to have.", nameof(reference));

        // Wasserstein: the ECDF gap since the previous value, over the distance to this one.
        if (_groups > 0 && _previousGap != 0) _wasserstein.Add(_previousGap / _k * (value - _previousValue));

        double gap;
        if (_fitsInLong)
        {
            long g = r * _n2 - c * _n1;
            _largestGap = Int128.Max(_largestGap, Math.Abs(g));
            gap = g;
        }
        else
        {
            Int128 g = (Int128)r * _n2 - (Int128)c * _n1;
            _largestGap = Int128.Max(_largestGap, Int128.Abs(g));
            gap = (double)g;
        }
        _previousGap = Math.Abs(gap);

        // Cramér–von Mises: the main term and the exact local terms of the cancellation-free form.
        double after = gap / _k;
        long t = reference + current;
        _cramerMain.Add(t * (_before * _before + _before * after + after * after) / 3);
        _before = after;
        AddLocal(reference, current);
        if (Math.Max(_n1, _n2) <= TwoSampleTests.CramerVonMisesExactLimit)
        {
            Int128 a = 2 * _c + current, b = 2 * _r + reference;
            _fourU += _n1 * (reference * a * a + (Int128)(reference * reference * reference - reference) / 3)
                      + _n2 * (current * b * b + (Int128)(current * current * current - current) / 3);
        }

        // The reference's mean and variance (weighted Welford).
        if (reference > 0)
        {
            long total = r;
            double delta = value - _mean;
            _mean += delta * reference / total;
            _m2 += delta * (value - _mean) * reference;
        }

        _r = r;
        _c = c;
        _previousValue = value == 0 ? 0.0 : value;
        _groups++;
    }

    private void AddLocal(long r, long c)
    {
        // τ = (r² − c²)(n₁r − n₂c): Int128 while it cannot overflow, BigInteger past that.
        if (!_localOverflowed && r < 1L << 20 && c < 1L << 20 && Math.Max(_n1, _n2) < 1L << 40 && _groups < 1 << 24)
        {
            _localSmall += (Int128)(r * r - c * c) * (_n1 * r - _n2 * c);
            return;
        }
        if (!_localOverflowed)
        {
            _localLarge = (BigInteger)_localSmall;
            _localOverflowed = true;
        }
        BigInteger rb = r, cb = c;
        _localLarge += (rb * rb - cb * cb) * (_n1 * rb - _n2 * cb);
    }

    private void RequireComplete()
    {
        if (_r != _n1 || _c != _n2)
            throw new InvalidArgumentException(
                $"The counts add up to {_r} reference and {_c} current values, but the samples have {_n1} and {_n2}.", "counts");
    }

    /// <summary>The Kolmogorov–Smirnov test (see <see cref="TwoSampleTests.KolmogorovSmirnov"/>).</summary>
    public KolmogorovSmirnovResult KolmogorovSmirnov(TestMethod method = TestMethod.Auto)
    {
        RequireComplete();
        return TwoSampleTests.KolmogorovSmirnovFromGap(_n1, _n2, _largestGap, method);
    }

    /// <summary>The Wasserstein-1 distance, raw and divided by the reference's population standard deviation.</summary>
    public WassersteinResult Wasserstein()
    {
        RequireComplete();
        double distance = Math.Max(0.0, _wasserstein.Total);
        double deviation = Math.Sqrt(Math.Max(0.0, _m2 / _n1));
        double normalized = deviation > 0 ? distance / deviation : distance == 0 ? 0.0 : double.PositiveInfinity;
        return new WassersteinResult(distance, normalized, deviation);
    }

    /// <summary>The Kolmogorov–Smirnov statistic D = max|F_ref − F_cur| alone (no p-value), as a permutation test needs it.</summary>
    public double KolmogorovSmirnovStatistic()
    {
        RequireComplete();
        return Math.Clamp((double)_largestGap / _k, 0.0, 1.0);
    }

    /// <summary>The Cramér–von Mises statistic T alone (no p-value); null when a sample has fewer than 2 values.</summary>
    public double? CramerVonMisesStatistic()
    {
        RequireComplete();
        if (_n1 < 2 || _n2 < 2) return null;
        Int128 d = (Int128)_n1 - _n2;
        BigInteger local = (_localOverflowed ? _localLarge : (BigInteger)_localSmall) - (BigInteger)(d * d);
        return Math.Max(0.0, _k / (_n * _n) * _cramerMain.Total + (double)local / (12 * _k * _n));
    }

    /// <summary>The Cramér–von Mises test (see <see cref="TwoSampleTests.CramerVonMises"/>); null when a sample has fewer than 2 values.</summary>
    public CramerVonMisesResult? CramerVonMises(TestMethod method = TestMethod.Auto)
    {
        if (CramerVonMisesStatistic() is not double t) return null;
        if (method == TestMethod.Auto) method = Math.Max(_n1, _n2) <= TwoSampleTests.CramerVonMisesExactLimit ? TestMethod.Exact : TestMethod.Asymptotic;
        if (method == TestMethod.Exact)
        {
            if (Math.Max(_n1, _n2) > TwoSampleTests.CramerVonMisesExactLimit)
                throw new NotComputableException("The exact Cramér–von Mises p-value is counted over every arrangement and is offered up to 20 values per sample: use the asymptotic method.");
            return new CramerVonMisesResult(t, CramerVonMisesDistribution.ExactSurvival((int)_n1, (int)_n2, _fourU), TestMethod.Exact);
        }
        return new CramerVonMisesResult(t, TwoSampleTests.CramerVonMisesAsymptoticPValue(t, _n1, _n2), TestMethod.Asymptotic);
    }

    /// <summary>All three statistics.</summary>
    public TwoSampleStatistics Result(TestMethod method = TestMethod.Auto) => new(KolmogorovSmirnov(method), Wasserstein(), CramerVonMises(method));

    /// <summary>The accumulator fed with <paramref name="samples"/>.</summary>
    public static TwoSampleAccumulator Of(GroupedSamples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var accumulator = new TwoSampleAccumulator(samples.ReferenceCount, samples.CurrentCount);
        for (int g = 0; g < samples.Values.Length; g++) accumulator.Add(samples.Values[g], samples.Reference[g], samples.Current[g]);
        return accumulator;
    }
}
