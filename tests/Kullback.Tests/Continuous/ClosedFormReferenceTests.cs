using System.Globalization;
using Kullback.Continuous;

namespace Kullback.Tests;

/// <summary>
/// Closed-form divergences and entropies against the 50-digit mpmath references of <c>Data/continuous-cases.json</c>, at
/// 1e-12 relative: the extremes of every parameter, near-equal pairs, the adversarial review's cases and ordinary points.
/// </summary>
public class ClosedFormReferenceTests
{
    /// <summary>The promised accuracy: every closed form within 1e-12 of the reference, relative.</summary>
    private const double Tolerance = 1e-12;

    /// <summary>
    /// The one stated exception: a beta whose shapes differ by more than 1e8 in both P and Q (beta(1e8, 1e-8) against
    /// beta(2, 1e-8)). There B_S(a) − B_S(a + b), the Stirling remainders at a and at a + b ≈ a, cancel, and the
    /// divergence (of the order of the small shape) is accurate to 1e-16 absolute rather than 1e-12 relative.
    /// </summary>
    private const double MixedBetaAbsoluteTolerance = 1e-16;

    public static TheoryData<string> Divergences() => ContinuousReferenceCase.Names("kl");

    public static TheoryData<string> Entropies() => ContinuousReferenceCase.Names("entropy");

    [Theory]
    [MemberData(nameof(Divergences))]
    public void Divergence_matches_the_reference(string name)
    {
        var c = ContinuousReferenceCase.Named(name, "kl");
        double Compute() => c.IsMultivariate
            ? MultivariateNormal.KullbackLeibler(c.MultivariateP, c.MultivariateQ)
            : ClosedFormDivergence.TryKullbackLeibler(c.DistributionP, c.DistributionQ) ?? throw new InvalidOperationException("no closed form");
        AssertMatches(c, Compute);
    }

    [Theory]
    [MemberData(nameof(Entropies))]
    public void Entropy_matches_the_reference(string name)
    {
        var c = ContinuousReferenceCase.Named(name, "entropy");
        double Compute() => c.IsMultivariate
            ? c.MultivariateP.Entropy
            : ClosedFormEntropy.TryOf(c.DistributionP) ?? throw new InvalidOperationException("no closed form");
        AssertMatches(c, Compute);
    }

    [Fact]
    public void The_exponential_is_the_gamma_of_shape_one()
    {
        // The review's exponential(1e-308) ‖ gamma(2, 1): 1e308 − 1418.8… nats (the numerical method gave 2.6e307).
        var c = ContinuousReferenceCase.Named("review-exponential-tiny-rate-vs-gamma", "kl");
        double value = ClosedFormDivergence.TryKullbackLeibler(new MathNet.Numerics.Distributions.Exponential(1e-308), new MathNet.Numerics.Distributions.Gamma(2, 1))!.Value;
        Assert.Equal(c.ExpectedValue, value, Tolerance * c.ExpectedValue);
    }

    private static void AssertMatches(ContinuousReferenceCase c, Func<double> compute)
    {
        if (c.Overflows)
        {
            var e = Assert.Throws<NotComputableException>(() => compute());
            Assert.Contains("exceeds the largest double", e.Reason, StringComparison.Ordinal);
            return;
        }
        double expected = c.ExpectedValue, actual = compute();
        if (double.IsPositiveInfinity(expected) || expected == 0)
        {
            Assert.Equal(expected, actual);
            return;
        }
        double relative = Math.Abs(actual - expected) / Math.Abs(expected);
        double allowed = c.Name.StartsWith("beta-mixed", StringComparison.Ordinal) ? Tolerance + MixedBetaAbsoluteTolerance / Math.Abs(expected) : Tolerance;
        Assert.True(relative <= allowed,
            string.Create(CultureInfo.InvariantCulture, $"{c.Name}: {actual:R} against {c.Expected} (relative error {relative:E2})"));
    }
}
