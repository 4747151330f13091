using System.Collections.Immutable;
using Kullback.Numerics;

namespace Kullback.Fitting;

/// <summary>
/// Fits simple models to data and ranks them by the information they lose: the tutorial's question
/// (which model should stand in for my distribution, and how much do I lose by it?) for any data.
/// </summary>
public static class ModelFitter
{
    /// <summary>The widest observed range whose every integer gets a contribution (and a bar in a chart).</summary>
    public const int MaximumChartedOutcomes = 2000;

    /// <summary>Fits the chosen families to <paramref name="data"/> and ranks them, best first.</summary>
    /// <param name="data">The data: integer outcomes for every family; labelled outcomes allow only the uniform.</param>
    /// <param name="options">Families, method, trials and ranking; defaults when null.</param>
    /// <exception cref="InvalidArgumentException">A ranking that needs N when N is unknown, or trials below 1.</exception>
    public static FitReport Fit(DiscreteDistribution data, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new FitOptions();
        if (options.Trials is < 1)
            throw new InvalidArgumentException($"The number of trials must be a whole number ≥ 1; got {options.Trials}.", nameof(options));
        var families = options.Families ?? ModelFamily.All;
        var rank = options.RankBy ?? (data.ObservationCount is null ? RankCriterion.KullbackLeibler : RankCriterion.MessageLength);
        if (rank != RankCriterion.KullbackLeibler && data.ObservationCount is null)
            throw new InvalidArgumentException(
                $"Ranking by {RankCriteria.Key(rank)} needs the number of observations N, which probabilities do not give; give counts or samples, or rank by Kullback–Leibler.",
                nameof(options));

        var fits = new List<ModelFit>();
        var skipped = new List<NotApplicableFamily>();
        if (!data.IsNumeric)
        {
            foreach (var family in families.Where(f => f != ModelFamily.Uniform))
                skipped.Add(new(family, "the outcomes are labels, not integers; only the uniform model applies to labelled data."));
            if (families.Contains(ModelFamily.Uniform))
                fits.Add(Evaluate(new CategoricalUniformModel(data.Count), 0, options.Method, data));
        }
        else
        {
            var fitData = FitData.From(data);
            foreach (var family in families.Distinct())
            {
                try
                {
                    var (model, k) = family.Fit(fitData, options.Method, options);
                    fits.Add(Evaluate(model, k, options.Method, data));
                }
                catch (ModelNotApplicableException e)
                {
                    skipped.Add(new(e.Family, e.Reason));
                }
            }
        }

        var ranked = fits.OrderBy(f => f.Score(rank)).ThenBy(f => f.ParameterCount).ToImmutableArray();
        return new FitReport(data, rank, Information.FromNats(Measures.Entropy(data)), ranked, [.. skipped]);
    }

    /// <summary>
    /// Evaluates <paramref name="model"/> against <paramref name="data"/>: both divergences, the likelihood-based scores
    /// (when N is known) and the per-outcome contributions. Labelled outcomes are numbered 0, 1, … in the data's order.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="parameterCount">k, the parameters estimated from the data (for AIC, BIC and the message length).</param>
    /// <param name="method">How the model was fitted (recorded in the result).</param>
    /// <param name="data">The data.</param>
    public static ModelFit Evaluate(DiscreteModel model, int parameterCount, FitMethod method, DiscreteDistribution data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        long[] values = data.IsNumeric
            ? data.Support.Select(o => o.Value).ToArray()
            : Enumerable.Range(0, data.Count).Select(i => (long)i).ToArray();
        var p = data.Probabilities;
        var logQ = values.Select(model.LogProbability).ToArray();
        var q = logQ.Select(Math.Exp).ToArray();

        double klPQ = KullbackLeiblerFromData(p.AsSpan(), q, logQ);
        double klQP = KullbackLeiblerToData(model, values, p.AsSpan(), q);

        double? logLikelihood = null, aic = null, bic = null;
        Information? message = null;
        if (data.ObservationCount is long n && n > 0)
        {
            var sum = new NeumaierSum();
            for (int i = 0; i < values.Length; i++) sum.Add(p[i] * n * logQ[i]);
            double ll = sum.Total;
            logLikelihood = ll;
            aic = 2.0 * parameterCount - 2.0 * ll;
            bic = parameterCount * Math.Log(n) - 2.0 * ll;
            message = Information.FromNats(-ll + parameterCount / 2.0 * Math.Log(n));
        }
        return new ModelFit(model, method, parameterCount, Information.FromNats(klPQ), Information.FromNats(klQP),
                            logLikelihood, aic, bic, message, Contributions(model, data, values, logQ));
    }

    /// <summary>p·ln(p/q) per outcome of the charted range (see <see cref="ModelFit.Contributions"/>).</summary>
    private static ImmutableArray<OutcomeContribution> Contributions(DiscreteModel model, DiscreteDistribution data, long[] values, double[] logQ)
    {
        var p = data.Probabilities;
        var observed = new Dictionary<long, int>(values.Length);
        for (int i = 0; i < values.Length; i++) observed[values[i]] = i;
        IEnumerable<long> range = values;
        ulong width = unchecked((ulong)values[^1] - (ulong)values[0]);   // exact for any two longs, max ≥ min
        if (data.IsNumeric && width < MaximumChartedOutcomes)
            range = Enumerable.Range(0, (int)width + 1).Select(j => values[0] + j);
        var result = ImmutableArray.CreateBuilder<OutcomeContribution>();
        foreach (long x in range)
        {
            var outcome = data.IsNumeric ? Outcome.Of(x) : data.Support[(int)x];
            if (!observed.TryGetValue(x, out int i))
            {
                result.Add(new OutcomeContribution(outcome, 0, model.Probability(x), Information.Zero));
                continue;
            }
            double term = double.IsNegativeInfinity(logQ[i]) ? double.PositiveInfinity : p[i] * (Math.Log(p[i]) - logQ[i]);
            result.Add(new OutcomeContribution(outcome, p[i], Math.Exp(logQ[i]), Information.FromNats(term)));
        }
        return result.ToImmutable();
    }

    /// <summary>D(P‖Q) where Q may put mass outside the observed values: that mass is one more outcome with p = 0.</summary>
    private static double KullbackLeiblerFromData(ReadOnlySpan<double> p, double[] q, double[] logQ)
    {
        for (int i = 0; i < p.Length; i++)
            if (p[i] > 0 && double.IsNegativeInfinity(logQ[i])) return double.PositiveInfinity;
        if (q.All(x => x > 0))
        {
            var inside = new NeumaierSum();
            foreach (double x in q) inside.Add(x);
            double outside = Math.Max(0.0, 1.0 - inside.Total);
            double[] pq = [.. p, 0.0];
            double[] qq = [.. q, outside];
            return Measures.KullbackLeibler(pq, qq);
        }
        // Some Q(k) underflow to 0 while ln Q(k) is finite: sum in logarithms.
        var sum = new NeumaierSum();
        for (int i = 0; i < p.Length; i++)
            if (p[i] > 0) sum.Add(p[i] * (Math.Log(p[i]) - logQ[i]));
        return Math.Max(0.0, sum.Total);
    }

    /// <summary>D(Q‖P): +∞ unless every outcome the model can produce was observed.</summary>
    private static double KullbackLeiblerToData(DiscreteModel model, long[] values, ReadOnlySpan<double> p, double[] q)
    {
        if (model.Support is not { } support) return double.PositiveInfinity;
        ulong supportWidth = unchecked((ulong)support.High - (ulong)support.Low);   // the support holds width + 1 outcomes
        ulong observedInSupport = (ulong)values.LongCount(v => v >= support.Low && v <= support.High);
        if (observedInSupport == 0 || observedInSupport - 1 < supportWidth) return double.PositiveInfinity;
        if (q.All(x => x == 0)) return double.PositiveInfinity;
        return Measures.KullbackLeibler(q, p);
    }
}
