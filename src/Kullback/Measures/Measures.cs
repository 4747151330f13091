using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

/// <summary>
/// Information measures between discrete probability distributions, each in its own file:
/// entropy, information content, cross-entropy, Kullback–Leibler, Jeffreys, Jensen–Shannon, Hellinger,
/// total variation, Bhattacharyya, Pearson χ² and Rényi.
/// </summary>
/// <remarks>
/// <para>Semantics common to every measure:</para>
/// <list type="bullet">
/// <item>Inputs are non-negative weights. They are normalised <em>exactly</em>: p̂ = p / Σp with the sum taken in
/// double-double arithmetic and the differences p̂ᵢ − q̂ᵢ formed with fused multiply–add, so that
/// near-identical distributions keep every digit (scipy.stats.entropy's semantics, done right).</item>
/// <item>0·log 0 = 0. Results are never negative, identical inputs give exactly 0, and no NaN is returned.</item>
/// <item>Every result is within a few units of 1e-15 relative error of the exact value (tested to 1e-12 against
/// 60-digit references).</item>
/// <item>NaN, ±∞, a negative entry, an empty or all-zero vector, or vectors of different lengths throw
/// <see cref="ArgumentException"/> naming the argument, the index and the value.</item>
/// </list>
/// The overloads taking <see cref="DiscreteDistribution"/> align the two on the union of their supports first.
/// </remarks>
public static partial class Measures
{
    private static void CheckPair(ReadOnlySpan<double> p, ReadOnlySpan<double> q) =>
        Preconditions.CheckPair(p, q, nameof(p), nameof(q));

    private static AlignedPair Align(DiscreteDistribution p, DiscreteDistribution q) => AlignedPair.Of(p, q);

    /// <summary>A fused fast kernel: false when its own error bound (or the input) sends the work to the exact path.</summary>
    private delegate bool FastKernel<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, DivergenceKernels.Settings settings, out double nats) where T : unmanaged;

    /// <summary>The exact path, on checked inputs, in nats.</summary>
    private delegate double ExactKernel(ReadOnlySpan<double> p, ReadOnlySpan<double> q);

    /// <summary>The fast kernel when it vouches for its result; otherwise the checks (which throw on bad input) and the exact path.</summary>
    private static double FastOrExact(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int maxDegreeOfParallelism, FastKernel<double> fast, ExactKernel exact)
    {
        if (p.Length != q.Length || p.IsEmpty) CheckPair(p, q);
        if (fast(p, q, DivergenceKernels.Settings.WithParallelism(maxDegreeOfParallelism), out double nats)) return nats;
        CheckPair(p, q);
        return exact(p, q);
    }

    /// <inheritdoc cref="FastOrExact(ReadOnlySpan{double}, ReadOnlySpan{double}, int, FastKernel{double}, ExactKernel)"/>
    private static double FastOrExact(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int maxDegreeOfParallelism, FastKernel<float> fast, ExactKernel exact)
    {
        if (p.Length == q.Length && !p.IsEmpty && fast(p, q, DivergenceKernels.Settings.WithParallelism(maxDegreeOfParallelism), out double nats)) return nats;
        double[] pd = Widen(p), qd = Widen(q);
        CheckPair(pd, qd);
        return exact(pd, qd);
    }

    /// <summary>Single-precision values as doubles (exactly), for the exact path of the float overloads.</summary>
    private static double[] Widen(ReadOnlySpan<float> x)
    {
        var result = new double[x.Length];
        for (int i = 0; i < x.Length; i++) result[i] = x[i];
        return result;
    }
}
