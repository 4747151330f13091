using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Cross-entropy H(p, q) = −Σ p̂ᵢ·log q̂ᵢ: the cost per observation of coding p with a code made for q.</summary>
    /// <param name="p">The true distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The distribution the code is made for.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H(p, q) = H(p) + D(p‖q) ≥ H(p); +∞ when some p̂ᵢ &gt; 0 has q̂ᵢ = 0; outcomes with p̂ᵢ = 0 add nothing.</returns>
    /// <remarks>Computed as ln Σq − Σ pᵢ·ln qᵢ / Σp in one fused pass, or exactly as −Σ p̂ᵢ·ln q̂ᵢ.</remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit = default) =>
        CrossEntropy(p, q, unit, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="CrossEntropy(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    /// <param name="p">The true distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The distribution the code is made for.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit, int maxDegreeOfParallelism) =>
        unit.FromNats(FastOrExact(p, q, maxDegreeOfParallelism, EntropyKernel.TryCrossEntropy, static (a, b, _) => CrossEntropyNats(a, b)));

    /// <summary>H(p, q) for single-precision inputs (read as floats, computed in double).</summary>
    /// <inheritdoc cref="CrossEntropy(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit, int)"/>
    public static double CrossEntropy(ReadOnlySpan<float> p, ReadOnlySpan<float> q, InformationUnit unit = default, int maxDegreeOfParallelism = -1) =>
        unit.FromNats(FastOrExact(p, q, maxDegreeOfParallelism, EntropyKernel.TryCrossEntropy, static (a, b, _) => CrossEntropyNats(a, b)));

    /// <inheritdoc cref="CrossEntropy(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    public static double CrossEntropy(DiscreteDistribution p, DiscreteDistribution q, InformationUnit unit = default)
    {
        var a = Align(p, q);
        return CrossEntropy(a.P.AsSpan(), a.Q.AsSpan(), unit);
    }

    /// <summary>The exact path: −Σ p̂ᵢ·ln q̂ᵢ, p̂ᵢ at its level, ln q̂ᵢ in log space (ln(1 − ε) for q's largest entry).</summary>
    internal static double CrossEntropyNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var sp = ScaledWeights.Of(p);
        var sq = ScaledWeights.Of(q);
        var sum = new TwoLevelSum();
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q[i];
            if (pi == 0) continue;
            if (qi == 0) return double.PositiveInfinity;
            var (w, level) = sp.Weight(pi);
            if (sq.IsDominant(i, qi))
            {
                var (deficit, deficitLevel) = sq.Deficit();
                sum.Add(deficitLevel == 0 ? -w * Elementary.LogOnePlus(-deficit) : w * deficit, level + deficitLevel);
                continue;
            }
            sum.Add(-w * sq.LogOfNormalized(i, qi), level);
        }
        return Math.Max(0.0, sum.Total);
    }
}
