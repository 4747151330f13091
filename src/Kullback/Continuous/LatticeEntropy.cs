using System.Globalization;
using Kullback.Numerics;
using static Kullback.Continuous.DivergenceTerms;

namespace Kullback.Continuous;

/// <summary>
/// Entropies of the binomial, Poisson and negative binomial, which have no closed form: summed over the outcomes that
/// carry mass, with ln P(k) in saddle-point form (Loader 2000: Stirling's remainders and relative-entropy terms, no
/// k·ln λ − ln k! cancellation), or by the asymptotic expansion of a nearly normal lattice distribution.
/// </summary>
/// <remarks>
/// The expansion H = ½ ln(2πeσ²) − γ₁²/12 − γ₂²/48 − 7γ₁⁴/48 + γ₁²γ₂/8 (skewness γ₁, excess kurtosis γ₂) is the
/// negentropy series of the Edgeworth expansion; the lattice correction is exponentially small. It reproduces the
/// Poisson's ½ ln(2πeλ) − 1/(12λ) − 1/(24λ²); the first neglected term is of order γ⁶ (−19/(360λ³) for the Poisson),
/// below 1e-17 where it is used (γ₁², |γ₂| ≤ 6e-6).
/// </remarks>
internal static class LatticeEntropy
{
    /// <summary>At most this many outcomes are summed.</summary>
    public const int SummationBudget = 4_000_000;

    /// <summary>The variance from which the expansion replaces the sum (when the distribution is also nearly symmetric).</summary>
    private const double AsymptoticVariance = 1e6;

    private const double HalfLogTwoPi = StirlingSeries.HalfLogTwoPi;

    /// <summary>Poisson(λ) entropy.</summary>
    public static double Poisson(double lambda)
    {
        if (lambda >= AsymptoticVariance) return Asymptotic(Math.Log(lambda), 1 / lambda, 1 / lambda);
        return Sum(k => PoissonLog(lambda, k), 0, int.MaxValue, (int)Math.Floor(lambda), "Poisson");
    }

    /// <summary>Binomial(n, p) entropy.</summary>
    public static double Binomial(int n, double p)
    {
        if (n == 0 || p == 0 || p == 1) return 0;
        double q = 1 - p, variance = n * p * q;
        if (variance >= AsymptoticVariance)
        {
            double gamma1Squared = (1 - 2 * p) * (1 - 2 * p) / variance;
            return Asymptotic(Math.Log(variance), gamma1Squared, (1 - 6 * p * q) / variance);
        }
        int mode = (int)Math.Min(n, Math.Floor((n + 1.0) * p));
        return Sum(k => BinomialLog(n, p, k), 0, n, mode, "binomial");
    }

    /// <summary>Negative binomial(r, p) entropy (failures before the r-th success).</summary>
    public static double NegativeBinomial(double r, double p)
    {
        if (p == 1) return 0;
        double q = 1 - p, rq = r * q;
        if (rq >= AsymptoticVariance)
        {
            double logVariance = Math.Log(rq) - 2 * Math.Log(p);
            return Asymptotic(logVariance, (1 + q) * (1 + q) / rq, (1 + 4 * q + q * q) / rq);
        }
        double mode = r > 1 ? Math.Floor((r - 1) * q / p) : 0;
        if (mode > int.MaxValue / 2)
            throw new NotComputableException(string.Create(CultureInfo.InvariantCulture,
                $"The entropy of the negative binomial(r = {r:R}, p = {p:R}) cannot be summed: its mass lies near k = {mode:G4}, beyond the summation's range, and it is too skewed for the normal expansion."));
        return Sum(k => NegativeBinomialLog(r, p, k), 0, int.MaxValue, (int)mode, "negative binomial");
    }

    /// <summary>ln P(k) of the Poisson: −λ at 0, else −[k ln(k/λ) − k + λ] − ½ ln(2πk) − S(k).</summary>
    public static double PoissonLog(double lambda, int k)
    {
        if (k == 0) return -lambda;
        return -RelativeEntropyTerm(k, lambda) - HalfLogTwoPi - 0.5 * Math.Log(k) - StirlingSeries.S(k);
    }

    /// <summary>ln P(k) of the binomial in Loader's form: S(n) − S(k) − S(n − k) + ½ ln(n/(2πk(n − k))) − RE(k, np) − RE(n − k, nq).</summary>
    public static double BinomialLog(int n, double p, int k)
    {
        if (k < 0 || k > n) return double.NegativeInfinity;
        if (p == 0) return k == 0 ? 0 : double.NegativeInfinity;
        if (p == 1) return k == n ? 0 : double.NegativeInfinity;
        if (k == 0) return n * Elementary.LogOnePlus(-p);
        if (k == n) return n * Math.Log(p);
        double q = 1 - p;
        int m = n - k;
        return StirlingSeries.S(n) - StirlingSeries.S(k) - StirlingSeries.S(m)
            + 0.5 * (Math.Log(n) - Math.Log(k) - Math.Log(m)) - HalfLogTwoPi
            - RelativeEntropyTerm(k, n * p) - RelativeEntropyTerm(m, n * q);
    }

    /// <summary>
    /// ln P(k) of the negative binomial: r ln p at 0, else −RE(r, (k + r)p) − RE(k, (k + r)q) + ½ ln(r/(2πk(k + r)))
    /// + S(k + r) − S(r) − S(k).
    /// </summary>
    public static double NegativeBinomialLog(double r, double p, int k)
    {
        if (k < 0) return double.NegativeInfinity;
        if (k == 0) return r * Math.Log(p);
        if (p == 1) return double.NegativeInfinity;
        double q = 1 - p, total = k + r;
        return -RelativeEntropyTerm(r, total * p) - RelativeEntropyTerm(k, total * q)
            + 0.5 * (Math.Log(r) - Math.Log(k) - Math.Log(total)) - HalfLogTwoPi
            + StirlingSeries.S(total) - StirlingSeries.S(r) - StirlingSeries.S(k);
    }

    /// <summary>½ ln(2πeσ²) − γ₁²/12 − γ₂²/48 − 7γ₁⁴/48 + γ₁²γ₂/8, from ln σ², γ₁² and γ₂.</summary>
    private static double Asymptotic(double logVariance, double gamma1Squared, double gamma2)
    {
        double negentropy = gamma1Squared / 12 + gamma2 * gamma2 / 48 + 7 * gamma1Squared * gamma1Squared / 48 - gamma1Squared * gamma2 / 8;
        return 0.5 * (Math.Log(2 * Math.PI) + 1 + logVariance) - negentropy;
    }

    /// <summary>
    /// −Σ P(k) ln P(k) from the mode outwards, each direction until the rest of the tail (bounded as a geometric series)
    /// is below 1e-18 of the total; every term is ≥ 0. Throws when more than <see cref="SummationBudget"/> outcomes would be needed.
    /// </summary>
    private static double Sum(Func<int, double> logPmf, int lowest, int highest, int mode, string family)
    {
        var entropy = new NeumaierSum();
        int count = 0;
        mode = Math.Clamp(mode, lowest, highest);
        for (int direction = 0; direction < 2; direction++)
        {
            long k = direction == 0 ? mode : (long)mode - 1;
            int step = direction == 0 ? 1 : -1;
            double previous = double.PositiveInfinity;
            for (; k >= lowest && k <= highest; k += step)
            {
                if (++count > SummationBudget)
                    throw new NotComputableException(string.Create(CultureInfo.InvariantCulture,
                        $"The {family} entropy needs more than {SummationBudget:N0} outcomes to be summed; its mass is spread too widely and it is too skewed for the normal expansion."));
                double lp = logPmf((int)k);
                if (double.IsNegativeInfinity(lp)) break;
                double pk = Math.Exp(lp);
                double term = pk * -lp;
                entropy.Add(term);
                double ratio = Math.Exp(lp - previous);   // P(k)/P(k ∓ 1); < 1 in the tail
                previous = lp;
                // The rest of the tail, bounded as a geometric series (with room for the slowly growing −ln P(k)).
                if (ratio < 1 && 2 * term / (1 - ratio) <= 1e-18 * entropy.Total) break;
            }
        }
        return Math.Max(0, entropy.Total);
    }
}
