namespace Kullback.Comparison;

/// <summary>Draws from the hypergeometric distribution: how many of <c>draws</c> items taken without replacement are marked.</summary>
internal static class HypergeometricSampler
{
    /// <summary>Terms below this fraction of the running total are left out (they could not change a double's draw).</summary>
    private const double Negligible = 1e-18;

    /// <summary>
    /// One draw of X ~ Hypergeometric(population, marked, draws). Few draws: one item at a time. Otherwise inversion
    /// around the mode: the probabilities relative to the mode's, from the ratios of consecutive probabilities, are
    /// summed outwards until negligible, and a uniform fraction of that total is walked off in the same order. No
    /// log-gamma differences, so populations of any size keep their precision; the cost grows with the standard deviation.
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
        long mode = Math.Clamp((long)Math.Floor((draws + 1.0) * (marked + 1.0) / (population + 2.0)), low, high);
        double total = Walk(population, marked, draws, low, high, mode, double.PositiveInfinity, out _);
        Walk(population, marked, draws, low, high, mode, random.NextDouble() * total, out long value);
        return value;
    }

    /// <summary>
    /// Sums the relative probabilities from the mode outwards (down, up, down, …); stops at <paramref name="target"/>
    /// (returning where it was reached) or when both sides are negligible (returning the total).
    /// </summary>
    private static double Walk(long population, long marked, long draws, long low, long high, long mode, double target, out long value)
    {
        double accumulated = 1.0;
        value = mode;
        if (accumulated >= target) return accumulated;
        long down = mode, up = mode;
        double pDown = 1.0, pUp = 1.0;
        bool downDone = down <= low, upDone = up >= high;
        while (!downDone || !upDone)
        {
            if (!downDone)
            {
                // P(k−1)/P(k) = k·(N − K − n + k) / ((K − k + 1)·(n − k + 1))
                double k = down;
                pDown *= k * (population - marked - draws + k) / ((marked - k + 1) * (draws - k + 1));
                down--;
                accumulated += pDown;
                if (accumulated >= target) { value = down; return accumulated; }
                downDone = down <= low || pDown < Negligible * accumulated;
            }
            if (!upDone)
            {
                // P(k+1)/P(k) = (K − k)(n − k) / ((k + 1)(N − K − n + k + 1))
                double k = up;
                pUp *= (marked - k) * (draws - k) / ((k + 1) * (population - marked - draws + k + 1));
                up++;
                accumulated += pUp;
                if (accumulated >= target) { value = up; return accumulated; }
                upDone = up >= high || pUp < Negligible * accumulated;
            }
        }
        value = mode;   // the target lies in the rounding of the total: the most likely value
        return accumulated;
    }
}
