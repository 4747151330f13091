using System.Globalization;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Checks k distributions of one length and their weights (none given: equal weights), and returns the normalised weights,
    /// the mixture m = Σ ŵₖ·p̂ₖ scaled by 2¹⁰⁰⁰ (so that entries far below a vector's largest keep their bits; an entry that
    /// underflows where some p̂ₖ is positive is set to the smallest double, so that m's support covers every p̂ₖ's), and the
    /// relative excesses xₖᵢ = p̂ₖᵢ/mᵢ − 1 (−1 where p̂ₖᵢ = 0; 0 where mᵢ = 0; no row for a zero weight).
    /// </summary>
    /// <remarks>
    /// p̂ₖᵢ and mᵢ are formed in double-double (about 104 bits), so that p̂ₖᵢ − mᵢ keeps its digits however close the
    /// distributions are: the measures built on x are then exact to a few ulps, not merely to second order in m's rounding.
    /// Where every distribution of positive weight agrees exactly (by exact differences) x is exactly 0.
    /// </remarks>
    private static MixtureTerms Mixture(IReadOnlyList<double[]> distributions, ReadOnlySpan<double> weights)
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
        var shares = new DoubleDouble[distributions.Count][];
        var mixture = new DoubleDouble[n];
        for (int k = 0; k < distributions.Count; k++)
        {
            if (w[k] == 0) continue;
            var x = distributions[k];
            var s = ScaledWeights.Of(x);
            var row = shares[k] = new DoubleDouble[n];
            for (int i = 0; i < n; i++)
            {
                if (x[i] == 0) continue;
                double scaled = s.Scale(x[i]);
                double shifted = ScaledWeights.IsDeep(scaled) ? s.ScaleDeep(x[i]) : Math.ScaleB(scaled, ScaledWeights.DeepShift);
                row[i] = DoubleDoubleArithmetic.Divide(new DoubleDouble(shifted, 0), s.Total);
                mixture[i] += DoubleDoubleArithmetic.Multiply(row[i], w[k]);
            }
        }
        // The rounded weights sum to 1 only within an ulp or two: m is divided by their double-double sum, so that Σᵢ mᵢ = 1
        // and x is the excess over the mixture of the normalised weights (else x would carry that ulp as an offset).
        var totalWeight = DoubleDouble.Zero;
        foreach (double v in w) totalWeight += v;
        for (int i = 0; i < n; i++) mixture[i] = DoubleDoubleArithmetic.Divide(mixture[i], totalWeight);
        var same = SameOutcomes(distributions, w);
        var m = new double[n];
        var excess = new double[distributions.Count][];
        var logs = new double[distributions.Count][];
        for (int i = 0; i < n; i++) m[i] = mixture[i].Hi;
        for (int k = 0; k < distributions.Count; k++)
        {
            if (w[k] == 0) continue;
            var row = excess[k] = new double[n];
            for (int i = 0; i < n; i++)
            {
                if (distributions[k][i] > 0 && !(m[i] > 0)) m[i] = double.Epsilon;
                if (same[i] || m[i] == 0) continue;
                if (distributions[k][i] == 0)
                {
                    row[i] = -1;
                    continue;
                }
                var d = shares[k][i] - mixture[i];
                row[i] = Math.Max(-1.0, (d.Hi + d.Lo) / m[i]);
                if (row[i] < -0.5 || row[i] > 1)
                {
                    // Far from 1 the ratio itself, not 1 + x, keeps the digits of a small p̂/m (whose powers matter).
                    var r = mixture[i].Hi > 0 ? DoubleDoubleArithmetic.Divide(shares[k][i], mixture[i]) : DoubleDouble.Zero;
                    (logs[k] ??= new double[n])[i] = r.Hi >= ScaledWeights.SmallestNormal && double.IsFinite(r.Hi)
                        ? Math.Log(r.Hi) + r.Lo / r.Hi
                        : Math.Log(shares[k][i].Hi) - Math.Log(m[i]);   // a ratio beyond the doubles: the logarithms' difference
                }
            }
        }
        return new MixtureTerms(w, m, excess, logs);
    }

    /// <summary>
    /// For each outcome, whether every distribution of positive weight gives it the first one's normalised probability (every
    /// exact difference 0): there every excess is exactly 0, so that identical distributions give exactly 0 and outcomes far
    /// below the others' scale are not lost in the double-double rounding of the rest.
    /// </summary>
    private static bool[] SameOutcomes(IReadOnlyList<double[]> distributions, double[] w)
    {
        int first = Array.FindIndex(w, v => v > 0);
        var same = new bool[distributions[first].Length];
        Array.Fill(same, true);
        for (int k = first + 1; k < distributions.Count; k++)
        {
            if (w[k] == 0) continue;
            var c = new ExactPair(distributions[first], distributions[k]);
            for (int i = 0; i < same.Length; i++)
                if (same[i] && c.Entry(i).D != 0) same[i] = false;
        }
        return same;
    }

    /// <summary>
    /// The normalised weights, the mixture (scaled by 2¹⁰⁰⁰), the relative excesses xₖᵢ = p̂ₖᵢ/mᵢ − 1, and ln(p̂ₖᵢ/mᵢ) from the
    /// double-double quotient where x is outside [−½, 1] (elsewhere ln(1 + x) is taken from x; rows may be null).
    /// </summary>
    private readonly record struct MixtureTerms(double[] Weights, double[] Mixture, double[][] Excess, double[]?[] LogRatio);

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
