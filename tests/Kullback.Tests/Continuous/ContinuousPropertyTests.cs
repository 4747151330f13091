using CsCheck;
using Kullback.Continuous;
using MathNet.Numerics.Distributions;

namespace Kullback.Tests;

/// <summary>
/// The mathematics of the continuous measures on random parameters drawn log-uniformly over wide ranges: D ≥ 0,
/// D(P‖P) = 0, closed form = quadrature within the quadrature's stated error, the entropy of a location-scale
/// family shifting by ln s, and D unchanged by a common change of variables.
/// </summary>
public class ContinuousPropertyTests
{
    /// <summary>10^u for u uniform in [lo, hi].</summary>
    private static Gen<double> LogUniform(double lo, double hi) => Gen.Double[lo, hi].Select(u => Math.Pow(10, u));

    /// <summary>Pairs of the same family with finite divergences, parameters spanning many orders of magnitude.</summary>
    private static readonly Gen<(IContinuousDistribution P, IContinuousDistribution Q)> Pairs = Gen.OneOf(
        Gen.Select(LogUniform(-50, 50), LogUniform(-1, 1), Gen.Double[-3, 3], Gen.Double[-3, 3])
            .Select((s, ratio, u, v) => ((IContinuousDistribution)new Normal(u * s, s), (IContinuousDistribution)new Normal(v * s, s * ratio))),
        Gen.Select(LogUniform(-1, 3), LogUniform(-1, 3), LogUniform(-50, 50), LogUniform(-1, 1))
            .Select((kp, kq, rate, ratio) => ((IContinuousDistribution)new Gamma(kp, rate), (IContinuousDistribution)new Gamma(kq, rate * ratio))),
        // Shapes from 0.5: a pole of Q stronger than (1 − x)^(−½) where P has none can exhaust the budget (see the report).
        Gen.Select(LogUniform(-0.3, 3), LogUniform(-0.3, 3), LogUniform(-0.3, 3), LogUniform(-0.3, 3))
            .Select((a, b, c, d) => ((IContinuousDistribution)new Beta(a, b), (IContinuousDistribution)new Beta(c, d))),
        Gen.Select(LogUniform(-50, 50), LogUniform(-1, 1), Gen.Double[-3, 3])
            .Select((b, ratio, u) => ((IContinuousDistribution)new Laplace(0, b), (IContinuousDistribution)new Laplace(u * b, b * ratio))),
        Gen.Select(Gen.Double[-100, 100], LogUniform(-2, 0.5), Gen.Double[-3, 3], LogUniform(-0.5, 0.5))
            .Select((mu, sigma, shift, ratio) => ((IContinuousDistribution)new LogNormal(mu, sigma), (IContinuousDistribution)new LogNormal(mu + shift * sigma, sigma * ratio))),
        Gen.Select(LogUniform(-100, 100), LogUniform(-1, 1))
            .Select((rate, ratio) => ((IContinuousDistribution)new Exponential(rate), (IContinuousDistribution)new Exponential(rate * ratio))),
        Gen.Select(LogUniform(-50, 50), LogUniform(-0.3, 1.5), LogUniform(0, 2), LogUniform(-0.3, 1.5))
            .Select((scale, ap, shrink, aq) => ((IContinuousDistribution)new Pareto(scale, ap), (IContinuousDistribution)new Pareto(scale / shrink, aq))));

    [Fact]
    public void Closed_form_equals_quadrature_within_the_stated_error() =>
        Pairs.Where(pair => ClosedFormDivergence.TryKullbackLeibler(pair.P, pair.Q) > 1e-6).Sample((p, q) =>
        {
            double closed = ClosedFormDivergence.TryKullbackLeibler(p, q)!.Value;
            var numerical = NumericalDivergence.KullbackLeibler(p, q);
            Assert.True(Math.Abs(closed - numerical.Value) <= numerical.ErrorEstimate + 2e-14 * closed,
                $"{FamilyParameters.Describe(p)} ‖ {FamilyParameters.Describe(q)}: closed {closed:R}, quadrature {numerical.Value:R} ± {numerical.ErrorEstimate:E2}");
            Assert.True(numerical.ErrorEstimate <= 1e-6 * closed, $"{FamilyParameters.Describe(p)} ‖ {FamilyParameters.Describe(q)}: error estimate {numerical.ErrorEstimate:E2} for {closed:R} ({numerical.Evaluations} evaluations)");
        }, iter: 150);

    [Fact]
    public void Divergence_is_non_negative_and_zero_exactly_for_identical_distributions() =>
        Pairs.Sample((p, q) =>
        {
            Assert.True(ClosedFormDivergence.TryKullbackLeibler(p, q) >= 0);
            Assert.True(ClosedFormDivergence.TryKullbackLeibler(q, p) >= 0);
            Assert.Equal(0.0, ClosedFormDivergence.TryKullbackLeibler(p, p));
            Assert.Equal(0.0, ClosedFormDivergence.TryKullbackLeibler(q, q));
        });

    [Fact]
    public void Discrete_closed_forms_are_non_negative_and_zero_for_identical_distributions() =>
        Gen.Select(LogUniform(-300, 300), LogUniform(-300, 0), Gen.Int[0, 1_000_000], LogUniform(-300, 300)).Sample((lambda, p, n, r) =>
        {
            double p2 = Math.Min(1, p * 1.5);
            Assert.True(ClosedFormDivergence.KullbackLeibler(new Poisson(lambda), new Poisson(lambda * 1.0001)) >= 0);
            Assert.Equal(0.0, ClosedFormDivergence.KullbackLeibler(new Poisson(lambda), new Poisson(lambda)));
            Assert.True(ClosedFormDivergence.KullbackLeibler(new Binomial(p, n), new Binomial(p2, n)) >= 0);
            Assert.Equal(0.0, ClosedFormDivergence.KullbackLeibler(new Binomial(p, n), new Binomial(p, n)));
            Assert.Equal(0.0, ClosedFormDivergence.KullbackLeibler(new NegativeBinomial(r, p), new NegativeBinomial(r, p)));
            Assert.True(ClosedFormDivergence.KullbackLeibler(new Geometric(p), new Geometric(p2)) >= 0);
        });

    [Fact]
    public void Entropy_of_a_location_scale_family_shifts_by_the_log_of_the_scale() =>
        Gen.Select(LogUniform(-100, 100), LogUniform(-100, 100), Gen.Double[-5, 5]).Sample((sigma, s, u) =>
        {
            double ln = Math.Log(s);
            double tolerance = 1e-15 * (Math.Abs(ln) + 700);
            Assert.Equal(ClosedFormEntropy.Of(new Normal(u * sigma, sigma)) + ln, ClosedFormEntropy.Of(new Normal(u * sigma * s, sigma * s)), tolerance);
            Assert.Equal(ClosedFormEntropy.Of(new Laplace(u * sigma, sigma)) + ln, ClosedFormEntropy.Of(new Laplace(u * sigma * s, sigma * s)), tolerance);
            Assert.Equal(ClosedFormEntropy.Of(new Gamma(sigma > 1 ? 2 : 0.5, 1 / sigma)) + ln, ClosedFormEntropy.Of(new Gamma(sigma > 1 ? 2 : 0.5, 1 / (sigma * s))), tolerance);
            // And numerically, where the quadrature works in the family's own coordinates.
            var h = NumericalDivergence.Entropy(new Normal(u * sigma * s, sigma * s));
            double expected = ClosedFormEntropy.Of(new Normal(u * sigma, sigma)) + ln;
            Assert.True(Math.Abs(h.Value - expected) <= h.ErrorEstimate + tolerance, $"{h.Value:R} ± {h.ErrorEstimate:E2} against {expected:R}");
        }, iter: 60);

    [Fact]
    public void Divergence_is_unchanged_by_a_common_change_of_variables() =>
        Gen.Select(Gen.Double[-50, 50], LogUniform(-2, 0.5), Gen.Double[-3, 3], LogUniform(-0.5, 0.5))
            .Where((mu, sigma, shift, ratio) => Math.Abs(shift) > 1e-3 || Math.Abs(ratio - 1) > 1e-3).Sample((mu, sigma, shift, ratio) =>
        {
            // X ↦ e^X takes normals to log-normals; X ↦ cX takes gammas to gammas with the rates divided by c.
            var normalP = new Normal(mu, sigma);
            var normalQ = new Normal(mu + shift * sigma, sigma * ratio);
            double d = ClosedFormDivergence.KullbackLeibler(normalP, normalQ);
            var logNormal = NumericalDivergence.KullbackLeibler(new LogNormal(mu, sigma), new LogNormal(mu + shift * sigma, sigma * ratio));
            Assert.True(Math.Abs(logNormal.Value - d) <= logNormal.ErrorEstimate + 2e-14 * d, $"{logNormal.Value:R} ± {logNormal.ErrorEstimate:E2} against {d:R}");
            double c = Math.Exp(mu / 10);
            double gamma = ClosedFormDivergence.KullbackLeibler(new Gamma(sigma + 0.5, ratio), new Gamma(2 * sigma + 0.1, 1));
            double scaled = ClosedFormDivergence.KullbackLeibler(new Gamma(sigma + 0.5, ratio / c), new Gamma(2 * sigma + 0.1, 1 / c));
            Assert.Equal(gamma, scaled, 1e-13 * gamma + 1e-300);
        }, iter: 60);
}
