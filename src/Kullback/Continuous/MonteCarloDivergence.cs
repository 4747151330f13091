using MathNet.Numerics.Distributions;

namespace Kullback.Continuous;

/// <summary>
/// D(P‖Q) = E_P[ln p(X) − ln q(X)] estimated from draws of P, with its standard error: for when integration is
/// impractical (many dimensions). Reproducible: the caller's seed decides the draws.
/// </summary>
public static class MonteCarloDivergence
{
    /// <summary>The estimate from <paramref name="samples"/> draws of a sampler with log densities of P and Q.</summary>
    /// <param name="sampleP">Draws one point from P.</param>
    /// <param name="logDensityP">ln p(x).</param>
    /// <param name="logDensityQ">ln q(x); −∞ where q = 0 makes the estimate +∞.</param>
    /// <param name="samples">How many draws, at least 2.</param>
    /// <param name="seed">The seed of the random source.</param>
    public static MonteCarloEstimate KullbackLeibler<T>(Func<Random, T> sampleP, Func<T, double> logDensityP, Func<T, double> logDensityQ, int samples, int seed)
    {
        ArgumentNullException.ThrowIfNull(sampleP);
        if (samples < 2) throw new InvalidArgumentException("At least 2 samples are needed for a standard error.", nameof(samples));
        var random = new Random(seed);
        double mean = 0, m2 = 0;   // Welford
        for (int i = 1; i <= samples; i++)
        {
            T x = sampleP(random);
            double lq = logDensityQ(x);
            if (double.IsNegativeInfinity(lq)) return new MonteCarloEstimate(double.PositiveInfinity, 0, i);
            double term = logDensityP(x) - lq;
            double delta = term - mean;
            mean += delta / i;
            m2 += delta * (term - mean);
        }
        return new MonteCarloEstimate(mean, Math.Sqrt(m2 / (samples - 1) / samples), samples);
    }

    /// <summary>The estimate for two univariate MathNet.Numerics distributions (P's random source is restored afterwards).</summary>
    public static MonteCarloEstimate KullbackLeibler(IContinuousDistribution p, IContinuousDistribution q, int samples, int seed)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var original = p.RandomSource;
        try
        {
            return KullbackLeibler(r =>
            {
                if (!ReferenceEquals(p.RandomSource, r)) p.RandomSource = r;
                return p.Sample();
            }, Density.LogDensityOf(p), Density.LogDensityOf(q), samples, seed);
        }
        finally
        {
            p.RandomSource = original;
        }
    }

    /// <summary>The estimate for two multivariate normals (the closed form exists; this is for checking and illustration).</summary>
    public static MonteCarloEstimate KullbackLeibler(MultivariateNormal p, MultivariateNormal q, int samples, int seed) =>
        KullbackLeibler(p.Sample, x => p.LogDensity(x), x => q.LogDensity(x), samples, seed);
}
