namespace Kullback;

public static partial class Measures
{
    /// <summary>scipy's elementwise <c>entr</c>: −x·ln x for x &gt; 0, 0 at x = 0, −∞ for x &lt; 0 (the extension that keeps it concave).</summary>
    /// <param name="x">Any double.</param>
    /// <returns>−x·ln x in nats, within an ulp or two; −∞ for x &lt; 0 and for x = +∞; NaN for NaN (as scipy).</returns>
    public static double Entr(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0 || double.IsPositiveInfinity(x)) return double.NegativeInfinity;
        if (x == 0) return 0;
        return -x * Math.Log(x);
    }

    /// <summary>scipy's elementwise <c>entr</c> of every element of <paramref name="x"/> into <paramref name="destination"/>.</summary>
    /// <param name="x">The arguments.</param>
    /// <param name="destination">Receives <see cref="Entr(double)"/> of each; at least as long as <paramref name="x"/>.</param>
    /// <remarks>Elementwise with scipy's semantics: no normalisation, no exception for negative or non-finite entries (each gets its value as above).</remarks>
    /// <exception cref="InvalidArgumentException"><paramref name="destination"/> is shorter than <paramref name="x"/>.</exception>
    public static void Entr(ReadOnlySpan<double> x, Span<double> destination)
    {
        Numerics.Preconditions.CheckDestination(destination.Length, x.Length, nameof(destination));
        for (int i = 0; i < x.Length; i++) destination[i] = Entr(x[i]);
    }
}
