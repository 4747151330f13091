namespace Kullback.Numerics;

/// <summary>
/// The sum of a non-negative vector to about 106 bits, and the sum of everything but its largest entry.
/// </summary>
/// <remarks>
/// The second sum lets <see cref="LogOfNormalized"/> give ln(xᵢ / Σx) to full relative precision even for
/// an entry that holds nearly all the mass (ln(1 − ε) needs ε itself, not 1 − ε rounded).
/// </remarks>
internal readonly struct ExactSum
{
    private const double SmallestNormal = 2.2250738585072014E-308;

    /// <summary>Σx as a double-double.</summary>
    public DoubleDouble Total { get; }

    /// <summary>Index of the largest entry (the first one, on ties).</summary>
    public int ArgMax { get; }

    /// <summary>Σ of every entry but the one at <see cref="ArgMax"/>.</summary>
    public DoubleDouble Rest { get; }

    /// <summary>The total rounded to a double: the divisor for normalised values.</summary>
    public double Hi => Total.Hi;

    /// <summary>The part of the total below <see cref="Hi"/>'s last bit.</summary>
    public double Lo => Total.Lo;

    private ExactSum(DoubleDouble total, int argMax, DoubleDouble rest)
    {
        Total = total;
        ArgMax = argMax;
        Rest = rest;
    }

    /// <summary>Sums <paramref name="x"/>, which the caller has checked: finite, non-negative, not empty.</summary>
    public static ExactSum Of(ReadOnlySpan<double> x)
    {
        int argMax = 0;
        double max = x[0];
        var rest = DoubleDouble.Zero;
        for (int i = 1; i < x.Length; i++)
        {
            double v = x[i];
            if (v > max)
            {
                rest += max;
                max = v;
                argMax = i;
            }
            else
            {
                rest += v;
            }
        }
        return new ExactSum(rest + max, argMax, rest);
    }

    /// <summary>xᵢ / Σx, rounded once.</summary>
    public double Normalized(double xi) => xi / Total.Hi;

    /// <summary>
    /// ln(xᵢ / Σx) with full relative precision: −∞ for xᵢ = 0, exactly 0 for the only non-zero entry.
    /// </summary>
    public double LogOfNormalized(int i, double xi)
    {
        if (xi == 0) return double.NegativeInfinity;
        if (i == ArgMax && xi >= Rest.Value)
        {
            // The dominant entry: ln(1 − rest/total), with rest known to full precision.
            return Elementary.LogOnePlus(-(Rest.Value / Total.Hi));
        }
        double quotient = xi / Total.Hi;
        if (quotient >= SmallestNormal)
            return Math.Log(quotient) - Total.Lo / Total.Hi;
        // The quotient would be subnormal and lose bits: subtract logarithms instead.
        return Math.Log(xi) - (Math.Log(Total.Hi) + Total.Lo / Total.Hi);
    }
}
