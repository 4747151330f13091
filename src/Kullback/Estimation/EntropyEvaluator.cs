using Kullback.Numerics;

namespace Kullback.Estimation;

/// <summary>
/// One entropy estimator for counts of a fixed total N over K possible outcomes, evaluated again and again (the point
/// estimate, every bootstrap replicate, every jackknife value) without allocating. For N up to 2¹⁶ the per-count terms
/// of the plug-in and Grassberger estimators are tabulated once.
/// </summary>
internal sealed class EntropyEvaluator
{
    private const long TableLimit = 1 << 16;

    private readonly EntropyEstimator _estimator;
    private readonly long _total;
    private readonly int _categories;
    private readonly double[]? _table;

    public EntropyEvaluator(EntropyEstimator estimator, long total, int categories)
    {
        _estimator = estimator;
        _total = total;
        _categories = categories;
        if (total <= TableLimit && estimator is EntropyEstimator.PlugIn or EntropyEstimator.MillerMadow or EntropyEstimator.Grassberger)
        {
            _table = new double[total + 1];
            for (long n = 1; n <= total; n++) _table[n] = Term(n);
        }
    }

    public EntropyEstimator Estimator => _estimator;

    /// <summary>The posterior standard deviation of the last NSB evaluation.</summary>
    public double LastPosteriorStandardDeviation { get; private set; }

    /// <summary>The estimate in nats for counts summing to the evaluator's N.</summary>
    public double Evaluate(ReadOnlySpan<long> counts)
    {
        switch (_estimator)
        {
            case EntropyEstimator.PlugIn:
                return SumOfTerms(counts);
            case EntropyEstimator.MillerMadow:
                return SumOfTerms(counts) + (CountChecks.Observed(counts) - 1) / (2.0 * _total);
            case EntropyEstimator.Grassberger:
                return Math.Max(0, SumOfTerms(counts));
            case EntropyEstimator.ChaoShen:
                return ChaoShen(counts);
            default:
                var (mean, sd) = NsbPosterior.Compute(counts, _total, _categories);
                LastPosteriorStandardDeviation = sd;
                return mean;
        }
    }

    private double SumOfTerms(ReadOnlySpan<long> counts)
    {
        double sum = 0;
        if (_table is { } table)
        {
            foreach (long c in counts) sum += table[c];
        }
        else
        {
            foreach (long c in counts) if (c > 0) sum += Term(c);
        }
        return sum;
    }

    /// <summary>
    /// The count's share of the estimate: (n/N)·ln(N/n) for the plug-in and Miller–Madow, (n/N)·(ln(N/n) + ln n − G(n))
    /// for Grassberger. ln(N/n) comes from ln(1 − (N − n)/N) when n &gt; N/2, so that it keeps its digits near 0.
    /// </summary>
    private double Term(long count)
    {
        double share = (double)count / _total;
        double term = share * LogInverseShare(count, _total);
        if (_estimator == EntropyEstimator.Grassberger) term += share * GammaFunctions.GrassbergerComplement(count);
        return term;
    }

    /// <summary>ln(N/n) ≥ 0 for 0 &lt; n ≤ N, accurate also when n is close to N.</summary>
    internal static double LogInverseShare(long count, long total) =>
        2 * count > total ? -Elementary.LogOnePlus(-(double)(total - count) / total) : Math.Log((double)total / count);

    /// <summary>Chao–Shen: −Σ p̃ ln p̃ / (1 − (1 − p̃)ᴺ), p̃ = C·n/N, C = 1 − f₁/N (f₁ = N taken as N − 1).</summary>
    private double ChaoShen(ReadOnlySpan<long> counts)
    {
        long singletons = 0;
        foreach (long c in counts) if (c == 1) singletons++;
        if (singletons == _total) singletons = _total - 1;
        double n = _total;
        double logCoverage = Elementary.LogOnePlus(-singletons / n), coverage = 1 - singletons / n;
        double sum = 0;
        foreach (long c in counts)
        {
            if (c == 0) continue;
            double adjusted = coverage * (c / n);
            double logAdjusted = logCoverage - LogInverseShare(c, _total);
            if (logAdjusted == 0) continue;   // p̃ = 1: a single category seen every time
            double seen = -Elementary.ExpMinusOne(n * Elementary.LogOnePlus(-adjusted));
            sum -= adjusted * logAdjusted / seen;
        }
        return sum;
    }
}
