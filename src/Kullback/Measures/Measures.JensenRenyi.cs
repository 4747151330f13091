using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// The Jensen–Rényi divergence of order α of k distributions with weights w: JR_α = H_α(Σ ŵₖ·p̂ₖ) − Σ ŵₖ·H_α(p̂ₖ), with
    /// H_α the <see cref="RenyiEntropy(ReadOnlySpan{double}, double, InformationUnit)"/> (He, Hamza and Krim 2003); α = 1 is the
    /// generalised Jensen–Shannon divergence.
    /// </summary>
    /// <param name="distributions">The distributions (probabilities or weights of any magnitude, each normalised exactly), all of one length.</param>
    /// <param name="alpha">The order, 0 ≤ α ≤ 1 (where H_α is concave, so that JR_α ≥ 0).</param>
    /// <param name="weights">One non-negative weight per distribution (normalised), or empty for equal weights.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>JR_α ≥ 0, exactly 0 when every distribution of positive weight is the same. JR₀ = log |supp m| − Σ ŵₖ·log |supp pₖ|.</returns>
    /// <remarks>
    /// With x = p̂ₖᵢ/m̂ᵢ − 1 from the exact differences and g(x) = ((1 + x)^α − 1 − αx)/(α − 1) ≥ 0, the divergence is
    /// Σᵢ m̂ᵢ^α·Σₖ ŵₖ·g(xₖᵢ)/Σ m̂^α + Σₖ ŵₖ·(yₖ − log1p yₖ)/(1 − α), yₖ = Σ p̂ₖ^α/Σ m̂^α − 1: both parts are sums of non-negative
    /// terms and insensitive, to first order, to the rounding of the mixture, so near-identical distributions keep their digits.
    /// </remarks>
    /// <exception cref="InvalidArgumentException">As for <see cref="GeneralizedJensenShannon(IReadOnlyList{double[]}, ReadOnlySpan{double}, InformationUnit)"/>, or <paramref name="alpha"/> is outside [0, 1].</exception>
    public static double JensenRenyi(IReadOnlyList<double[]> distributions, double alpha, ReadOnlySpan<double> weights = default, InformationUnit unit = default)
    {
        if (!(alpha >= 0 && alpha <= 1))
            throw new InvalidArgumentException(
                $"alpha = {Preconditions.Format(alpha)} is not a valid order for the Jensen–Rényi divergence: it must lie in [0, 1] (beyond 1 the Rényi entropy is not concave and the difference can be negative).", nameof(alpha));
        if (alpha == 1) return GeneralizedJensenShannon(distributions, weights, unit);
        var terms = Mixture(distributions, weights);
        return unit.FromNats(alpha == 0 ? JensenHartleyNats(distributions, terms.Weights, terms.Mixture) : JensenRenyiNats(distributions, terms, alpha));
    }

    /// <inheritdoc cref="JensenRenyi(IReadOnlyList{double[]}, double, ReadOnlySpan{double}, InformationUnit)"/>
    /// <param name="distributions">The distributions, aligned on the union of their supports.</param>
    /// <param name="alpha">The order, 0 ≤ α ≤ 1.</param>
    /// <param name="weights">One non-negative weight per distribution (normalised), or empty for equal weights.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    public static double JensenRenyi(IReadOnlyList<DiscreteDistribution> distributions, double alpha, ReadOnlySpan<double> weights = default, InformationUnit unit = default) =>
        JensenRenyi(AlignAll(distributions), alpha, weights, unit);

    /// <summary>JR₀ = ln |supp m| − Σ ŵₖ·ln |supp pₖ|.</summary>
    private static double JensenHartleyNats(IReadOnlyList<double[]> distributions, double[] w, double[] mixture)
    {
        int mixtureSupport = CountPositive(mixture);
        double sum = 0;   // Σₖ ŵₖ·(ln |supp m| − ln |supp pₖ|): exactly 0 when every support is m's
        for (int k = 0; k < w.Length; k++)
        {
            int support = CountPositive(distributions[k]);
            if (w[k] > 0 && support != mixtureSupport) sum += w[k] * (Math.Log(mixtureSupport) - Math.Log(support));
        }
        return Math.Max(0.0, sum);
    }

    private static double JensenRenyiNats(IReadOnlyList<double[]> distributions, MixtureTerms terms, double alpha)
    {
        var (w, mixture, excesses, logRatios) = terms;
        int n = mixture.Length;
        var logMixture = new double[n];
        var powerMixture = new double[n];
        var sm = ScaledWeights.Of(mixture);
        var logSum = new LogSumExp();
        for (int i = 0; i < n; i++)
        {
            if (mixture[i] == 0) continue;
            logMixture[i] = sm.LogOfNormalized(i, mixture[i]);
            logSum.Add(alpha * logMixture[i]);
        }
        double logPowerSum = logSum.Log;
        for (int i = 0; i < n; i++) powerMixture[i] = mixture[i] == 0 ? 0 : Math.Exp(alpha * logMixture[i] - logPowerSum);   // m̂ᵢ^α/Σ m̂^α

        var gap = new NeumaierSum();       // Σᵢ (m̂ᵢ^α/S)·Σₖ ŵₖ·g(xₖᵢ)
        var curvature = new NeumaierSum(); // Σₖ ŵₖ·(yₖ − log1p yₖ)
        for (int k = 0; k < w.Length; k++)
        {
            if (w[k] == 0) continue;
            var excess = new NeumaierSum();   // yₖ = Σᵢ (m̂ᵢ^α/S)·(αx + (α − 1)·g(x))
            for (int i = 0; i < n; i++)
            {
                if (mixture[i] == 0) continue;
                double g, x;
                if (distributions[k][i] == 0)
                {
                    x = -1;
                    g = 1;
                }
                else
                {
                    x = excesses[k][i];
                    double log = x < -0.5 || x > 1 ? logRatios[k]![i] : Elementary.LogOnePlus(x);
                    g = RenyiGap(x, log, alpha);
                }
                gap.Add(w[k] * powerMixture[i] * g);
                excess.Add(powerMixture[i] * (alpha * x + (alpha - 1) * g));
            }
            double y = Math.Max(-1.0, excess.Total);
            curvature.Add(w[k] * LogOnePlusGap(y));
        }
        return Math.Max(0.0, gap.Total + curvature.Total / (1 - alpha));
    }

    /// <summary>y − ln(1 + y) ≥ 0 for y &gt; −1: by its series Σ_{j≥2} (−1)ʲ yʲ/j below |y| = 0.05 (the difference would cancel), directly beyond.</summary>
    private static double LogOnePlusGap(double y)
    {
        if (Math.Abs(y) >= 0.05) return Math.Max(0.0, y - Elementary.LogOnePlus(y));
        double sum = 0, power = y * y;
        for (int j = 2; j < 16; j++)
        {
            sum += ((j & 1) == 0 ? power : -power) / j;
            power *= y;
        }
        return sum;
    }

    /// <summary>
    /// g(x) = ((1 + x)^α − 1 − αx)/(α − 1) ≥ 0 for x ≥ −1, given ln(1 + x): r·ln r·E((α − 1)·ln r) − x with r = 1 + x and
    /// E(y) = (eʸ − 1)/y while |(α − 1)·ln r| &lt; 1 (no cancellation by α − 1), the powers themselves beyond.
    /// </summary>
    private static double RenyiGap(double x, double logRatio, double alpha)
    {
        double beta = alpha - 1, y = beta * logRatio;
        if (Math.Abs(y) < 1)
        {
            double r = 1 + x;
            if (x > -0.5 && x < 1) return Math.Max(0.0, Elementary.Phi(x, logRatio) + r * logRatio * Elementary.ExpRatioMinusOne(y));
            return Math.Max(0.0, r * logRatio * (1 + Elementary.ExpRatioMinusOne(y)) - x);
        }
        return Math.Max(0.0, (Math.Exp(alpha * logRatio) - 1 - alpha * x) / beta);
    }
}
