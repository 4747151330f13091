namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Taneja's divergence T(p, q) = Σ m̂ᵢ·log(m̂ᵢ/√(p̂ᵢq̂ᵢ)), m̂ = (p̂ + q̂)/2 (the arithmetic–geometric mean divergence;
    /// philentropy's <c>taneja</c>).
    /// </summary>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>
    /// T ≥ 0, symmetric; exactly 0 for p̂ = q̂; +∞ when some outcome has exactly one of p̂ᵢ, q̂ᵢ equal to 0 (its geometric mean
    /// vanishes while the arithmetic one does not). Outcomes with p̂ᵢ = q̂ᵢ = 0 are left out.
    /// </returns>
    /// <remarks>
    /// Each term is m̂ᵢ·½·log1p((p̂ᵢ − q̂ᵢ)²/(4p̂ᵢq̂ᵢ)) with the exact difference: the logarithm of m̂²/ĝ² never cancels.
    /// philentropy replaces a vanishing √(p̂q̂) by 10⁻⁵ and returns a finite number there; the true value is +∞.
    /// </remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double Taneja(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit = default) =>
        Taneja(p, q, unit, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="Taneja(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    /// <param name="p">One distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The other.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input may use: −1 for all, 1 for this thread only.</param>
    public static double Taneja(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit, int maxDegreeOfParallelism) =>
        unit.FromNats(PairTermSum<Kernels.TanejaTerms>(p, q, maxDegreeOfParallelism));

    /// <inheritdoc cref="Taneja(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    public static double Taneja(DiscreteDistribution p, DiscreteDistribution q, InformationUnit unit = default)
    {
        var a = Align(p, q);
        return Taneja(a.P.AsSpan(), a.Q.AsSpan(), unit);
    }
}
