using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// scipy's elementwise <c>kl_div</c>: x·ln(x/y) − x + y for x, y &gt; 0; y for x = 0 ≤ y; +∞ otherwise (x &lt; 0, y &lt; 0,
    /// x &gt; 0 = y, or an infinite argument). Never negative: it is y·φ(x/y) with φ(r) = r·ln r − r + 1.
    /// </summary>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second.</param>
    /// <returns>
    /// ≥ 0 in nats, within a few ulps: y·φ(1 + t) with t = (x − y)/y exact up to one rounding when x and y are within a factor
    /// 1.5 (so nearly equal arguments give their tiny value, never 0 or a negative rounding), x·ln(x/y) − (x − y) with an
    /// exact logarithm beyond. NaN for a NaN argument (as scipy).
    /// </returns>
    public static double KlDiv(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y)) return double.NaN;
        if (x < 0 || y < 0 || double.IsPositiveInfinity(x) || double.IsPositiveInfinity(y)) return double.PositiveInfinity;
        if (x == 0) return y;
        if (y == 0) return double.PositiveInfinity;
        double d = x - y;
        if (Math.Abs(d) <= 0.5 * y)
        {
            double t = d / y;
            return y * Elementary.Phi(t, Elementary.LogOnePlus(t));
        }
        return Math.Max(0.0, x * LogRatio.Of(x, y) - d);
    }

    /// <summary>scipy's elementwise <c>kl_div</c> of each pair (xᵢ, yᵢ) into <paramref name="destination"/>.</summary>
    /// <param name="x">The first arguments.</param>
    /// <param name="y">The second arguments, as many as <paramref name="x"/>.</param>
    /// <param name="destination">Receives <see cref="KlDiv(double, double)"/> of each pair; at least as long as <paramref name="x"/>.</param>
    /// <remarks>Elementwise with scipy's semantics: no normalisation (for probability vectors the sum is D(p‖q)), no exception for negative or non-finite entries.</remarks>
    /// <exception cref="InvalidArgumentException">The lengths of <paramref name="x"/> and <paramref name="y"/> differ, or <paramref name="destination"/> is too short.</exception>
    public static void KlDiv(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination)
    {
        CheckElementwise(x, y, destination);
        for (int i = 0; i < x.Length; i++) destination[i] = KlDiv(x[i], y[i]);
    }
}
