using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// scipy's elementwise <c>rel_entr</c>: x·ln(x/y) for x, y &gt; 0; 0 for x = 0 ≤ y; +∞ otherwise (x &lt; 0, y &lt; 0, or
    /// x &gt; 0 = y). Summed over a pair of probability vectors it is D(p‖q); its terms may be negative.
    /// </summary>
    /// <param name="x">The first argument (a probability, say).</param>
    /// <param name="y">The second.</param>
    /// <returns>
    /// x·ln(x/y) in nats, within a few ulps: the logarithm is log1p of the exact relative difference when x and y are within a
    /// factor 2 (so 0.9456657713430001 against 0.9456657713430094 gives −9.325873406851269e−15, not a rounding of it), and is
    /// taken without forming x/y when that would overflow or underflow (4 against 2.22e−308 gives 2839.14). NaN for a NaN
    /// argument; −∞ for finite x &gt; 0 and y = +∞; +∞ for x = +∞ and finite y; NaN for both +∞ (as scipy).
    /// </returns>
    public static double RelEntr(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y)) return double.NaN;
        if (x > 0 && y > 0)
        {
            if (double.IsPositiveInfinity(x)) return double.IsPositiveInfinity(y) ? double.NaN : double.PositiveInfinity;
            if (double.IsPositiveInfinity(y)) return double.NegativeInfinity;
            return x * LogRatio.Of(x, y);
        }
        if (x == 0 && y >= 0) return 0;
        return double.PositiveInfinity;
    }

    /// <summary>scipy's elementwise <c>rel_entr</c> of each pair (xᵢ, yᵢ) into <paramref name="destination"/>.</summary>
    /// <param name="x">The first arguments.</param>
    /// <param name="y">The second arguments, as many as <paramref name="x"/>.</param>
    /// <param name="destination">Receives <see cref="RelEntr(double, double)"/> of each pair; at least as long as <paramref name="x"/>.</param>
    /// <remarks>Elementwise with scipy's semantics: no normalisation, no exception for negative or non-finite entries.</remarks>
    /// <exception cref="InvalidArgumentException">The lengths of <paramref name="x"/> and <paramref name="y"/> differ, or <paramref name="destination"/> is too short.</exception>
    public static void RelEntr(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination)
    {
        CheckElementwise(x, y, destination);
        for (int i = 0; i < x.Length; i++) destination[i] = RelEntr(x[i], y[i]);
    }

    private static void CheckElementwise(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination)
    {
        if (x.Length != y.Length)
            throw new InvalidArgumentException($"x has {x.Length} entries and y has {y.Length}: elementwise functions need the same length.", nameof(y));
        Preconditions.CheckDestination(destination.Length, x.Length, nameof(destination));
    }
}
