using Kullback.Numerics;

namespace Kullback.Estimation;

/// <summary>Draws from the binomial distribution, exactly (inversion), at a cost that grows with its standard deviation.</summary>
internal static class BinomialSampler
{
    /// <summary>Below this mean, inversion from 0 (expected cost np + 1); above it, inversion outwards from the mode.</summary>
    private const double InversionFromZeroBelow = 16;

    /// <summary>Probabilities below this fraction of the running total are left out (they could not change a double's draw).</summary>
    private const double Negligible = 1e-18;

    /// <summary>One draw of X ~ Binomial(n, p).</summary>
    public static long Sample(Random random, long n, double p)
    {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        if (p > 0.5) return n - Sample(random, n, 1 - p);
        double q = 1 - p, ratio = p / q;
        if (n * p < InversionFromZeroBelow)
        {
            double u = random.NextDouble();
            double probability = Math.Exp(n * Elementary.LogOnePlus(-p));
            long k = 0;
            while (u > probability && k < n)
            {
                u -= probability;
                k++;
                probability *= ratio * (n - k + 1) / k;
            }
            return k;
        }
        return FromMode(random, n, p, q);
    }

    /// <summary>
    /// Inversion in the order mode, mode − 1, mode + 1, mode − 2, …: P(mode) from Loader's saddle-point form, the others
    /// by the ratios of consecutive probabilities. Any fixed order of the outcomes gives an exact draw.
    /// </summary>
    private static long FromMode(Random random, long n, double p, double q)
    {
        long mode = Math.Min(n, (long)Math.Floor((n + 1) * p));
        double pMode = Math.Exp(SaddlePoint.LogBinomial(mode, n, p));
        double u = random.NextDouble();
        double accumulated = pMode;
        if (u <= accumulated) return mode;
        long down = mode, up = mode;
        double pDown = pMode, pUp = pMode;
        bool downDone = down <= 0, upDone = up >= n;
        while (!downDone || !upDone)
        {
            if (!downDone)
            {
                // P(k − 1)/P(k) = k·q / ((n − k + 1)·p)
                pDown *= down * q / ((n - down + 1) * p);
                down--;
                accumulated += pDown;
                if (u <= accumulated) return down;
                downDone = down <= 0 || pDown < Negligible * accumulated;
            }
            if (!upDone)
            {
                // P(k + 1)/P(k) = (n − k)·p / ((k + 1)·q)
                pUp *= (n - up) * p / ((up + 1) * q);
                up++;
                accumulated += pUp;
                if (u <= accumulated) return up;
                upDone = up >= n || pUp < Negligible * accumulated;
            }
        }
        return mode;   // u fell in the rounding of the total: the most likely value
    }
}
