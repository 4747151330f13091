using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Bhattacharyya distance D_B(p, q) = −log Σ √(p̂ᵢ·q̂ᵢ).</summary>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>D_B ≥ 0, symmetric (not a metric), exactly 0 for p̂ = q̂; +∞ when the supports are disjoint. Equals ½ of the Rényi divergence of order ½.</returns>
    /// <remarks>
    /// Near p = q the coefficient is taken as 1 − H² with the Hellinger distance H computed without cancellation; far
    /// apart it is summed directly (in log space when entries span more than 270 decades).
    /// </remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double Bhattacharyya(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit = default) =>
        Bhattacharyya(p, q, unit, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="Bhattacharyya(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double Bhattacharyya(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit, int maxDegreeOfParallelism) =>
        unit.FromNats(FastOrExact(p, q, maxDegreeOfParallelism, HellingerKernel.TryBhattacharyya, BhattacharyyaNats));

    /// <summary>D_B(p, q) for single-precision inputs (read as floats, computed in double).</summary>
    /// <inheritdoc cref="Bhattacharyya(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit, int)"/>
    public static double Bhattacharyya(ReadOnlySpan<float> p, ReadOnlySpan<float> q, InformationUnit unit = default, int maxDegreeOfParallelism = -1) =>
        unit.FromNats(FastOrExact(p, q, maxDegreeOfParallelism, HellingerKernel.TryBhattacharyya, BhattacharyyaNats));

    /// <inheritdoc cref="Bhattacharyya(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    public static double Bhattacharyya(DiscreteDistribution p, DiscreteDistribution q, InformationUnit unit = default)
    {
        var a = Align(p, q);
        return Bhattacharyya(a.P.AsSpan(), a.Q.AsSpan(), unit);
    }

    /// <summary>The exact path (the reference the fast pass is tested against).</summary>
    internal static double BhattacharyyaNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => BhattacharyyaNats(p, q, KernelSettings.Default);

    /// <inheritdoc cref="BhattacharyyaNats(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    internal static double BhattacharyyaNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings)
    {
        double h2 = HellingerSquared(p, q, settings);
        if (h2 < 0.5) return -Elementary.LogOnePlus(-h2);

        // Far apart: the coefficient itself is small and best summed directly; in log space when some entry is deep,
        // where √(p̂ᵢ q̂ᵢ) may lie below the doubles.
        var c = new ExactPair(p, q);
        if (c.HasDeep)
        {
            var logSum = new LogSumExp();
            for (int i = 0; i < p.Length; i++)
                if (p[i] > 0 && q[i] > 0) logSum.Add(0.5 * (c.LogP(i) + c.LogQ(i)));
            return logSum.IsEmpty ? double.PositiveInfinity : Math.Max(0.0, -logSum.Log);
        }
        var sum = new NeumaierSum();
        for (int i = 0; i < p.Length; i++)
            sum.Add(Math.Sqrt(c.Sp.Normalized(p[i])) * Math.Sqrt(c.Sq.Normalized(q[i])));
        double coefficient = sum.Total;
        return coefficient <= 0 ? double.PositiveInfinity : Math.Max(0.0, -Math.Log(coefficient));
    }
}
