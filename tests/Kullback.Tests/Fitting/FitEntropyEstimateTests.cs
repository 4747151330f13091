using Kullback.Estimation;
using Kullback.Fitting;

namespace Kullback.Tests.Fitting;

/// <summary>The fit report's entropy estimated from the counts: asked for, N known or not.</summary>
public class FitEntropyEstimateTests
{
    private static readonly double[] Counts = [5, 9, 4, 0, 1];

    [Fact]
    public void Counts_give_the_estimators_value_and_interval_when_asked()
    {
        var options = new CountEstimationOptions { Entropy = EntropyEstimator.ChaoShen, Interval = new BootstrapOptions { Seed = 4, Resamples = 300 } };
        var report = ModelFitter.Fit(DiscreteDistribution.FromCounts(Counts), new FitOptions { Estimation = options });
        var expected = EntropyEstimators.Estimate([5, 9, 4, 0, 1], EntropyEstimator.ChaoShen, options.Interval);
        Assert.Equal(expected, report.EntropyEstimate);
        Assert.Null(report.EntropyNote);
        Assert.Equal(report.Entropy.Nats, report.EntropyEstimate!.PlugIn.Nats, 1e-15);
    }

    [Fact]
    public void No_estimate_by_default_and_none_without_N()
    {
        Assert.Null(ModelFitter.Fit(DiscreteDistribution.FromCounts(Counts)).EntropyEstimate);
        var probabilities = ModelFitter.Fit(DiscreteDistribution.FromProbabilities([0.25, 0.75]), new FitOptions { Estimation = new() });
        Assert.Null(probabilities.EntropyEstimate);
        Assert.Contains("number of observations is unknown", probabilities.EntropyNote, StringComparison.Ordinal);
        var single = ModelFitter.Fit(DiscreteDistribution.FromCounts([0, 1, 0]), new FitOptions { Estimation = new() });
        Assert.NotNull(single.EntropyEstimate);
        Assert.Null(single.EntropyEstimate!.Interval);
        Assert.Contains("cannot be resampled", single.EntropyNote, StringComparison.Ordinal);
    }
}
