using Kullback.Kernels;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Jeffreys divergence J(p, q) = D(p‖q) + D(q‖p) = Σ (p̂ᵢ − q̂ᵢ)·log(p̂ᵢ/q̂ᵢ): the symmetrised KL divergence.</summary>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>J ≥ 0, symmetric, exactly 0 when p̂ = q̂; +∞ when either support misses an outcome of the other.</returns>
    /// <remarks>The fused pass takes Σ pᵢ·ln(pᵢ/qᵢ)/Σp − Σ qᵢ·ln(pᵢ/qᵢ)/Σq (the normalisation's logarithms cancel); the exact path adds the two exact divergences.</remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double Jeffreys(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit = default) =>
        Jeffreys(p, q, unit, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="Jeffreys(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double Jeffreys(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit, int maxDegreeOfParallelism) =>
        unit.FromNats(FastOrExact(p, q, maxDegreeOfParallelism, KullbackLeiblerKernel.TryJeffreys, JeffreysNats));

    /// <summary>J(p, q) for single-precision inputs (read as floats, computed in double).</summary>
    /// <inheritdoc cref="Jeffreys(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit, int)"/>
    public static double Jeffreys(ReadOnlySpan<float> p, ReadOnlySpan<float> q, InformationUnit unit = default, int maxDegreeOfParallelism = -1) =>
        unit.FromNats(FastOrExact(p, q, maxDegreeOfParallelism, KullbackLeiblerKernel.TryJeffreys, JeffreysNats));

    /// <inheritdoc cref="Jeffreys(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    public static double Jeffreys(DiscreteDistribution p, DiscreteDistribution q, InformationUnit unit = default)
    {
        var a = Align(p, q);
        return Jeffreys(a.P.AsSpan(), a.Q.AsSpan(), unit);
    }

    private static double JeffreysNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings) =>
        ExactKullbackLeiblerNats(p, q, settings) + ExactKullbackLeiblerNats(q, p, settings);
}
