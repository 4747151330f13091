using System.Globalization;

namespace Kullback;

/// <summary>
/// Values given as probabilities do not sum to 1 (within <see cref="DiscreteDistribution.ProbabilitySumTolerance"/>):
/// perhaps they are counts or weights, which would be normalised if given as such.
/// </summary>
public sealed class ProbabilitySumException : InvalidInputException
{
    /// <summary>Creates the exception for values from <paramref name="source"/> that sum to <paramref name="sum"/>.</summary>
    public ProbabilitySumException(string source, double sum)
        : base($"the probabilities sum to {Show(sum)} ({DiscrepancyOf(sum)}); counts or weights are normalised if given as such.", new InputLocation(source))
    {
        Sum = sum;
        Discrepancy = DiscrepancyOf(sum);
    }

    /// <summary>What the values sum to (+∞ when the sum overflows).</summary>
    public double Sum { get; }

    /// <summary>How far the sum is from 1, in words: "0.1 short of 1", "9 over 1".</summary>
    public string Discrepancy { get; }

    /// <summary>The sum as shown in messages: its shortest round-trip form, or "more than the largest double".</summary>
    public string SumText => Show(Sum);

    private static string Show(double sum) =>
        double.IsPositiveInfinity(sum) ? "more than the largest double" : sum.ToString("R", CultureInfo.InvariantCulture);

    private static string DiscrepancyOf(double sum)
    {
        if (double.IsPositiveInfinity(sum)) return "far over 1";
        double off = sum - 1.0;
        return string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(off):G3} {(off < 0 ? "short of" : "over")} 1; the tolerance is 1e-9");
    }
}
