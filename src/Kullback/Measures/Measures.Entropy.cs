using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Shannon entropy H(p) = −Σ p̂ᵢ·log p̂ᵢ.</summary>
    /// <param name="p">Probabilities or non-negative weights (normalised exactly).</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H(p) ≥ 0; exactly 0 when one outcome holds all the mass; at most log n.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty, all zero, or has a NaN, infinite or negative entry.</exception>
    public static double Entropy(ReadOnlySpan<double> p, InformationUnit unit = default) => Entropy(p, unit, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="Entropy(ReadOnlySpan{double}, InformationUnit)"/>
    /// <param name="p">Probabilities or non-negative weights (normalised exactly).</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double Entropy(ReadOnlySpan<double> p, InformationUnit unit, int maxDegreeOfParallelism)
    {
        if (!p.IsEmpty && DivergenceKernels.TryEntropy(p, DivergenceKernels.Settings.WithParallelism(maxDegreeOfParallelism), out double fast))
            return unit.FromNats(fast);
        Preconditions.CheckWeights(p, nameof(p));
        return unit.FromNats(EntropyNats(p));
    }

    /// <summary>H(p) for single-precision inputs, computed in double precision.</summary>
    /// <inheritdoc cref="Entropy(ReadOnlySpan{double}, InformationUnit, int)"/>
    public static double Entropy(ReadOnlySpan<float> p, InformationUnit unit = default, int maxDegreeOfParallelism = -1)
    {
        if (!p.IsEmpty && DivergenceKernels.TryEntropy(p, DivergenceKernels.Settings.WithParallelism(maxDegreeOfParallelism), out double fast))
            return unit.FromNats(fast);
        double[] pd = Widen(p);
        Preconditions.CheckWeights(pd, nameof(p));
        return unit.FromNats(EntropyNats(pd));
    }

    /// <inheritdoc cref="Entropy(ReadOnlySpan{double}, InformationUnit)"/>
    public static double Entropy(DiscreteDistribution p, InformationUnit unit = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        return unit.FromNats(EntropyNats(p.Weights));
    }

    internal static double EntropyNats(ReadOnlySpan<double> p)
    {
        var s = ExactSum.Of(p);
        var sum = new NeumaierSum();
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i];
            if (pi == 0) continue;
            sum.Add(-s.Normalized(pi) * s.LogOfNormalized(i, pi));
        }
        return Math.Max(0.0, sum.Total);
    }
}
