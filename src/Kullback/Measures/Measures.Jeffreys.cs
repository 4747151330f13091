namespace Kullback;

public static partial class Measures
{
    /// <summary>Jeffreys divergence J(p, q) = D(p‖q) + D(q‖p) = Σ (p̂ᵢ − q̂ᵢ)·log(p̂ᵢ/q̂ᵢ): the symmetrised KL divergence.</summary>
    /// <param name="p">One distribution (probabilities or weights, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>J ≥ 0, symmetric, exactly 0 when p̂ = q̂; +∞ when either support misses an outcome of the other.</returns>
    /// <exception cref="ArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double Jeffreys(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit = default)
    {
        var both = KullbackLeiblerBothDirections(p, q, unit);
        return both.Forward + both.Reverse;
    }

    /// <inheritdoc cref="Jeffreys(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    public static double Jeffreys(DiscreteDistribution p, DiscreteDistribution q, InformationUnit unit = default)
    {
        var a = Align(p, q);
        return Jeffreys(a.P.AsSpan(), a.Q.AsSpan(), unit);
    }
}
