namespace Kullback.Continuous;

/// <summary>A probability density given as a function: its logarithm and the interval where it is positive.</summary>
/// <param name="LogDensity">ln p(x); −∞ where p(x) = 0.</param>
/// <param name="Lower">The lower end of the support (may be −∞).</param>
/// <param name="Upper">The upper end of the support (may be +∞).</param>
public sealed record Density(Func<double, double> LogDensity, double Lower, double Upper)
{
    /// <summary>The density of a MathNet.Numerics continuous distribution.</summary>
    public static Density Of(MathNet.Numerics.Distributions.IContinuousDistribution distribution) =>
        new(distribution.DensityLn, distribution.Minimum, distribution.Maximum);

    /// <summary>A density from p(x) itself rather than its logarithm.</summary>
    public static Density FromPdf(Func<double, double> pdf, double lower, double upper) => new(x => Math.Log(pdf(x)), lower, upper);
}
