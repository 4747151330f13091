using Kullback.Continuous;
using MathNet.Numerics.Distributions;

namespace Kullback.Tests;

/// <summary>
/// The numerical divergence at the adversarial review's cases, with support and tail reasoning, and its evaluation
/// budget: the right number within its error estimate, +∞ with the reason, or NotComputableException — never NaN.
/// </summary>
public class NumericalDivergenceTests
{
    private static void AssertWithinEstimate(double expected, IntegralEstimate estimate, double maximumRelativeError)
    {
        Assert.True(Math.Abs(estimate.Value - expected) <= estimate.ErrorEstimate,
            $"{estimate.Value:R} ± {estimate.ErrorEstimate:E2} does not contain {expected:R}");
        Assert.True(estimate.ErrorEstimate <= maximumRelativeError * Math.Abs(expected), $"error estimate {estimate.ErrorEstimate:E2} too large");
    }

    [Fact]
    public void A_normal_narrower_than_any_scale_is_integrated_in_its_own_coordinates()
    {
        // The review: the closed form gave ∞/NaN/−∞ and quadrature 690.2323 (truth ln(1e300) − ½ = 690.2755…).
        const double truth = 690.2755278982137052579;
        Assert.Equal(truth, ClosedFormDivergence.KullbackLeibler(new Normal(0, 1e-300), new Normal(0, 1)), 1e-12 * truth);
        AssertWithinEstimate(truth, NumericalDivergence.KullbackLeibler(new Normal(0, 1e-300), new Normal(0, 1)), 1e-11);
    }

    [Fact]
    public void Mass_at_1e304_is_found_in_log_coordinates()
    {
        // lognormal(700, 1) ‖ exponential(1) = e^700.5 − 700 − ½ ln(2πe); the review got 5.16e303.
        const double truth = 1.67218596206749855724e304;
        AssertWithinEstimate(truth, NumericalDivergence.KullbackLeibler(new LogNormal(700, 1), new Exponential(1)), 1e-10);
    }

    [Fact]
    public void Mass_beyond_the_largest_double_is_reported_not_guessed()
    {
        // exponential(1e-308) puts e^(−1.8) = 17% of its mass above 1.8e308: no quadrature can see it. The closed form can.
        var e = Assert.Throws<NotComputableException>(() => NumericalDivergence.KullbackLeibler(new Exponential(1e-308), new Gamma(2, 1)));
        Assert.Contains("above the largest double", e.Reason, StringComparison.Ordinal);
        var c = ContinuousReferenceCase.Named("review-exponential-tiny-rate-vs-gamma", "kl");
        Assert.Equal(c.ExpectedValue, ClosedFormDivergence.TryKullbackLeibler(new Exponential(1e-308), new Gamma(2, 1))!.Value, 1e-12 * c.ExpectedValue);
    }

    [Fact]
    public void A_beta_whose_mass_no_double_can_reach_gives_up_within_its_budget()
    {
        // The review: beta(1e-300, 1e-300) ran 63 s and the methods disagreed. Its mass lies below 1e-308 and within 1e-16 of 1.
        int evaluations = 0;
        var p = Density.Of(new Beta(1e-300, 1e-300));
        var counted = p with { LogDensity = x => { evaluations++; return p.LogDensity(x); } };
        var e = Assert.Throws<NotComputableException>(() => NumericalDivergence.KullbackLeibler(counted, Density.Of(new Beta(2, 2))));
        Assert.Contains("no double can reach", e.Reason, StringComparison.Ordinal);
        Assert.InRange(evaluations, 0, NumericalDivergence.EvaluationBudget);
        // The closed form has the answer: 2e300 nats.
        var c = ContinuousReferenceCase.Named("review-beta-tiny", "kl");
        Assert.Equal(c.ExpectedValue, ClosedFormDivergence.KullbackLeibler(new Beta(1e-300, 1e-300), new Beta(2, 2)), 1e-12 * c.ExpectedValue);
    }

    [Fact]
    public void A_beta_narrower_than_the_spacing_of_doubles_is_refused()
    {
        // beta(1e300, 1e300) has its mass within 3.5e-151 of ½; the review's quadrature returned 0 (truth 344.6).
        var e = Assert.Throws<NotComputableException>(() => NumericalDivergence.KullbackLeibler(new Beta(1e300, 1e300), new Beta(2, 2)));
        Assert.Contains("cannot resolve", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_integrand_that_needs_more_than_the_budget_stops_with_an_explanation()
    {
        // 10⁵ periods of 1 + 0.9 sin(2π·10⁵x) on [0, 1]: resolving them needs far more than the budget.
        int evaluations = 0;
        var wiggly = new Density(x => { evaluations++; return Math.Log(1 + 0.9 * Math.Sin(2 * Math.PI * 1e5 * x)); }, 0, 1);
        var uniform = Density.Of(new ContinuousUniform(0, 1));
        Assert.Throws<NotComputableException>(() => NumericalDivergence.KullbackLeibler(wiggly, uniform));
        Assert.InRange(evaluations, 1, NumericalDivergence.EvaluationBudget);
    }

    [Fact]
    public void Supports_that_differ_give_infinity_and_name_the_region()
    {
        var normalVsExponential = NumericalDivergence.KullbackLeibler(new Normal(0, 1), new Exponential(1));
        Assert.Equal(double.PositiveInfinity, normalVsExponential.Value);
        Assert.Equal(new SupportInterval(double.NegativeInfinity, 0, LowerClosed: true), normalVsExponential.InfiniteOn);
        Assert.Equal("P has mass on (−∞, 0), where Q = exponential(λ = 1) has none", normalVsExponential.InfiniteBecause);

        var exponentialVsPareto = NumericalDivergence.KullbackLeibler(new Exponential(1), new Pareto(1, 2));
        Assert.Equal("[0, 1)", exponentialVsPareto.InfiniteOn.ToString());

        var normalVsPareto = NumericalDivergence.KullbackLeibler(new Normal(5, 1), new Pareto(1, 2));
        Assert.Equal("(−∞, 1)", normalVsPareto.InfiniteOn.ToString());

        var wide = NumericalDivergence.KullbackLeibler(new ContinuousUniform(0, 2), new ContinuousUniform(0, 1));
        Assert.Equal("(1, 2]", wide.InfiniteOn.ToString());

        var betaVsUniform = NumericalDivergence.KullbackLeibler(new Beta(2, 3), new ContinuousUniform(0.5, 1));
        Assert.Equal("[0, 0.5)", betaVsUniform.InfiniteOn.ToString());

        var gammaVsPareto = NumericalDivergence.KullbackLeibler(new Gamma(3, 1), new Pareto(2, 1));
        Assert.Equal(double.PositiveInfinity, gammaVsPareto.Value);

        var binomials = NumericalDivergence.KullbackLeibler(new Binomial(0.5, 10), new Binomial(0.5, 5));
        Assert.Equal("[6, 10]", binomials.InfiniteOn.ToString());
        Assert.Contains("k ∈ [6, 10]", binomials.InfiniteBecause, StringComparison.Ordinal);

        var poissonVsBinomial = NumericalDivergence.KullbackLeibler(new Poisson(2), new Binomial(0.5, 5));
        Assert.Equal(6, poissonVsBinomial.InfiniteOn!.Value.Lower);

        // The reverse directions are finite: Q's wider support is no problem.
        Assert.True(double.IsFinite(NumericalDivergence.KullbackLeibler(new Exponential(1), new Normal(0, 1)).Value));
        Assert.True(double.IsFinite(NumericalDivergence.KullbackLeibler(new Pareto(1, 2), new Exponential(1)).Value));
    }

    [Fact]
    public void A_density_that_vanishes_inside_its_declared_support_is_found()
    {
        var half = Density.FromPdf(x => x < 0.5 ? 2 : 0, 0, 1);
        var d = NumericalDivergence.KullbackLeibler(Density.Of(new ContinuousUniform(0, 1)), half);
        Assert.Equal(double.PositiveInfinity, d.Value);
        Assert.Contains("density 0", d.InfiniteBecause, StringComparison.Ordinal);
        Assert.True(d.InfiniteOn!.Value.Lower >= 0.5);
    }

    [Fact]
    public void Heavy_tails_against_light_ones_are_infinite_exactly_when_the_moment_is()
    {
        // Pareto(xm, α) against a normal needs E[X²] < ∞ (α > 2), against an exponential or gamma E[X] < ∞ (α > 1).
        var paretoNormal = NumericalDivergence.KullbackLeibler(new Pareto(1, 2), new Normal(0, 1));
        Assert.Equal(double.PositiveInfinity, paretoNormal.Value);
        Assert.Contains("no moment of order 2", paretoNormal.InfiniteBecause, StringComparison.Ordinal);
        Assert.Equal(double.PositiveInfinity, NumericalDivergence.KullbackLeibler(new Pareto(1, 1), new Exponential(1)).Value);
        Assert.Equal(double.PositiveInfinity, NumericalDivergence.KullbackLeibler(new Pareto(1, 0.5), new Gamma(2, 1)).Value);
        Assert.Equal(double.PositiveInfinity, NumericalDivergence.KullbackLeibler(new Cauchy(0, 1), new Laplace(0, 1)).Value);

        // Finite ones, against their closed values: E_P[x]·λ − h(P) and E_P[x²]/2 + ½ ln 2π − h(P).
        AssertWithinEstimate(0.5 + Math.Log(2), NumericalDivergence.KullbackLeibler(new Pareto(1, 2), new Exponential(1)), 1e-11);
        AssertWithinEstimate(2.1842174885394490998, NumericalDivergence.KullbackLeibler(new Pareto(1, 3), new Normal(0, 1)), 1e-11);
        Assert.True(double.IsFinite(NumericalDivergence.KullbackLeibler(new Pareto(1, 0.5), new LogNormal(0, 1)).Value));
    }

    [Fact]
    public void Identical_distributions_give_exactly_zero_numerically()
    {
        Assert.Equal(0.0, NumericalDivergence.KullbackLeibler(new Beta(2, 2), new Beta(2, 2)).Value);
        Assert.Equal(0.0, NumericalDivergence.KullbackLeibler(new Normal(3, 1e-200), new Normal(3, 1e-200)).Value);
        Assert.Equal(0.0, NumericalDivergence.KullbackLeibler(new Gamma(0.3, 1e100), new Gamma(0.3, 1e100)).Value);
        Assert.Equal(0.0, NumericalDivergence.KullbackLeibler(new Poisson(40), new Poisson(40)).Value);
    }

    [Fact]
    public void Mass_within_1e_16_of_a_beta_upper_end_is_reached_through_symmetry()
    {
        // beta(0.5, 0.5) has 1e-8 of its mass within 2e-16 of 1, where x itself cannot be told from 1.
        var h = NumericalDivergence.Entropy(new Beta(0.5, 0.5));
        double closed = ClosedFormEntropy.Of(new Beta(0.5, 0.5));
        Assert.True(Math.Abs(h.Value - closed) <= h.ErrorEstimate, $"{h.Value:R} ± {h.ErrorEstimate:E2} against {closed:R}");
        var d = NumericalDivergence.KullbackLeibler(new Beta(0.3, 0.2), new Beta(0.5, 0.5));
        double closedD = ClosedFormDivergence.KullbackLeibler(new Beta(0.3, 0.2), new Beta(0.5, 0.5));
        Assert.True(Math.Abs(d.Value - closedD) <= d.ErrorEstimate, $"{d.Value:R} ± {d.ErrorEstimate:E2} against {closedD:R}");
    }

    [Fact]
    public void Discrete_sums_keep_their_digits_at_large_parameters_or_say_they_cannot()
    {
        // binomial(10⁹, 0.3): 1.2 million outcomes carry the mass; MathNet's log-probabilities lose 1e-7 there.
        var p = new Binomial(0.3, 1_000_000_000);
        var q = new Binomial(0.3000003, 1_000_000_000);
        var summed = NumericalDivergence.KullbackLeibler(p, q);
        double closed = ClosedFormDivergence.KullbackLeibler(p, q);
        Assert.True(Math.Abs(summed.Value - closed) <= 1e-9 * closed, $"{summed.Value:R} against {closed:R}");
        var e = Assert.Throws<NotComputableException>(() => NumericalDivergence.KullbackLeibler(new Poisson(1e300), new Poisson(2e300)));
        Assert.Contains("beyond the outcomes a sum can reach", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_entropies_the_review_found_wrong_are_right()
    {
        // Before: beta(2, 1e20), beta(1e50, 1e50) and gamma(1e18) gave 0; binomial(1e9, 0.3) took 273 s with 1e-11 error;
        // poisson(1e300) ended in "p is all zeros"; gamma(1e308, 1) gave NaN.
        foreach (var (name, d) in new (string, IUnivariateDistribution)[]
        {
            ("review-beta-2-1e20", new Beta(2, 1e20)), ("review-beta-1e50", new Beta(1e50, 1e50)), ("review-gamma-1e18", new Gamma(1e18, 1)),
            ("review-binomial-1e9", new Binomial(0.3, 1_000_000_000)), ("review-poisson-1e300", new Poisson(1e300)),
            ("review-gamma-huge-shape", new Gamma(1e308, 1)),
        })
        {
            double expected = ContinuousReferenceCase.Named(name, "entropy").ExpectedValue;
            Assert.Equal(expected, ClosedFormEntropy.TryOf(d)!.Value, 1e-12 * Math.Abs(expected));
        }
    }

    [Fact]
    public void Invalid_parameters_are_refused_with_a_readable_reason()
    {
        var sigma = Assert.Throws<InvalidArgumentException>(() => ClosedFormDivergence.KullbackLeibler(new Normal(0, 0), new Normal(0, 1)));
        Assert.Equal("p", sigma.ParamName);
        Assert.Equal("P's σ = 0 is not valid: the normal needs a finite σ > 0.", sigma.Reason);
        var rate = Assert.Throws<InvalidArgumentException>(() => ClosedFormEntropy.Of(new Exponential(double.PositiveInfinity)));
        Assert.Contains("rate λ = Infinity", rate.Reason, StringComparison.Ordinal);
        var mean = Assert.Throws<InvalidArgumentException>(() => ClosedFormDivergence.KullbackLeibler(new Normal(0, 1), new Normal(double.PositiveInfinity, 1)));
        Assert.Equal("q", mean.ParamName);
        Assert.Contains("μ = Infinity", mean.Reason, StringComparison.Ordinal);
        Assert.Throws<InvalidArgumentException>(() => ClosedFormEntropy.Of(new Gamma(0, 1)));
        Assert.Throws<InvalidArgumentException>(() => NumericalDivergence.KullbackLeibler(new Density(_ => 0, 2, 1), Density.Of(new Normal(0, 1))));
    }

    [Fact]
    public void A_value_beyond_the_largest_double_is_an_exception_not_infinity()
    {
        var e = Assert.Throws<NotComputableException>(() => ClosedFormDivergence.KullbackLeibler(new Normal(0, 1e300), new Normal(0, 1e-300)));
        Assert.Contains("exceeds the largest double", e.Reason, StringComparison.Ordinal);
    }
}
