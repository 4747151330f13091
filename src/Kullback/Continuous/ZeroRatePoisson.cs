using MathNet.Numerics.Distributions;

namespace Kullback.Continuous;

/// <summary>
/// The Poisson distribution of rate λ = 0: all its mass at k = 0 (the limit of Poisson(λ) as λ → 0, and what a fit to data
/// that are all 0 gives). MathNet's <see cref="Poisson"/> refuses λ = 0; <c>poisson(0)</c> in a distribution spec is this.
/// </summary>
/// <remarks>
/// Entropy 0; D(Poisson(0)‖Poisson(λ)) = λ (the relative-entropy term 0·ln(0/λ) + λ − 0); D(Poisson(λ)‖Poisson(0)) = +∞
/// for λ &gt; 0, P having mass on k ≥ 1 where this has none.
/// </remarks>
public sealed class ZeroRatePoisson : IDiscreteDistribution
{
    /// <summary>The rate, 0.</summary>
    public static double Lambda => 0;

    /// <inheritdoc/>
    public System.Random RandomSource { get; set; } = System.Random.Shared;

    /// <inheritdoc/>
    public double Mean => 0;

    /// <inheritdoc/>
    public double Variance => 0;

    /// <inheritdoc/>
    public double StdDev => 0;

    /// <inheritdoc/>
    public double Entropy => 0;

    /// <summary>Undefined for a point mass (0/0): NaN, as MathNet gives for a distribution without it.</summary>
    public double Skewness => double.NaN;

    /// <inheritdoc/>
    public double Median => 0;

    /// <inheritdoc/>
    public int Mode => 0;

    /// <inheritdoc/>
    public int Minimum => 0;

    /// <inheritdoc/>
    public int Maximum => 0;

    /// <summary>1 at k = 0, else 0.</summary>
    /// <param name="k">The outcome.</param>
    public double Probability(int k) => k == 0 ? 1 : 0;

    /// <summary>0 at k = 0, else −∞.</summary>
    /// <param name="k">The outcome.</param>
    public double ProbabilityLn(int k) => k == 0 ? 0 : double.NegativeInfinity;

    /// <summary>0 below 0, 1 from 0 on.</summary>
    /// <param name="x">The point.</param>
    public double CumulativeDistribution(double x) => x < 0 ? 0 : 1;

    /// <summary>Always 0.</summary>
    public int Sample() => 0;

    /// <summary>Fills <paramref name="values"/> with 0.</summary>
    /// <param name="values">The array to fill.</param>
    public void Samples(int[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Array.Clear(values);
    }

    /// <summary>An endless sequence of 0.</summary>
    public IEnumerable<int> Samples()
    {
        while (true) yield return 0;
    }

    /// <summary><c>poisson(λ = 0)</c>.</summary>
    public override string ToString() => "poisson(λ = 0)";
}
