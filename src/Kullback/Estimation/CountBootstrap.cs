namespace Kullback.Estimation;

/// <summary>A statistic of one count vector.</summary>
internal delegate double CountStatistic(ReadOnlySpan<long> counts);

/// <summary>A statistic of two count vectors (P's sample and Q's).</summary>
internal delegate double TwoSampleStatistic(ReadOnlySpan<long> p, ReadOnlySpan<long> q);

/// <summary>Bootstrap intervals of statistics of counts: multinomial replicates, and the grouped jackknife for BCa.</summary>
internal static class CountBootstrap
{
    /// <summary>The interval of a statistic of one sample.</summary>
    /// <param name="counts">The counts (restored after use).</param>
    /// <param name="estimate">The statistic on <paramref name="counts"/>.</param>
    /// <param name="statistic">The statistic of counts summing to N.</param>
    /// <param name="leaveOneOut">The same statistic for counts summing to N − 1.</param>
    /// <param name="options">The interval's options.</param>
    /// <param name="resampledValue">The statistic's true value in the distribution the resamples come from (the plug-in on the data for the empirical one), when the estimate is not that value; NaN otherwise.</param>
    /// <param name="population">The distribution to resample from, null for the empirical one (see <see cref="OneSampleReplicates"/>).</param>
    public static ConfidenceInterval OneSample(long[] counts, double estimate, CountStatistic statistic, CountStatistic leaveOneOut, BootstrapOptions options,
        double resampledValue = double.NaN, double[]? population = null)
    {
        var (replicates, accelerations) = OneSampleReplicates(counts, [statistic], [leaveOneOut], options.Resamples, options.Seed,
            options.Method == IntervalMethod.BiasCorrectedAccelerated, population);
        return BootstrapInterval.From(replicates[0], estimate, accelerations[0], options, resampledValue);
    }

    /// <summary>
    /// The replicates of several statistics on the same resamples, and their BCa accelerations (NaN where a jackknife
    /// value is infinite; 0 when <paramref name="jackknife"/> is false). The resamples depend only on the counts and the
    /// seed, so each statistic's replicates are those a single-statistic call with the same seed would make. The
    /// resamples are drawn from <c>population</c> (see <see cref="EstimatedPopulation"/>; its first entries match the
    /// counts' categories) when it is given, else from the empirical distribution nᵢ/N.
    /// </summary>
    internal static (double[][] Replicates, double[] Accelerations) OneSampleReplicates(long[] counts, IReadOnlyList<CountStatistic> statistics,
        IReadOnlyList<CountStatistic> leaveOneOut, int resamples, int seed, bool jackknife, double[]? population = null)
    {
        var random = new Random(seed);
        var resampler = population is null ? new MultinomialResampler(counts) : new MultinomialResampler(population, counts.Sum());
        var scratch = new long[resampler.Length];
        var replicates = new double[statistics.Count][];
        for (int s = 0; s < replicates.Length; s++) replicates[s] = new double[resamples];
        for (int b = 0; b < resamples; b++)
        {
            resampler.Draw(random, scratch);
            for (int s = 0; s < replicates.Length; s++) replicates[s][b] = Checked(statistics[s](scratch));
        }
        var accelerations = new double[statistics.Count];
        if (jackknife)
        {
            for (int s = 0; s < accelerations.Length; s++)
            {
                var acceleration = new JackknifeAcceleration();
                var statistic = leaveOneOut[s];
                AddJackknife(ref acceleration, counts, c => statistic(c));
                accelerations[s] = acceleration.Value;
            }
        }
        return (replicates, accelerations);
    }

    /// <summary>The interval of a statistic of two independent samples: each resampled from its own counts.</summary>
    public static ConfidenceInterval TwoSample(long[] p, long[] q, double estimate, TwoSampleStatistic statistic, BootstrapOptions options,
        double resampledValue = double.NaN)
    {
        var (replicates, accelerations) = TwoSampleReplicates(p, q, [statistic], options.Resamples, options.Seed,
            options.Method == IntervalMethod.BiasCorrectedAccelerated);
        return BootstrapInterval.From(replicates[0], estimate, accelerations[0], options, resampledValue);
    }

    /// <summary>
    /// The replicates of several two-sample statistics on the same resamples (P's sample and Q's, each from its own
    /// counts), and their BCa accelerations from the jackknife of both samples (NaN where a jackknife value is infinite;
    /// 0 when <paramref name="jackknife"/> is false). Each statistic's replicates are those a single-statistic call with
    /// the same seed would make.
    /// </summary>
    internal static (double[][] Replicates, double[] Accelerations) TwoSampleReplicates(long[] p, long[] q, IReadOnlyList<TwoSampleStatistic> statistics,
        int resamples, int seed, bool jackknife)
    {
        var random = new Random(seed);
        var resampleP = new MultinomialResampler(p);
        var resampleQ = new MultinomialResampler(q);
        var scratchP = new long[p.Length];
        var scratchQ = new long[q.Length];
        var replicates = new double[statistics.Count][];
        for (int s = 0; s < replicates.Length; s++) replicates[s] = new double[resamples];
        for (int b = 0; b < resamples; b++)
        {
            resampleP.Draw(random, scratchP);
            resampleQ.Draw(random, scratchQ);
            for (int s = 0; s < replicates.Length; s++) replicates[s][b] = Checked(statistics[s](scratchP, scratchQ));
        }
        var accelerations = new double[statistics.Count];
        if (jackknife)
        {
            for (int s = 0; s < accelerations.Length; s++)
            {
                var acceleration = new JackknifeAcceleration();
                var statistic = statistics[s];
                AddJackknife(ref acceleration, p, c => statistic(c, q));
                AddJackknife(ref acceleration, q, c => statistic(p, c));
                accelerations[s] = acceleration.Value;
            }
        }
        return (replicates, accelerations);
    }

    /// <summary>Leaves one observation of each observed category out in turn (restoring it), one value per category.</summary>
    private static void AddJackknife(ref JackknifeAcceleration acceleration, long[] counts, Func<long[], double> statistic)
    {
        int observed = CountChecks.Observed(counts);
        var values = new double[observed];
        var weights = new long[observed];
        long total = 0;
        for (int i = 0, j = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0) continue;
            weights[j] = counts[i];
            total += counts[i];
            counts[i]--;
            try { values[j] = Checked(statistic(counts)); }
            finally { counts[i]++; }
            j++;
        }
        acceleration.AddSample(values, weights, total);
    }

    private static double Checked(double value) =>
        double.IsNaN(value) ? throw new NotComputableException("A bootstrap replicate of the estimate is NaN: the interval cannot be formed.") : value;
}
