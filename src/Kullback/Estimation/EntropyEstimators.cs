using System.Globalization;

namespace Kullback.Estimation;

/// <summary>
/// Entropy from the counts of a sample: the plug-in and the estimators that correct its bias (Miller–Madow,
/// Grassberger, Chao–Shen, NSB), each with an optional bootstrap confidence interval.
/// </summary>
/// <remarks>
/// <para>
/// Counts are whole numbers nᵢ ≥ 0, one per category, in any order; N = Σ nᵢ ≥ 1 and at most 2⁵³; m is the number of
/// positive counts. Categories with count 0 are possible outcomes that were not seen: they change only NSB (through K)
/// and nothing else. The plug-in −Σ (nᵢ/N) ln(nᵢ/N) is exact to about 1e-15 relative; every estimate is ≥ 0 (Grassberger's
/// can fall just below 0 for a single category seen an even number of times, and is cut at 0) and never NaN.
/// </para>
/// <para>
/// K for NSB, the number of possible outcomes, is <c>categories</c> when given (at least m), else the length of the
/// counts vector: every listed category, seen or not, is taken as possible, and no others.
/// </para>
/// <para>
/// Intervals (<see cref="BootstrapOptions"/>): replicates are multinomial resamples of N; BCa takes its acceleration
/// from the jackknife, which for counts is one leave-one-out value per observed category, weighted by its count. When
/// no category is seen once (or one is, and none twice), the resamples come from the empirical distribution nᵢ/N,
/// whose true entropy is the plug-in Ĥ. Otherwise outcomes have probably gone unseen, and the empirical distribution, which has none,
/// would make every estimator look less biased in the bootstrap world than it is: the resamples then come from Chao's
/// estimated population (Chao, Wang and Jost 2013: the observed frequencies shrunk by the Good–Turing missing mass,
/// which is spread over the f̂₀ = f₁²/(2f₂) outcomes estimated unseen), whose true entropy H̃ is computed exactly.
/// The replicates are moved by (estimate − Ĥ), or (estimate − H̃), before their quantiles are taken: they then spread
/// around the estimate as the estimator's errors spread around the truth. (Without that, the bootstrap takes the
/// correction for a bias and corrects it twice: BCa around Miller–Madow covered 62% of 1,000 samples of 50 space
/// worms instead of 93%.) In 1,000 samples of 50 draws from Zipf's law over 20 outcomes, Grassberger's BCa interval
/// covered 90.0% with the empirical resamples and 93.3% with the estimated population; 500 of 200 outcomes, 90.0% and
/// 92.9% (the README's coverage table). NSB, whose K bounds the outcomes a resample may show, is resampled from the
/// empirical distribution. <see cref="IntervalMethod.Posterior"/> is NSB's own posterior interval.
/// </para>
/// </remarks>
public static class EntropyEstimators
{
    /// <summary>The estimate of H from <paramref name="counts"/>.</summary>
    /// <param name="counts">The count of each category (zeros allowed).</param>
    /// <param name="estimator">The estimator.</param>
    /// <param name="categories">K for NSB: the number of possible outcomes (≥ the observed ones); the length of <paramref name="counts"/> when null. Ignored by the other estimators.</param>
    /// <exception cref="InvalidArgumentException">The counts are empty, negative, all zero or sum past 2⁵³; K is below the number of observed categories.</exception>
    /// <exception cref="NotComputableException">NSB's integrals could not be resolved.</exception>
    public static EntropyEstimate Estimate(ReadOnlySpan<long> counts, EntropyEstimator estimator, int? categories = null)
    {
        var (evaluator, total, observed, k) = Prepare(counts, estimator, categories);
        double value = evaluator.Evaluate(counts);
        double plugIn = PlugIn(counts, estimator, value, total, k);
        return new EntropyEstimate(estimator, Information.FromNats(value), Information.FromNats(plugIn), total, observed, k, Posterior(evaluator));
    }

    /// <summary>The estimate of H from <paramref name="counts"/> with a confidence interval.</summary>
    /// <param name="counts">The count of each category (zeros allowed); N ≥ 2.</param>
    /// <param name="estimator">The estimator.</param>
    /// <param name="interval">How to form the interval.</param>
    /// <param name="categories">K for NSB (see <see cref="Estimate(ReadOnlySpan{long}, EntropyEstimator, int?)"/>).</param>
    /// <exception cref="InvalidArgumentException">As for the estimate; also N = 1, invalid options, or the posterior interval asked of an estimator other than NSB.</exception>
    /// <exception cref="NotComputableException">NSB's integrals could not be resolved.</exception>
    public static EntropyEstimate Estimate(ReadOnlySpan<long> counts, EntropyEstimator estimator, BootstrapOptions interval, int? categories = null)
    {
        ArgumentNullException.ThrowIfNull(interval);
        interval.Validate(nameof(interval));
        var (evaluator, total, observed, k) = Prepare(counts, estimator, categories);
        CountChecks.RequireResamplable(total, nameof(counts));
        double value = evaluator.Evaluate(counts);
        Information? posterior = Posterior(evaluator);
        double plugIn = PlugIn(counts, estimator, value, total, k);
        ConfidenceInterval ci;
        if (interval.Method == IntervalMethod.Posterior)
        {
            if (estimator != EntropyEstimator.Nsb)
                throw new InvalidArgumentException($"The posterior interval belongs to the NSB estimator; {estimator} takes a bootstrap interval (BCa or percentile).", nameof(interval));
            ci = PosteriorInterval(value, posterior!.Value.Nats, interval.Level, Math.Log(k));
        }
        else
        {
            var copy = counts.ToArray();
            var jackknifeEvaluator = new EntropyEvaluator(estimator, total - 1, k);
            // NSB's K bounds the outcomes a resample may show: it is resampled from the observed ones alone.
            double[]? population = estimator == EntropyEstimator.Nsb ? null : EstimatedPopulation.Of(counts);
            double resampledValue = population is null ? plugIn : Measures.Entropy(population);
            ci = CountBootstrap.OneSample(copy, value, evaluator.Evaluate, jackknifeEvaluator.Evaluate, interval, resampledValue, population);
        }
        return new EntropyEstimate(estimator, Information.FromNats(value), Information.FromNats(plugIn), total, observed, k, posterior, ci);
    }

    private static (EntropyEvaluator Evaluator, long Total, int Observed, int Categories) Prepare(ReadOnlySpan<long> counts, EntropyEstimator estimator, int? categories)
    {
        if (!Enum.IsDefined(estimator)) throw new InvalidArgumentException($"Unknown entropy estimator {estimator}.", nameof(estimator));
        long total = CountChecks.Total(counts, nameof(counts));
        int observed = CountChecks.Observed(counts);
        int k = categories ?? counts.Length;
        if (k < observed)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"K = {k} possible outcomes is fewer than the {observed} categories observed."), nameof(categories));
        return (new EntropyEvaluator(estimator, total, k), total, observed, k);
    }

    private static double PlugIn(ReadOnlySpan<long> counts, EntropyEstimator estimator, double value, long total, int k) =>
        estimator == EntropyEstimator.PlugIn ? value : new EntropyEvaluator(EntropyEstimator.PlugIn, total, k).Evaluate(counts);

    private static Information? Posterior(EntropyEvaluator evaluator) =>
        evaluator.Estimator == EntropyEstimator.Nsb ? Information.FromNats(evaluator.LastPosteriorStandardDeviation) : null;

    private static ConfidenceInterval PosteriorInterval(double mean, double sd, double level, double logK)
    {
        double z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + level / 2);
        double lower = Math.Clamp(mean - z * sd, 0, logK), upper = Math.Clamp(mean + z * sd, 0, logK);
        return new ConfidenceInterval(Information.FromNats(lower), Information.FromNats(upper), level, IntervalMethod.Posterior, 0, null, Information.FromNats(sd));
    }
}
