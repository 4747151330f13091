using System.Globalization;

namespace Kullback.Comparison;

/// <summary>
/// Holm's step-down correction of p-values across columns (strong control of the family-wise error rate, no
/// assumption about dependence between the tests).
/// </summary>
public static class HolmCorrection
{
    /// <summary>
    /// The Holm-adjusted p-values, in the order given: with p₍₁₎ ≤ … ≤ p₍ₘ₎ sorted, p̃₍ᵢ₎ = maxⱼ≤ᵢ min(1, (m − j + 1)·p₍ⱼ₎).
    /// A column is significant at level α when its adjusted p-value is below α. Ties keep their order.
    /// </summary>
    /// <param name="pValues">p-values in [0, 1]; may be empty.</param>
    /// <exception cref="InvalidArgumentException">A p-value is NaN or outside [0, 1].</exception>
    public static double[] Adjust(ReadOnlySpan<double> pValues)
    {
        int m = pValues.Length;
        for (int i = 0; i < m; i++)
            if (!(pValues[i] >= 0 && pValues[i] <= 1))
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"pValues[{i}] = {pValues[i]:R} is not a probability: p-values must lie in [0, 1]."), nameof(pValues));
        var order = new int[m];
        for (int i = 0; i < m; i++) order[i] = i;
        var p = pValues.ToArray();
        Array.Sort(order, (x, y) => p[x] != p[y] ? p[x].CompareTo(p[y]) : x.CompareTo(y));
        var adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++)
        {
            int i = order[rank];
            running = Math.Max(running, Math.Min(1.0, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
