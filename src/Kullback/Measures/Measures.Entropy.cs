using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Shannon entropy H(p) = −Σ p̂ᵢ·log p̂ᵢ.</summary>
    /// <param name="p">Probabilities or non-negative weights of any magnitude (normalised exactly).</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H(p) ≥ 0; exactly 0 when one outcome holds all the mass; at most log n. Zeros add nothing (0·log 0 = 0).</returns>
    /// <remarks>Computed as ln Σp − Σ pᵢ·ln pᵢ / Σp in one fused pass, or exactly as −Σ p̂ᵢ·ln p̂ᵢ with ln p̂ of the largest entry as ln(1 − ε).</remarks>
    /// <exception cref="InvalidArgumentException"><paramref name="p"/> is empty, all zero, or has a NaN, infinite or negative entry.</exception>
    public static double Entropy(ReadOnlySpan<double> p, InformationUnit unit = default) => Entropy(p, unit, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="Entropy(ReadOnlySpan{double}, InformationUnit)"/>
    /// <param name="p">Probabilities or non-negative weights of any magnitude (normalised exactly).</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double Entropy(ReadOnlySpan<double> p, InformationUnit unit, int maxDegreeOfParallelism)
    {
        if (!p.IsEmpty && EntropyKernel.TryEntropy(p, KernelSettings.WithParallelism(maxDegreeOfParallelism), out double fast))
            return unit.FromNats(fast);
        Preconditions.CheckWeights(p, nameof(p));
        return unit.FromNats(EntropyNats(p));
    }

    /// <summary>H(p) for single-precision inputs (read as floats, computed in double).</summary>
    /// <inheritdoc cref="Entropy(ReadOnlySpan{double}, InformationUnit, int)"/>
    public static double Entropy(ReadOnlySpan<float> p, InformationUnit unit = default, int maxDegreeOfParallelism = -1)
    {
        if (!p.IsEmpty && EntropyKernel.TryEntropy(p, KernelSettings.WithParallelism(maxDegreeOfParallelism), out double fast))
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

    /// <summary>The exact path: −Σ p̂ᵢ·ln p̂ᵢ with every weight at its level and the largest entry's logarithm as ln(1 − ε).</summary>
    internal static double EntropyNats(ReadOnlySpan<double> p)
    {
        var s = ScaledWeights.Of(p);
        var sum = new TwoLevelSum();
        for (int i = 0; i < p.Length; i++)
        {
            double x = p[i];
            if (x == 0) continue;
            if (s.IsDominant(i, x))
            {
                // −p̂·ln(1 − ε), ε = 1 − p̂; when ε is deep, ln(1 − ε) = −ε to far beyond double precision.
                var (deficit, level) = s.Deficit();
                double weight = s.Normalized(x);
                sum.Add(level == 0 ? -weight * Elementary.LogOnePlus(-deficit) : weight * deficit, level);
                continue;
            }
            var (w, wLevel) = s.Weight(x);
            sum.Add(-w * s.LogOfNormalized(i, x), wLevel);
        }
        return Math.Max(0.0, sum.Total);
    }
}
