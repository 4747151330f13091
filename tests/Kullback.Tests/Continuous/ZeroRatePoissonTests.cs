using Kullback.Continuous;
using MathNet.Numerics.Distributions;

namespace Kullback.Tests;

/// <summary>The Poisson of rate 0 (all mass at 0) as a distribution: poisson(0) in a spec, its entropy and divergences.</summary>
public class ZeroRatePoissonTests
{
    [Fact]
    public void Poisson_of_rate_0_parses_and_is_a_point_mass_at_0()
    {
        var spec = DistributionSpec.Parse("poisson(0)");
        var d = Assert.IsType<ZeroRatePoisson>(spec.Distribution);
        Assert.Equal((0, 0), (d.Minimum, d.Maximum));
        Assert.Equal(1.0, d.Probability(0));
        Assert.Equal(0.0, d.Probability(1));
        Assert.Equal(0.0, ClosedFormEntropy.TryOf(d));
        Assert.Equal("poisson(λ = 0)", FamilyParameters.Describe(d));
        Assert.Throws<InvalidArgumentException>(() => DistributionSpec.Parse("poisson(-1)"));
    }

    [Fact]
    public void Divergences_to_and_from_a_Poisson_are_its_rate_and_infinity()
    {
        var zero = new ZeroRatePoisson();
        // D(δ₀‖Poisson(λ)) = −ln e^(−λ) = λ: closed form and the summed value agree.
        Assert.Equal(2.5, ClosedFormDivergence.TryKullbackLeibler(zero, new Poisson(2.5)));
        Assert.Equal(2.5, NumericalDivergence.KullbackLeibler(zero, new Poisson(2.5)).Value, 1e-15);
        Assert.Equal(double.PositiveInfinity, ClosedFormDivergence.TryKullbackLeibler(new Poisson(2.5), zero));
        var reverse = NumericalDivergence.KullbackLeibler(new Poisson(2.5), zero);
        Assert.Equal(double.PositiveInfinity, reverse.Value);
        Assert.Equal(1, reverse.InfiniteOn!.Value.Lower);
        Assert.Equal(0.0, ClosedFormDivergence.TryKullbackLeibler(zero, new ZeroRatePoisson()));
        // Against another family, by summation: D(δ₀‖Geometric failures(p = ½)) = ln 2.
        Assert.Equal(Math.Log(2), NumericalDivergence.KullbackLeibler(zero, new NegativeBinomial(1, 0.5)).Value, 1e-15);
    }
}
