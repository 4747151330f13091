using Kullback.Continuous;
using MathNet.Numerics.Distributions;

namespace Kullback.Tests;

/// <summary>Closed forms against numerical integration (or summation), entropies, and infinite divergences.</summary>
public class ContinuousTests
{
    public static TheoryData<string, IUnivariateDistribution, IUnivariateDistribution> Pairs() => new()
    {
        { "normal", new Normal(0, 1), new Normal(1, 2) },
        { "normal-near", new Normal(0.3, 1.7), new Normal(0.3001, 1.7002) },
        { "normal-narrow", new Normal(5, 0.01), new Normal(4.9, 0.5) },
        { "lognormal", new LogNormal(0.2, 0.5), new LogNormal(-0.1, 0.8) },
        { "exponential", new Exponential(2), new Exponential(0.7) },
        { "gamma", new Gamma(2.5, 1.5), new Gamma(4, 0.8) },
        { "gamma-singular", new Gamma(0.6, 1.0), new Gamma(0.9, 2.0) },
        { "beta", new Beta(2, 5), new Beta(3, 3) },
        { "beta-singular", new Beta(0.7, 1.5), new Beta(1.2, 0.9) },
        { "laplace", new Laplace(0, 1), new Laplace(0.5, 2) },
        { "uniform", new ContinuousUniform(0.2, 0.7), new ContinuousUniform(0, 1) },
        { "poisson", new Poisson(3.2), new Poisson(5.5) },
        { "binomial", new Binomial(0.3, 20), new Binomial(0.45, 20) },
        { "geometric", new Geometric(0.3), new Geometric(0.5) },
        { "geometric-failures", new NegativeBinomial(1, 0.3), new NegativeBinomial(1, 0.5) },
        { "negative-binomial-same-r", new NegativeBinomial(2.5, 0.4), new NegativeBinomial(2.5, 0.25) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Closed_form_agrees_with_numerical_integration_to_1e_9(string name, IUnivariateDistribution p, IUnivariateDistribution q)
    {
        double closed = ClosedFormDivergence.TryKullbackLeibler(p, q) ?? throw new InvalidOperationException("no closed form");
        var numerical = p is IContinuousDistribution cp
            ? NumericalDivergence.KullbackLeibler(cp, (IContinuousDistribution)q)
            : NumericalDivergence.KullbackLeibler((IDiscreteDistribution)p, (IDiscreteDistribution)q);
        Assert.True(Math.Abs(closed - numerical.Value) <= 1e-9 * Math.Abs(closed) + 1e-15,
            $"{name}: closed {closed:R}, numerical {numerical.Value:R} ± {numerical.ErrorEstimate:E1}");
        Assert.True(numerical.ErrorEstimate < 1e-6 * Math.Max(closed, 1e-9) + 1e-14, $"{name}: error estimate {numerical.ErrorEstimate:E1}");
        // And reversed.
        double back = ClosedFormDivergence.TryKullbackLeibler(q, p)!.Value;
        if (double.IsFinite(back))
        {
            var numericalBack = q is IContinuousDistribution cq
                ? NumericalDivergence.KullbackLeibler(cq, (IContinuousDistribution)p)
                : NumericalDivergence.KullbackLeibler((IDiscreteDistribution)q, (IDiscreteDistribution)p);
            Assert.True(Math.Abs(back - numericalBack.Value) <= 1e-9 * back + 1e-15, $"{name} reversed: {back:R} vs {numericalBack.Value:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Entropy_in_closed_form_agrees_with_integration(string name, IUnivariateDistribution p, IUnivariateDistribution q)
    {
        _ = q;
        double closed = ClosedFormEntropy.TryOf(p)!.Value;
        double numerical = p is IContinuousDistribution cp
            ? NumericalDivergence.Entropy(cp).Value
            : -Enumerable.Range(0, 2000).Select(k => ((IDiscreteDistribution)p).Probability(k)).Where(x => x > 0).Sum(x => x * Math.Log(x));
        Assert.True(Math.Abs(closed - numerical) <= 1e-9 * Math.Abs(closed) + 1e-12, $"{name}: closed {closed:R}, numerical {numerical:R}");
    }

    [Fact]
    public void Divergence_is_infinite_where_Q_has_no_mass_and_zero_for_identical_distributions()
    {
        Assert.Equal(double.PositiveInfinity, ClosedFormDivergence.KullbackLeibler(new ContinuousUniform(0, 1), new ContinuousUniform(0.5, 2)));
        Assert.Equal(double.PositiveInfinity, NumericalDivergence.KullbackLeibler(new ContinuousUniform(0, 1), new ContinuousUniform(0.5, 2)).Value);
        Assert.Equal(double.PositiveInfinity, NumericalDivergence.KullbackLeibler(new Normal(0, 1), new Exponential(1)).Value);
        Assert.Equal(double.PositiveInfinity, NumericalDivergence.KullbackLeibler(new Binomial(0.5, 10), new Binomial(0.5, 5)).Value);
        Assert.Equal(0.0, ClosedFormDivergence.KullbackLeibler(new Normal(2, 3), new Normal(2, 3)));
        Assert.Equal(0.0, ClosedFormDivergence.KullbackLeibler(new Gamma(2, 3), new Gamma(2, 3)));
        Assert.Equal(0.0, ClosedFormDivergence.KullbackLeibler(new Poisson(4), new Poisson(4)));
        Assert.True(NumericalDivergence.KullbackLeibler(new Beta(2, 2), new Beta(2, 2)).Value < 1e-14);
    }

    [Fact]
    public void Near_identical_normals_keep_their_digits()
    {
        // D = ½(t − ln(1 + t)) + … with t = σp²/σq² − 1 tiny: the textbook form loses every digit here.
        var p = new Normal(0, 1);
        var q = new Normal(1e-9, 1 + 1e-9);
        double expected = 0.5 * ((1 / ((1 + 1e-9) * (1 + 1e-9)) - 1) - Math.Log(1 / ((1 + 1e-9) * (1 + 1e-9)))) + 1e-18 / (2 * (1 + 1e-9) * (1 + 1e-9));
        Assert.Equal(1.5e-18, ClosedFormDivergence.KullbackLeibler(p, q), 1e-23);
        _ = expected;
    }

    [Fact]
    public void User_densities_given_as_functions_are_integrated()
    {
        // A triangular density on [0, 2] against the uniform on [0, 2]: ∫ p ln(p/q) = ln 2 − ½.
        var triangle = Density.FromPdf(x => x <= 1 ? x : 2 - x, 0, 2);
        var uniform = Density.FromPdf(_ => 0.5, 0, 2);
        var d = NumericalDivergence.KullbackLeibler(triangle, uniform);
        Assert.Equal(Math.Log(2) - 0.5, d.Value, 1e-9);
        Assert.Equal(double.PositiveInfinity, NumericalDivergence.KullbackLeibler(uniform, Density.FromPdf(_ => 1, 0, 1)).Value);
        Assert.Throws<InvalidArgumentException>(() => NumericalDivergence.KullbackLeibler(new Density(_ => 0, 1, 1), uniform));
    }

    [Fact]
    public void Binomials_with_different_n_have_no_closed_form()
    {
        Assert.Null(ClosedFormDivergence.TryKullbackLeibler(new Binomial(0.5, 10), new Binomial(0.5, 12)));
        Assert.Null(ClosedFormDivergence.TryKullbackLeibler(new Normal(0, 1), new Laplace(0, 1)));
        Assert.Throws<InvalidArgumentException>(() => ClosedFormDivergence.KullbackLeibler(new Binomial(0.5, 10), new Binomial(0.5, 12)));
    }
}
