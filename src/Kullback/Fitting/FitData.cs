using Kullback.Numerics;

namespace Kullback.Fitting;

/// <summary>
/// Integer data ready for fitting: the distinct values, their empirical probabilities p̂, and N when known.
/// </summary>
internal sealed class FitData
{
    public long[] Values { get; }
    public double[] P { get; }
    public long? N { get; }
    public double Mean { get; }

    /// <summary>The population variance Σ p̂ (x − mean)² (the maximum-likelihood one, divisor N).</summary>
    public double Variance { get; }

    public long Min => Values[0];
    public long Max => Values[^1];

    private FitData(long[] values, double[] p, long? n)
    {
        Values = values;
        P = p;
        N = n;
        var mean = new NeumaierSum();
        for (int i = 0; i < values.Length; i++) mean.Add(p[i] * values[i]);
        Mean = mean.Total;
        var variance = new NeumaierSum();
        for (int i = 0; i < values.Length; i++) variance.Add(p[i] * (values[i] - Mean) * (values[i] - Mean));
        Variance = variance.Total;
    }

    public static FitData From(DiscreteDistribution data)
    {
        if (!data.IsNumeric) throw new InvalidArgumentException("Fitting integer models needs integer outcomes.", nameof(data));
        return new FitData(data.Support.Select(o => o.Value).ToArray(), data.Probabilities.ToArray(), data.ObservationCount);
    }

    /// <summary>Σ p̂ₖ·f(k): the expected value of f under the data.</summary>
    public double Expect(Func<long, double> f)
    {
        var sum = new NeumaierSum();
        for (int i = 0; i < Values.Length; i++) sum.Add(P[i] * f(Values[i]));
        return sum.Total;
    }

    /// <summary>Σ p̂ₖ·ln Q(k): the mean log-likelihood per observation.</summary>
    public double MeanLogLikelihood(DiscreteModel model) => Expect(model.LogProbability);

    public void RequireNonNegative(ModelFamily family)
    {
        if (Min < 0)
            throw new ModelNotApplicableException(family, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the data have negative values (the smallest is {Min}); {family.DisplayName} counts from 0."));
    }
}
