using CsCheck;
using Kullback.Estimation;

namespace Kullback.Tests.Estimation;

/// <summary>What every estimator from counts must obey, on random count vectors.</summary>
public class EstimatorPropertyTests
{
    /// <summary>1 to 30 categories, counts 0 to 60 with at least one positive.</summary>
    private static readonly Gen<long[]> Counts = Gen.Long[0, 60].Array[1, 30].Where(c => c.Sum() > 0);

    private static readonly Gen<(long[] P, long[] Q)> CountPair =
        Gen.Int[1, 20].SelectMany(k => Gen.Select(Gen.Long[0, 40].Array[k], Gen.Long[0, 40].Array[k])).Where(t => t.Item1.Sum() > 0 && t.Item2.Sum() > 0);

    private static readonly EntropyEstimator[] All = Enum.GetValues<EntropyEstimator>();

    [Fact]
    public void Entropy_estimates_are_finite_non_negative_and_do_not_depend_on_the_order_of_the_categories() =>
        Counts.Sample(counts =>
        {
            long[] reversed = [.. counts.Reverse()];
            foreach (var estimator in All)
            {
                var e = EntropyEstimators.Estimate(counts, estimator);
                Assert.True(double.IsFinite(e.Value.Nats) && e.Value.Nats >= 0, $"{estimator}: {e.Value.Nats}");
                double r = EntropyEstimators.Estimate(reversed, estimator).Value.Nats;
                Assert.True(Math.Abs(r - e.Value.Nats) <= 1e-12 * Math.Max(1, e.Value.Nats), $"{estimator}: {e.Value.Nats} vs reversed {r}");
                if (estimator == EntropyEstimator.Nsb) Assert.True(e.Value.Nats <= Math.Log(counts.Length) * (1 + 1e-15));
            }
        }, iter: 60);

    [Fact]
    public void Miller_Madow_lies_at_or_above_the_plug_in() =>
        Counts.Sample(counts =>
        {
            // (Grassberger need not: for even n, G(n) can exceed ln n, and [36, 2] gives less than the plug-in.)
            double plugIn = EntropyEstimators.Estimate(counts, EntropyEstimator.PlugIn).Value.Nats;
            Assert.True(EntropyEstimators.Estimate(counts, EntropyEstimator.MillerMadow).Value.Nats >= plugIn);
        });

    [Fact]
    public void A_single_observed_category_has_plug_in_zero_and_identical_samples_have_no_divergence() =>
        CountPair.Sample((p, _) =>
        {
            var same = KullbackLeiblerEstimators.Estimate(p, p, DivergenceEstimator.MillerMadow);
            Assert.Equal(0, same.Value.Nats);
            Assert.Equal(0, KullbackLeiblerEstimators.Estimate(p, p, DivergenceEstimator.PlugIn).Value.Nats);
            long[] one = new long[p.Length];
            one[0] = p.Sum();
            Assert.Equal(0, EntropyEstimators.Estimate(one, EntropyEstimator.PlugIn).Value.Nats);
        });

    [Fact]
    public void Corrected_divergences_are_at_most_the_plug_in_and_infinite_exactly_when_it_is() =>
        CountPair.Sample((p, q) =>
        {
            var plugIn = KullbackLeiblerEstimators.Estimate(p, q, DivergenceEstimator.PlugIn).Value;
            var corrected = KullbackLeiblerEstimators.Estimate(p, q, DivergenceEstimator.MillerMadow).Value;
            Assert.Equal(plugIn.IsInfinite, corrected.IsInfinite);
            Assert.True(corrected.Nats >= 0);
            if (!plugIn.IsInfinite) Assert.True(corrected <= plugIn, $"{corrected} > {plugIn}");
        });

    [Fact]
    public void A_table_whose_rows_are_proportional_has_plug_in_mutual_information_exactly_zero() =>
        Gen.Select(Gen.Long[1, 9].Array[1, 5], Gen.Long[0, 9].Array[1, 5]).Where(t => t.Item2.Sum() > 0).Sample((rowScale, column) =>
        {
            long[] table = [.. rowScale.SelectMany(s => column.Select(c => s * c))];
            var mi = MutualInformationEstimators.Estimate(table, rowScale.Length, column.Length, DivergenceEstimator.PlugIn);
            Assert.Equal(0, mi.Value.Nats);
        });

    [Fact]
    public void Intervals_are_ordered_non_negative_and_reproducible() =>
        Counts.Where(c => c.Sum() >= 2).Sample(counts =>
        {
            var options = new BootstrapOptions { Resamples = 50, Seed = 9 };
            foreach (var estimator in new[] { EntropyEstimator.PlugIn, EntropyEstimator.Grassberger, EntropyEstimator.ChaoShen })
            {
                var ci = EntropyEstimators.Estimate(counts, estimator, options).Interval!;
                Assert.True(ci.Lower.Nats >= 0 && ci.Lower <= ci.Upper, $"{estimator}: {ci}");
                Assert.Equal(ci, EntropyEstimators.Estimate(counts, estimator, options).Interval);
            }
        }, iter: 40);
}
