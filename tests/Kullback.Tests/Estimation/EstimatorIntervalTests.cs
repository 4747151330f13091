using Kullback.Estimation;

namespace Kullback.Tests.Estimation;

/// <summary>The intervals and tests around the estimates from counts: seeds, bounds, the method's rules, and the permutation p-value against exact enumeration.</summary>
public class EstimatorIntervalTests
{
    private static readonly long[] Teeth = [2, 3, 5, 14, 16, 15, 12, 8, 10, 8, 7];

    public static TheoryData<EntropyEstimator> Bootstrapped() =>
        [EntropyEstimator.PlugIn, EntropyEstimator.MillerMadow, EntropyEstimator.Grassberger, EntropyEstimator.ChaoShen];

    [Theory]
    [MemberData(nameof(Bootstrapped))]
    public void The_same_seed_gives_the_same_interval_and_it_holds_the_estimate(EntropyEstimator estimator)
    {
        var options = new BootstrapOptions { Seed = 11, Resamples = 500 };
        var a = EntropyEstimators.Estimate(Teeth, estimator, options);
        var b = EntropyEstimators.Estimate(Teeth, estimator, options);
        var c = EntropyEstimators.Estimate(Teeth, estimator, options with { Seed = 12 });
        Assert.Equal(a.Interval, b.Interval);
        Assert.NotEqual(a.Interval!.Lower, c.Interval!.Lower);
        Assert.True(a.Interval.Contains(a.Value), $"{estimator}: {a.Value.Nats} outside {a.Interval}");
        Assert.Equal(IntervalMethod.BiasCorrectedAccelerated, a.Interval.Method);
        Assert.Equal(500, a.Interval.Resamples);
        Assert.Equal(11, a.Interval.Seed);
        Assert.Equal(0.95, a.Interval.Level);
        Assert.True(a.Interval.StandardError.Nats > 0);
    }

    [Fact]
    public void A_corrected_estimate_sits_inside_its_interval_as_the_plug_in_sits_inside_its_own()
    {
        // Without re-centring, the replicates of Miller–Madow centre near the plug-in and its interval
        // would lie mostly below the estimate; re-centred, the estimate is near the middle. (No singletons: the
        // resamples come from the empirical distribution, whose truth is the plug-in.)
        foreach (var estimator in new[] { EntropyEstimator.MillerMadow, EntropyEstimator.Grassberger })
        {
            long[] small = [2, 2, 3, 3, 2, 4, 2, 2];
            var e = EntropyEstimators.Estimate(small, estimator, new BootstrapOptions { Method = IntervalMethod.Percentile });
            double middle = (e.Interval!.Lower.Nats + e.Interval.Upper.Nats) / 2;
            Assert.True(Math.Abs(middle - e.Value.Nats) < 0.5 * (e.Interval.Upper.Nats - e.Interval.Lower.Nats) / 2, $"{estimator}: {e.Value} vs {e.Interval}");
            Assert.True(e.Value > e.PlugIn);
        }
    }

    [Fact]
    public void The_posterior_interval_is_nsb_s_and_stays_within_zero_and_ln_k()
    {
        var nsb = EntropyEstimators.Estimate([7, 0, 0], EntropyEstimator.Nsb, new BootstrapOptions { Method = IntervalMethod.Posterior });
        Assert.Equal(IntervalMethod.Posterior, nsb.Interval!.Method);
        Assert.Equal(0, nsb.Interval.Resamples);
        Assert.Null(nsb.Interval.Seed);
        Assert.Equal(0, nsb.Interval.Lower.Nats);
        Assert.True(nsb.Interval.Upper.Nats <= Math.Log(3));
        Assert.Equal(nsb.PosteriorStandardDeviation, nsb.Interval.StandardError);
        Assert.Throws<InvalidArgumentException>(() =>
            EntropyEstimators.Estimate(Teeth, EntropyEstimator.Grassberger, new BootstrapOptions { Method = IntervalMethod.Posterior }));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Bad_levels_and_single_observations_are_refused(double level)
    {
        var e = Assert.Throws<InvalidArgumentException>(() => EntropyEstimators.Estimate(Teeth, EntropyEstimator.PlugIn, new BootstrapOptions { Level = level }));
        Assert.Contains("strictly between 0 and 1", e.Reason, StringComparison.Ordinal);
        Assert.Throws<InvalidArgumentException>(() => EntropyEstimators.Estimate([0, 1, 0], EntropyEstimator.PlugIn, BootstrapOptions.Default));
        Assert.Throws<InvalidArgumentException>(() => EntropyEstimators.Estimate(Teeth, EntropyEstimator.PlugIn, new BootstrapOptions { Resamples = 9 }));
    }

    [Fact]
    public void Divergence_intervals_hold_zero_for_identical_samples_and_say_when_they_are_infinite()
    {
        var same = KullbackLeiblerEstimators.Estimate(Teeth, Teeth, DivergenceEstimator.MillerMadow, BootstrapOptions.Default);
        Assert.Equal(0, same.Value.Nats);
        Assert.Equal(0, same.Interval!.Lower.Nats);
        long[] sparse = [1, 30, 30];
        var infinite = KullbackLeiblerEstimators.Estimate([20, 20, 20], sparse, DivergenceEstimator.PlugIn, BootstrapOptions.Default);
        Assert.True(infinite.Interval!.Upper.IsInfinite);
        Assert.Contains("upper bound is infinite", infinite.Interval.Note, StringComparison.Ordinal);
        var mi = MutualInformationEstimators.Estimate([10, 2, 3, 9], 2, 2, DivergenceEstimator.MillerMadow, BootstrapOptions.Default);
        Assert.True(mi.Interval!.Contains(mi.Value));
    }

    [Fact]
    public void Counts_too_large_for_the_work_limit_get_percentile_intervals_or_none_and_say_so()
    {
        long[] ones = [.. Enumerable.Repeat(1L, 200)];
        var options = new CountEstimationOptions { Interval = new BootstrapOptions { Resamples = 10 }, MaximumIntervalWork = 1e5 };
        var percentile = CountMeasureEstimates.Compute(ones, ones, options);
        Assert.Contains("Percentile intervals instead of BCa", percentile.IntervalNote, StringComparison.Ordinal);
        Assert.Equal(IntervalMethod.Percentile, percentile.EntropyP.Interval!.Method);
        Assert.Equal(IntervalMethod.Percentile, percentile.KullbackLeiblerQP.Interval!.Method);
        var none = CountMeasureEstimates.Compute(ones, ones, options with { MaximumIntervalWork = 1e3 });
        Assert.Contains("No intervals", none.IntervalNote, StringComparison.Ordinal);
        Assert.Null(none.EntropyQ.Interval);
        Assert.Null(none.KullbackLeiblerPQ.Interval);
        Assert.Equal(percentile.EntropyP.Value, none.EntropyP.Value);
        var nsb = CountMeasureEstimates.Compute(ones, ones, options with { Entropy = EntropyEstimator.Nsb, MaximumIntervalWork = 1e3 });
        Assert.Equal(IntervalMethod.Posterior, nsb.EntropyP.Interval!.Method);   // the posterior needs no resamples
    }

    /// <summary>
    /// The p-value of P = Q from seeded relabellings against the exact one: every split of the pooled observations into
    /// samples of N and M, weighted by its hypergeometric probability Πᵢ C(tᵢ, rᵢ)/C(N + M, N).
    /// </summary>
    [Theory]
    [InlineData(DivergenceEstimator.PlugIn)]
    [InlineData(DivergenceEstimator.MillerMadow)]
    public void The_permutation_p_value_matches_exact_enumeration(DivergenceEstimator estimator)
    {
        long[] p = [4, 2, 1], q = [1, 3, 4];
        const int Permutations = 20_000;
        var estimate = KullbackLeiblerEstimators.Estimate(p, q, estimator, permutations: Permutations, permutationSeed: 3);
        double observed = estimate.Value.Nats;
        long[] totals = [5, 5, 5];
        long n = p.Sum();
        double exact = 0, all = 0;
        for (long a = 0; a <= totals[0]; a++)
        {
            for (long b = 0; b <= totals[1] && a + b <= n; b++)
            {
                long c = n - a - b;
                if (c > totals[2]) continue;
                long[] r = [a, b, c], s = [totals[0] - a, totals[1] - b, totals[2] - c];
                double weight = Choose(totals[0], a) * Choose(totals[1], b) * Choose(totals[2], c);
                all += weight;
                double t = KullbackLeiblerEstimators.Estimate(r, s, estimator).Value.Nats;
                if (t >= observed - 1e-12 * observed) exact += weight;
            }
        }
        Assert.Equal(Choose(15, 7), all);
        exact /= all;
        double standardError = Math.Sqrt(exact * (1 - exact) / Permutations);
        Assert.True(Math.Abs(estimate.Permutation!.PValue - exact) < 4 * standardError + 1.0 / Permutations,
            $"{estimator}: permutation p {estimate.Permutation.PValue} vs exact {exact}");
        Assert.Equal(Permutations, estimate.Permutation.Permutations);
        Assert.Equal(3, estimate.Permutation.Seed);
        Assert.Equal(estimate.Permutation, KullbackLeiblerEstimators.Estimate(p, q, estimator, permutations: Permutations, permutationSeed: 3).Permutation);
    }

    private static double Choose(long n, long k) => Math.Round(MathNet.Numerics.SpecialFunctions.Binomial((int)n, (int)k));
}
