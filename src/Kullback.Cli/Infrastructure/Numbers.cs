using System.Globalization;

namespace Kullback.Cli;

/// <summary>How numbers are shown to people (tables) and to programs (JSON): always invariant culture.</summary>
internal static class Numbers
{
    /// <summary>For tables: fixed with <paramref name="decimals"/> places in the usual range, scientific outside it, ∞ for infinity.</summary>
    public static string Display(double value, int decimals = 6)
    {
        if (double.IsPositiveInfinity(value)) return "∞";
        if (value == 0) return "0";
        double a = Math.Abs(value);
        if (a >= Math.Pow(10, -decimals + 1) && a < 1e7)
            return value.ToString("F" + decimals, CultureInfo.InvariantCulture);
        return value.ToString("0.#####e+0", CultureInfo.InvariantCulture);
    }

    /// <summary>Shortest round-trip form.</summary>
    public static string RoundTrip(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
