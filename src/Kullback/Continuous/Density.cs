namespace Kullback.Continuous;

/// <summary>A probability density given as a function: its logarithm and the interval where it is positive.</summary>
/// <param name="LogDensity">ln p(x); −∞ where p(x) = 0.</param>
/// <param name="Lower">The lower end of the support (may be −∞).</param>
/// <param name="Upper">The upper end of the support (may be +∞).</param>
/// <remarks>
/// The density must integrate to 1 over [Lower, Upper]; the quadrature checks that it finds all of that mass and says
/// so when it cannot. <see cref="Center"/> and <see cref="Scale"/> tell it where the mass is (without them it starts
/// from the middle of the support, or 0, on a scale of 1, and looks outwards over many orders of magnitude).
/// </remarks>
public sealed record Density(Func<double, double> LogDensity, double Lower, double Upper)
{
    /// <summary>A point near the bulk of the mass (a median, mode or mean), if known.</summary>
    public double? Center { get; init; }

    /// <summary>The width of the bulk of the mass (a standard deviation or interquartile range), if known.</summary>
    public double? Scale { get; init; }

    /// <summary>The cumulative distribution function, if known: used to measure mass that no double can reach.</summary>
    public Func<double, double>? Cdf { get; init; }

    /// <summary>A name for messages, such as "exponential(λ = 1)".</summary>
    public string? Name { get; init; }

    /// <summary>The MathNet distribution this density came from, if any (for reasoning about its tails).</summary>
    internal object? Source { get; init; }

    /// <summary>ln p(Upper − y) from y itself, when known (the beta's, by symmetry): reaches mass within 1e-16 of the upper end.</summary>
    internal Func<double, double>? LogDensityBelowUpper { get; init; }

    /// <summary>The density of a MathNet.Numerics continuous distribution, with its median, spread, CDF and name.</summary>
    /// <remarks>Outside the distribution's declared support the density is 0 (some MathNet densities, such as the exponential's, do not say so themselves).</remarks>
    public static Density Of(MathNet.Numerics.Distributions.IContinuousDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return new(LogDensityOf(distribution), distribution.Minimum, distribution.Maximum)
        {
            Center = DistributionHints.Center(distribution),
            Scale = DistributionHints.Scale(distribution),
            Cdf = distribution.CumulativeDistribution,
            Name = FamilyParameters.Describe(distribution),
            Source = distribution,
            LogDensityBelowUpper = distribution is MathNet.Numerics.Distributions.Beta beta
                ? new MathNet.Numerics.Distributions.Beta(beta.B, beta.A).DensityLn
                : null,
        };
    }

    /// <summary>ln p(x) of a MathNet distribution, −∞ outside its support.</summary>
    internal static Func<double, double> LogDensityOf(MathNet.Numerics.Distributions.IContinuousDistribution d) =>
        x => x < d.Minimum || x > d.Maximum ? double.NegativeInfinity : d.DensityLn(x);

    /// <summary>A density from p(x) itself rather than its logarithm.</summary>
    public static Density FromPdf(Func<double, double> pdf, double lower, double upper)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        return new(x => Math.Log(pdf(x)), lower, upper);
    }
}
