namespace Kullback.Continuous;

/// <summary>A probability density given as a function: its logarithm and the interval where it is positive.</summary>
/// <param name="LogDensity">ln p(x); −∞ where p(x) = 0.</param>
/// <param name="Lower">The lower end of the support (may be −∞).</param>
/// <param name="Upper">The upper end of the support (may be +∞).</param>
public sealed record Density(Func<double, double> LogDensity, double Lower, double Upper)
{
    /// <summary>The density of a MathNet.Numerics continuous distribution.</summary>
    /// <remarks>Outside the distribution's declared support the density is 0 (some MathNet densities, such as the exponential's, do not say so themselves).</remarks>
    public static Density Of(MathNet.Numerics.Distributions.IContinuousDistribution distribution) =>
        new(LogDensityOf(distribution), distribution.Minimum, distribution.Maximum);

    /// <summary>ln p(x) of a MathNet distribution, −∞ outside its support.</summary>
    internal static Func<double, double> LogDensityOf(MathNet.Numerics.Distributions.IContinuousDistribution d) =>
        x => x < d.Minimum || x > d.Maximum ? double.NegativeInfinity : d.DensityLn(x);

    /// <summary>A density from p(x) itself rather than its logarithm.</summary>
    public static Density FromPdf(Func<double, double> pdf, double lower, double upper) => new(x => Math.Log(pdf(x)), lower, upper);
}
