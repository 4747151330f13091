using System.Collections.Immutable;
using Kullback.Numerics;

namespace Kullback.Fitting;

/// <summary>
/// Fits simple models to data and ranks them by the information they lose: the tutorial's question
/// (which model should stand in for my distribution, and how much do I lose by it?) for any data.
/// </summary>
public static class ModelFitter
{
    /// <summary>Fits the chosen families to <paramref name="data"/> and ranks them, best first.</summary>
    /// <param name="data">The data: integer outcomes for every family; labelled outcomes allow only the uniform.</param>
    /// <param name="options">Families, method, trials and ranking; defaults when null.</param>
    /// <exception cref="ArgumentException">An unknown family, or a ranking that needs N when N is unknown.</exception>
    public static FitReport Fit(DiscreteDistribution data, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new FitOptions();
        var families = options.Families?.Select(ModelFamily.Named).ToList() ?? [.. ModelFamily.All];
        var rank = options.RankBy ?? (data.ObservationCount is null ? RankCriterion.KullbackLeibler : RankCriterion.MessageLength);
        if (rank != RankCriterion.KullbackLeibler && data.ObservationCount is null)
            throw new InvalidArgumentException($"Ranking by {rank} needs the number of observations N, which probabilities do not give; give counts or samples, or rank by Kullback–Leibler.", nameof(options));

        var fits = new List<ModelFit>();
        var skipped = new List<NotApplicableFamily>();
        if (!data.IsNumeric)
        {
            foreach (var family in families.Where(f => f.Name != "uniform"))
                skipped.Add(new(family.Name, "the outcomes are labels, not integers; only the uniform model applies to labelled data."));
            if (families.Any(f => f.Name == "uniform"))
                fits.Add(Evaluate(new CategoricalUniformModel(data.Count), 0, options.Method, Enumerable.Range(0, data.Count).Select(i => (long)i).ToArray(), data));
        }
        else
        {
            var fitData = FitData.From(data);
            long[] values = fitData.Values;
            foreach (var family in families)
            {
                try
                {
                    var (model, k) = family.Fit(fitData, options.Method, options);
                    fits.Add(Evaluate(model, k, options.Method, values, data));
                }
                catch (ModelNotApplicableException e)
                {
                    skipped.Add(new(e.Family, e.Reason));
                }
            }
        }

        var ranked = fits.OrderBy(f => f.Score(rank)).ThenBy(f => f.ParameterCount).ToImmutableArray();
        return new FitReport(data.ObservationCount, rank, Measures.Entropy(data), ranked, [.. skipped]);
    }

    /// <summary>Evaluates <paramref name="model"/> against the data whose outcome i is the integer values[i].</summary>
    public static ModelFit Evaluate(DiscreteModel model, int parameterCount, FitMethod method, DiscreteDistribution data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        long[] values = data.IsNumeric
            ? data.Support.Select(o => o.Value).ToArray()
            : Enumerable.Range(0, data.Count).Select(i => (long)i).ToArray();
        return Evaluate(model, parameterCount, method, values, data);
    }

    private static ModelFit Evaluate(DiscreteModel model, int k, FitMethod method, long[] values, DiscreteDistribution data)
    {
        var p = data.Probabilities;
        var logQ = values.Select(model.LogProbability).ToArray();
        var q = logQ.Select(Math.Exp).ToArray();

        double klPQ = KullbackLeiblerFromData(p.AsSpan(), q, logQ);
        double klQP = KullbackLeiblerToData(model, values, p.AsSpan(), q);

        double? logLikelihood = null, aic = null, bic = null, message = null;
        if (data.ObservationCount is long n && n > 0)
        {
            var sum = new NeumaierSum();
            for (int i = 0; i < values.Length; i++) sum.Add(data.Probabilities[i] * n * logQ[i]);
            double ll = sum.Total;
            logLikelihood = ll;
            aic = 2.0 * k - 2.0 * ll;
            bic = k * Math.Log(n) - 2.0 * ll;
            message = -ll / Math.Log(2) + k / 2.0 * Math.Log2(n);
        }
        return new ModelFit(model, method, k, klPQ, klQP, logLikelihood, aic, bic, message);
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
        long supportSize = support.High - support.Low + 1;
        long observedInSupport = values.LongCount(v => v >= support.Low && v <= support.High);
        if (observedInSupport < supportSize) return double.PositiveInfinity;
        if (q.All(x => x == 0)) return double.PositiveInfinity;
        return Measures.KullbackLeibler(q, p);
    }
}
