using System.Globalization;

namespace Kullback.Comparison;

/// <summary>
/// Seeded permutation p-values: the sample labels are shuffled at random (each shuffle keeps both sample sizes), the
/// statistic is recomputed, and the observed statistic is counted among the shuffles, p = (1 + #{T* ≥ T})/(N + 1).
/// </summary>
/// <remarks>
/// Shuffles work on grouped counts: for each group (a distinct value, or a bin) of t values, the number that go to the
/// reference is drawn from the hypergeometric distribution of the values still unassigned, which is the same
/// distribution as shuffling every row, at a cost per shuffle that grows with the number of groups, not of rows.
/// The random numbers come from <see cref="Random(int)"/> with the given seed.
/// </remarks>
public static class PermutationTest
{
    /// <summary>The relative tolerance under which a shuffled statistic counts as equal to the observed one.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>The test of any statistic of grouped counts.</summary>
    /// <param name="referenceCounts">The reference's count in each group.</param>
    /// <param name="currentCounts">The current sample's count in each group.</param>
    /// <param name="statistic">The statistic of (reference counts, current counts); larger means more different.</param>
    /// <param name="permutations">The number of shuffles, 1 to 10⁸.</param>
    /// <param name="seed">The seed.</param>
    /// <exception cref="InvalidArgumentException">Lengths differ, a count is negative, a sample is empty, or the number of permutations is out of range.</exception>
    /// <exception cref="NotComputableException">The statistic returned NaN.</exception>
    public static PermutationResult Run(ReadOnlySpan<long> referenceCounts, ReadOnlySpan<long> currentCounts, Func<long[], long[], double> statistic, int permutations, int seed)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        if (referenceCounts.Length != currentCounts.Length)
            throw new InvalidArgumentException("The two samples need one count per group each.", nameof(currentCounts));
        if (permutations < 1 || permutations > 100_000_000)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"{permutations} permutations: the number must be between 1 and 100,000,000."), nameof(permutations));
        int g = referenceCounts.Length;
        var totals = new long[g];
        long n1 = 0, n = 0;
        for (int i = 0; i < g; i++)
        {
            if (referenceCounts[i] < 0 || currentCounts[i] < 0)
                throw new InvalidArgumentException("Counts cannot be negative.", nameof(referenceCounts));
            totals[i] = checked(referenceCounts[i] + currentCounts[i]);
            n1 += referenceCounts[i];
            n = checked(n + totals[i]);
        }
        if (n1 == 0 || n1 == n)
            throw new InvalidArgumentException("A sample is empty: a permutation test needs values in both.", nameof(referenceCounts));
        double observed = Check(statistic(referenceCounts.ToArray(), currentCounts.ToArray()));
        double threshold = observed - Tolerance * Math.Abs(observed);
        var random = new Random(seed);
        var r = new long[g];
        var c = new long[g];
        int extreme = 0;
        for (int p = 0; p < permutations; p++)
        {
            long left = n, referenceLeft = n1;
            for (int i = 0; i < g; i++)
            {
                long take = HypergeometricSampler.Sample(random, left, referenceLeft, totals[i]);
                r[i] = take;
                c[i] = totals[i] - take;
                referenceLeft -= take;
                left -= totals[i];
            }
            if (Check(statistic(r, c)) >= threshold) extreme++;
        }
        return new PermutationResult((1.0 + extreme) / (permutations + 1.0), observed, permutations, extreme, seed);
    }

    /// <summary>The test of a distribution statistic of a numeric column.</summary>
    /// <param name="samples">The grouped samples.</param>
    /// <param name="statistic">KS, Cramér–von Mises (2 values per sample at least) or Wasserstein.</param>
    /// <param name="permutations">The number of shuffles.</param>
    /// <param name="seed">The seed.</param>
    public static PermutationResult Run(GroupedSamples samples, DistributionStatistic statistic, int permutations, int seed)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var values = samples.Values.ToArray();
        Func<GroupedSamples, double> compute = statistic switch
        {
            DistributionStatistic.KolmogorovSmirnov => s => TwoSampleAccumulator.Of(s).KolmogorovSmirnovStatistic(),
            DistributionStatistic.CramerVonMises => s => TwoSampleAccumulator.Of(s).CramerVonMisesStatistic()
                ?? throw new InvalidArgumentException("The Cramér–von Mises test needs at least 2 values in each sample.", nameof(samples)),
            DistributionStatistic.Wasserstein => s => TwoSampleTests.Wasserstein(s).Distance,
            _ => throw new InvalidArgumentException($"Unknown statistic {statistic}.", nameof(statistic)),
        };
        return Run(samples.Reference.AsSpan(), samples.Current.AsSpan(), (r, c) => compute(GroupedSamples.FromCounts(values, r, c)), permutations, seed);
    }

    /// <summary>The test of a statistic of a column histogram (PSI, G, …) over its bins.</summary>
    /// <param name="histogram">The column histogram.</param>
    /// <param name="statistic">The statistic of a histogram over the same bins.</param>
    /// <param name="permutations">The number of shuffles.</param>
    /// <param name="seed">The seed.</param>
    public static PermutationResult Run(ColumnHistogram histogram, Func<ColumnHistogram, double> statistic, int permutations, int seed)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        ArgumentNullException.ThrowIfNull(statistic);
        var bins = histogram.Bins;
        return Run(histogram.Reference.AsSpan(), histogram.Current.AsSpan(), (r, c) => statistic(new ColumnHistogram(bins, r, c)), permutations, seed);
    }

    private static double Check(double value) =>
        double.IsNaN(value) ? throw new NotComputableException("The statistic returned NaN: a permutation test needs a number to compare.") : value;
}
