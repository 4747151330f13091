using System.Globalization;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Vasicek's spacing estimate of the differential entropy of a continuous distribution from samples (Vasicek 1976; scipy's
    /// <c>differential_entropy(method="vasicek")</c>): Ĥ = (1/n)·Σᵢ ln(n/(2m)·(X₍ᵢ₊ₘ₎ − X₍ᵢ₋ₘ₎)) over the order statistics,
    /// with X₍ⱼ₎ = X₍₁₎ for j &lt; 1 and X₍ₙ₎ for j &gt; n.
    /// </summary>
    /// <param name="samples">The samples, in any order (they are sorted in a copy): finite numbers, at least 3.</param>
    /// <param name="windowLength">m, the half-width of the spacings: 1 ≤ m &lt; n/2; null for scipy's default ⌊√n + ½⌋.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>
    /// The estimate, in the unit's logarithm per observation (a differential entropy: any sign). It is biased low for small n
    /// (scipy's reference: RMSE 0.198 nats at n = 50, m = 7 for a standard normal) and consistent as n → ∞ with m/n → 0.
    /// </returns>
    /// <remarks>The logarithms of the spacings are added with compensated summation; the result is scale-equivariant (Ĥ(cX) = Ĥ(X) + ln |c|).</remarks>
    /// <exception cref="InvalidArgumentException">A sample is NaN or infinite, there are fewer than 3, or the window is not in 1 ≤ m &lt; n/2.</exception>
    /// <exception cref="NotComputableException">A spacing X₍ᵢ₊ₘ₎ − X₍ᵢ₋ₘ₎ is 0 (ties span a whole window): the estimate would be −∞; the data look discrete, or m is too small for their ties.</exception>
    public static double VasicekEntropy(ReadOnlySpan<double> samples, int? windowLength = null, InformationUnit unit = default)
    {
        int n = samples.Length;
        for (int i = 0; i < n; i++)
            if (!double.IsFinite(samples[i]))
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"samples[{i}] = {Preconditions.Format(samples[i])} is not a finite number."), nameof(samples));
        int m = windowLength ?? (int)Math.Floor(Math.Sqrt(n) + 0.5);
        if (n < 3 || m < 1 || 2 * m >= n)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The window length m = {m} must be at least 1 and less than half the number of samples ({n}); at least 3 samples are needed."), nameof(windowLength));
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        var sum = new NeumaierSum();
        for (int i = 0; i < n; i++)
        {
            double upper = sorted[Math.Min(n - 1, i + m)], lower = sorted[Math.Max(0, i - m)];
            double spacing = upper - lower;
            if (!(spacing > 0))
                throw new NotComputableException(string.Create(CultureInfo.InvariantCulture,
                    $"The spacing X(i+m) − X(i−m) is 0 at order statistic {i + 1} of {n} (value {sorted[i]:R}, window m = {m}): ties span the window, so the estimate would be −∞. The data look discrete; use a larger window or a discrete entropy."));
            // A spacing past the largest double (samples near ±1.8e308) is taken halved, its logarithm plus ln 2.
            sum.Add(double.IsPositiveInfinity(spacing) ? Math.Log(0.5 * upper - 0.5 * lower) + Math.Log(2.0) : Math.Log(spacing));
        }
        return unit.FromNats(sum.Total / n + Math.Log(n / (2.0 * m)));
    }
}
