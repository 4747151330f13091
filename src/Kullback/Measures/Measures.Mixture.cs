using System.Globalization;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Checks k distributions of one length and their weights (none given: equal weights), and returns the normalised weights
    /// and the mixture m = Σ ŵₖ·p̂ₖ scaled by 2¹⁰⁰⁰ (so that entries far below a vector's largest keep their bits); an entry
    /// of m that underflows where some p̂ₖ is positive is set to the smallest double, so that m's support covers every p̂ₖ's.
    /// </summary>
    private static (double[] Weights, double[] Mixture) Mixture(IReadOnlyList<double[]> distributions, ReadOnlySpan<double> weights)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        if (distributions.Count == 0)
            throw new InvalidArgumentException("distributions is empty: at least one distribution is needed.", nameof(distributions));
        int n = -1;
        for (int k = 0; k < distributions.Count; k++)
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"distributions[{k}]");
            if (distributions[k] is null) throw new InvalidArgumentException($"{name} is null.", nameof(distributions));
            Preconditions.CheckWeights(distributions[k], name);
            if (n < 0) n = distributions[k].Length;
            else if (distributions[k].Length != n)
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{name} has {distributions[k].Length} entries and distributions[0] has {n}: every distribution must list the same outcomes in the same order."), nameof(distributions));
        }
        double[] w;
        if (weights.IsEmpty)
        {
            w = new double[distributions.Count];
            Array.Fill(w, 1.0 / distributions.Count);
        }
        else
        {
            if (weights.Length != distributions.Count)
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"weights has {weights.Length} entries for {distributions.Count} distributions: give one weight per distribution (or none for equal weights)."), nameof(weights));
            Preconditions.CheckWeights(weights, nameof(weights));
            var sw = ScaledWeights.Of(weights);
            w = new double[weights.Length];
            for (int k = 0; k < w.Length; k++) w[k] = sw.Normalized(weights[k]);
        }
        var mixture = new double[n];
        for (int k = 0; k < distributions.Count; k++)
        {
            if (w[k] == 0) continue;
            var x = distributions[k];
            var s = ScaledWeights.Of(x);
            for (int i = 0; i < n; i++)
            {
                if (x[i] == 0) continue;
                double scaled = s.Scale(x[i]);
                double shifted = ScaledWeights.IsDeep(scaled) ? s.ScaleDeep(x[i]) : Math.ScaleB(scaled, ScaledWeights.DeepShift);
                mixture[i] += w[k] * (shifted / s.Hi);
            }
        }
        for (int k = 0; k < distributions.Count; k++)
        {
            if (w[k] == 0) continue;
            for (int i = 0; i < n; i++)
                if (distributions[k][i] > 0 && !(mixture[i] > 0)) mixture[i] = double.Epsilon;
        }
        return (w, mixture);
    }

    /// <summary>Aligns distributions on the union of their supports (sorted when every outcome is an integer, else in order of appearance).</summary>
    private static double[][] AlignAll(IReadOnlyList<DiscreteDistribution> distributions)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        var union = new List<Outcome>();
        var index = new Dictionary<Outcome, int>();
        bool numeric = true;
        foreach (var d in distributions)
        {
            ArgumentNullException.ThrowIfNull(d);
            numeric &= d.IsNumeric;
            foreach (var o in d.Support)
                if (index.TryAdd(o, union.Count)) union.Add(o);
        }
        if (numeric) union.Sort();
        for (int i = 0; i < union.Count; i++) index[union[i]] = i;
        var result = new double[distributions.Count][];
        for (int k = 0; k < distributions.Count; k++)
        {
            var d = distributions[k];
            var row = new double[union.Count];
            for (int i = 0; i < d.Count; i++) row[index[d.Support[i]]] = d.Weights[i];
            result[k] = row;
        }
        return result;
    }
}
