using MathNet.Numerics;

namespace Kullback.Comparison;

/// <summary>Draws from the hypergeometric distribution: how many of <c>draws</c> items taken without replacement are marked.</summary>
internal static class HypergeometricSampler
{
    /// <summary>
    /// One draw of X ~ Hypergeometric(population, marked, draws). Few draws: one item at a time. Otherwise inversion
    /// from the mode, walking outwards with the ratios of consecutive probabilities (expected steps ~ the standard deviation).
    /// </summary>
    public static long Sample(Random random, long population, long marked, long draws)
    {
        if (draws == 0 || marked == 0) return 0;
        if (marked == population) return draws;
        if (draws == population) return marked;
        long low = Math.Max(0, draws - (population - marked)), high = Math.Min(draws, marked);
        if (low == high) return low;
        if (draws <= 24)
        {
            long hits = 0, left = population, markedLeft = marked;
            for (long i = 0; i < draws; i++)
            {
                if (random.NextDouble() * left < markedLeft) { hits++; markedLeft--; }
                left--;
            }
            return hits;
        }
        long mode = (long)Math.Floor((draws + 1.0) * (marked + 1.0) / (population + 2.0));
        mode = Math.Clamp(mode, low, high);
        double pMode = Math.Exp(LogBinomial(marked, mode) + LogBinomial(population - marked, draws - mode) - LogBinomial(population, draws));
        double u = random.NextDouble();
        double accumulated = pMode;
        if (u <= accumulated) return mode;
        long down = mode, up = mode;
        double pDown = pMode, pUp = pMode;
        while (down > low || up < high)
        {
            if (down > low)
            {
                // P(k−1)/P(k) = k·(N − K − n + k) / ((K − k + 1)·(n − k + 1))
                double k = down;
                pDown *= k * (population - marked - draws + k) / ((marked - k + 1) * (draws - k + 1));
                down--;
                accumulated += pDown;
                if (u <= accumulated) return down;
            }
            if (up < high)
            {
                // P(k+1)/P(k) = (K − k)(n − k) / ((k + 1)(N − K − n + k + 1))
                double k = up;
                pUp *= (marked - k) * (draws - k) / ((k + 1) * (population - marked - draws + k + 1));
                up++;
                accumulated += pUp;
                if (u <= accumulated) return up;
            }
        }
        return mode;   // u beyond the rounded total (probability ~1e-15): the most likely value
    }

    /// <summary>ln C(n, k) through ln Γ.</summary>
    private static double LogBinomial(long n, long k) =>
        SpecialFunctions.GammaLn(n + 1.0) - SpecialFunctions.GammaLn(k + 1.0) - SpecialFunctions.GammaLn(n - k + 1.0);
}
