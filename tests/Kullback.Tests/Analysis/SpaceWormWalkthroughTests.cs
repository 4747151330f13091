using Kullback.Analysis;

namespace Kullback.Tests.Analysis;

/// <summary>The walkthrough's numbers against the tutorial's and 30-digit references (shared/reference seed-true-vs-uniform).</summary>
public class SpaceWormWalkthroughTests
{
    private static readonly SpaceWormWalkthrough Walkthrough = SpaceWormWalkthrough.Run();

    [Fact]
    public void The_numbers_are_the_tutorials()
    {
        var w = Walkthrough;
        Assert.Equal(5.44, w.Mean, 1e-13);
        Assert.Equal(0.544, w.BinomialP, 1e-13);
        Assert.Equal(3.262, w.Entropy.Bits, 3);
        Assert.Equal(0.136679710949669388759375344513, w.Uniform.DataToModel.Nats, 1e-14);
        Assert.Equal(0.169713221388226600710361181925, w.Uniform.ModelToData.Nats, 1e-14);
        Assert.Equal(0.427349724856193135051200217388, w.Binomial.DataToModel.Nats, 1e-13);
        Assert.Equal(0.251954847198783271671567256675, w.Binomial.ModelToData.Nats, 1e-13);
        Assert.Equal(Approximation.Uniform, w.Winner);
        Assert.Equal(-Math.Log2(0.02), w.InformationContent[0].Bits, 1e-13);
    }

    [Fact]
    public void The_mean_estimate_is_the_KL_optimal_binomial_and_still_loses_to_the_uniform()
    {
        var w = Walkthrough;
        Assert.Equal(0.544, w.BestP, 1e-6);
        Assert.True(w.BestDivergence <= w.Sweep.Minimum);
        Assert.True(w.BestDivergence > w.Uniform.DataToModel);
        Assert.Equal(w.Binomial.DataToModel.Nats, w.BestDivergence.Nats, 1e-10);
        Assert.Equal(199, w.Sweep.Values.Length);
        Assert.Equal(0.545, w.Sweep.MinimumValue, 1e-12);   // the grid point nearest 0.544
    }

    [Fact]
    public void The_contributions_add_up_to_the_divergences()
    {
        var w = Walkthrough;
        Assert.Equal(11, w.Uniform.Contributions.Length);
        Assert.Equal(w.Uniform.DataToModel.Nats, w.Uniform.Contributions.Sum(c => c.Contribution.Nats), 1e-14);
        Assert.Equal(w.Binomial.DataToModel.Nats, w.Binomial.Contributions.Sum(c => c.Contribution.Nats), 1e-14);
        Assert.All(w.Uniform.Contributions, c => Assert.Equal(1.0 / 11, c.Q, 1e-15));
    }

    [Fact]
    public void Sending_the_teeth_home_with_the_uniforms_code_costs_the_divergence_in_extra_bits()
    {
        var w = Walkthrough;
        var uniform = w.SentWithUniform;
        Assert.True(uniform.RoundTrip);
        Assert.True(w.SentWithBinomial.RoundTrip);
        // Every symbol costs log₂ 11 bits under the uniform's arithmetic code, up to its 2⁻¹⁶ rounding and 2 bits in all.
        Assert.Equal(Math.Log2(11), uniform.Checkpoints[^1].Arithmetic.Bits, 1e-3);
        Assert.Equal(0.19718714117722, uniform.Divergence.Bits, 1e-10);
        Assert.Equal(SpaceWormWalkthrough.MessageLength, uniform.Checkpoints[^1].Observations);
    }
}
