using System.Globalization;
using Kullback.Comparison;

namespace Kullback.Estimation;

/// <summary>
/// D(P‖Q) from two independent samples' counts over the same categories: the plug-in D(p̂‖q̂) and its first-order
/// bias correction, with a bootstrap interval and a permutation test of P = Q.
/// </summary>
/// <remarks>
/// <para>
/// With nᵢ of N observations from P and mᵢ of M from Q, p̂ᵢ = nᵢ/N and q̂ᵢ = mᵢ/M. The plug-in is +∞ when some mᵢ = 0
/// has nᵢ &gt; 0 (Q's sample never showed a category P's did), exactly 0 for proportional counts, and exact to about
/// 1e-15 relative otherwise (it is Measures.KullbackLeibler of the counts).
/// </para>
/// <para>
/// Bias: expanding ln p̂ᵢ and ln q̂ᵢ to second order (the delta method, as Miller 1955 did for the entropy) with
/// independent multinomial samples gives E[D(p̂‖q̂)] − D(p‖q) ≈ (K_P − 1)/(2N) + (Σᵢ pᵢ/qᵢ − 1)/(2M), the sum over the K_P
/// categories P gives positive probability: the first term is the plug-in entropy's Miller–Madow bias, the second
/// comes from E[ln q̂ᵢ] ≈ ln qᵢ − (1 − qᵢ)/(2Mqᵢ). Z. Zhang and M. Grabchak, "Nonparametric estimation of Küllback–Leibler
/// divergence", Neural Computation 26 (2014), analyse the same plug-in. <see cref="DivergenceEstimator.MillerMadow"/>
/// subtracts the estimate of that bias, (m_P − 1)/(2N) + (Σ_{nᵢ&gt;0} p̂ᵢ/q̂ᵢ − 1)/(2M) with m_P the categories observed
/// in P's sample, and cuts the result at 0 (identical counts give exactly 0). For P = Q it is (K − 1)(1/N + 1/M)/2.
/// </para>
/// <para>
/// The interval resamples each sample from its own counts; BCa's acceleration comes from the jackknife of both samples
/// (Efron and Tibshirani's several-sample form). The corrected estimate's replicates are moved by (estimate − plug-in),
/// as the plug-in is the true divergence between the distributions resampled from (see <see cref="EntropyEstimators"/>).
/// Where the plug-in is infinite, the percentile interval is given and
/// the interval says so. Measured coverage of the 95% BCa interval around Miller–Madow (1,000 seeded pairs of samples,
/// README): 96.0% for Zipf(20) against a perturbed Zipf(20) at N = M = 5,000, and 96–100% that the interval reaches 0
/// when P = Q or nearly; where Q's sample misses categories P's shows, the estimate is +∞ and the interval cannot
/// hold a finite truth (teeth against binomial(10, 0.544): 99%, 89% and 15% of samples infinite at N = 50, 500 and
/// 5,000, covered 7%, 11%, 84%). The permutation test (<see cref="PermutationTest"/>, which relabels grouped counts) counts
/// an infinite statistic as the largest value.
/// </para>
/// </remarks>
public static class KullbackLeiblerEstimators
{
    /// <summary>The estimate of D(P‖Q) from the samples' counts.</summary>
    /// <param name="p">The count of each category in the sample from P.</param>
    /// <param name="q">The count of each category in the sample from Q (same categories, same order).</param>
    /// <param name="estimator">The estimator.</param>
    /// <param name="interval">How to form a bootstrap interval (BCa or percentile), or null for none; needs N, M ≥ 2.</param>
    /// <param name="permutations">The number of permutations for the test of P = Q (1 to 10⁸), or 0 for none.</param>
    /// <param name="permutationSeed">The permutations' seed.</param>
    /// <exception cref="InvalidArgumentException">A vector is empty, negative, all zero or sums past 2⁵³; the lengths differ; invalid options.</exception>
    public static DivergenceEstimate Estimate(ReadOnlySpan<long> p, ReadOnlySpan<long> q, DivergenceEstimator estimator,
        BootstrapOptions? interval = null, int permutations = 0, int permutationSeed = 0)
    {
        if (!Enum.IsDefined(estimator)) throw new InvalidArgumentException($"Unknown divergence estimator {estimator}.", nameof(estimator));
        long n = CountChecks.Total(p, nameof(p)), m = CountChecks.Total(q, nameof(q));
        if (p.Length != q.Length)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"p has {p.Length} categories and q has {q.Length}: both samples are counted over the same categories, in the same order."), nameof(q));
        if (permutations < 0) throw new InvalidArgumentException("The number of permutations cannot be negative (0 for no test).", nameof(permutations));
        var statistic = new Statistic(p.Length, estimator);
        double plugIn = statistic.PlugIn(p, q);
        double correction = double.IsPositiveInfinity(plugIn) ? 0 : Bias(p, q, n, m);
        double value = estimator == DivergenceEstimator.PlugIn ? plugIn : Math.Max(0, plugIn - correction);
        if (estimator == DivergenceEstimator.PlugIn) correction = 0;
        ConfidenceInterval? ci = null;
        if (interval is not null)
        {
            interval.Validate(nameof(interval));
            if (interval.Method == IntervalMethod.Posterior)
                throw new InvalidArgumentException("The posterior interval belongs to the NSB entropy estimator; a divergence takes BCa or percentile.", nameof(interval));
            CountChecks.RequireResamplable(n, nameof(p));
            CountChecks.RequireResamplable(m, nameof(q));
            ci = CountBootstrap.TwoSample(p.ToArray(), q.ToArray(), value, statistic.Evaluate, interval, plugIn);
        }
        PermutationResult? test = permutations == 0 ? null
            : PermutationTest.Run(p, q, (r, c) => Math.Min(double.MaxValue, statistic.Evaluate(r, c)), permutations, permutationSeed);
        return new DivergenceEstimate(estimator, Information.FromNats(value), Information.FromNats(plugIn), Information.FromNats(correction), n, m, ci, test);
    }

    /// <summary>(m_P − 1)/(2N) + (Σ_{nᵢ&gt;0} p̂ᵢ/q̂ᵢ − 1)/(2M), for counts where every nᵢ &gt; 0 has mᵢ &gt; 0.</summary>
    internal static double Bias(ReadOnlySpan<long> p, ReadOnlySpan<long> q, long n, long m)
    {
        int observed = 0;
        double ratios = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] == 0) continue;
            observed++;
            ratios += (double)p[i] / q[i];
        }
        ratios *= (double)m / n;
        // Σ p̂ᵢ/q̂ᵢ ≥ Σ p̂ᵢ = 1 as every q̂ᵢ ≤ 1: a sum that rounds below 1 is 1 (else a single category, p̂ = q̂ = 1, would get −1e-18).
        return (observed - 1) / (2.0 * n) + Math.Max(0, ratios - 1) / (2.0 * m);
    }

    /// <summary>The estimator as a statistic of two count vectors of <paramref name="length"/> categories, with scratch of its own (one per thread).</summary>
    internal static TwoSampleStatistic StatisticOf(int length, DivergenceEstimator estimator) => new Statistic(length, estimator).Evaluate;

    /// <summary>The chosen estimator on any counts, with its scratch vectors (one per estimate, reused by every replicate).</summary>
    private sealed class Statistic(int length, DivergenceEstimator estimator)
    {
        private readonly double[] _p = new double[length];
        private readonly double[] _q = new double[length];

        public double PlugIn(ReadOnlySpan<long> p, ReadOnlySpan<long> q)
        {
            for (int i = 0; i < p.Length; i++)
            {
                _p[i] = p[i];
                _q[i] = q[i];
            }
            return Measures.KullbackLeibler(_p, _q);
        }

        public double Evaluate(ReadOnlySpan<long> p, ReadOnlySpan<long> q)
        {
            double plugIn = PlugIn(p, q);
            if (estimator == DivergenceEstimator.PlugIn || double.IsPositiveInfinity(plugIn)) return plugIn;
            long n = 0, m = 0;
            for (int i = 0; i < p.Length; i++)
            {
                n += p[i];
                m += q[i];
            }
            return Math.Max(0, plugIn - Bias(p, q, n, m));
        }
    }
}
