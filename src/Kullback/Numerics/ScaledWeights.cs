namespace Kullback.Numerics;

/// <summary>
/// A non-negative weight vector x scaled exactly by a power of two, sᵢ = xᵢ·2ᵉ with the largest sᵢ in [1, 2), and the
/// sum of the scaled entries to about 106 bits: what the exact measures normalise by, p̂ᵢ = xᵢ/Σx = sᵢ/Σs.
/// </summary>
/// <remarks>
/// <para>Scaling changes no normalised value, and it makes weights of any magnitude alike: sums past
/// <see cref="double.MaxValue"/>, vectors of subnormals and any common factor. Σs lies in [1, 2n).</para>
/// <para>An entry below 2⁻⁹⁰⁰ of the largest (a vector spanning more than 270 decades) would lose bits as a scaled
/// double: such <em>deep</em> entries are carried at level <see cref="DeepShift"/>, scaled by a further 2¹⁰⁰⁰, so that
/// terms made of them keep full precision in a <see cref="TwoLevelSum"/>; their logarithms are taken in log space,
/// ln xᵢ + e·ln 2 − ln Σs. Deep entries are below the 106 bits of Σs and are left out of it.</para>
/// </remarks>
internal readonly struct ScaledWeights
{
    /// <summary>The extra power of two (2¹⁰⁰⁰) at which deep entries and the terms made of them are carried.</summary>
    public const int DeepShift = 1000;

    /// <summary>2⁻⁹⁰⁰: scaled entries below this are deep.</summary>
    public const double RegularLimit = 1.1830521861667747e-271;

    public const double SmallestNormal = 2.2250738585072014E-308;

    // ln 2 in two parts, the first with 42 significant bits so that k·Ln2Head is exact for |k| < 2¹¹ (as in VectorLog).
    private const double Ln2Head = 0.6931471805598903;
    private const double Ln2Tail = 5.497923018708371e-14;

    // 2^Exponent as the product of two representable powers of two (the second is 1 unless Exponent > 1023).
    private readonly double _factor, _factor2;

    private ScaledWeights(int exponent, DoubleDouble total, int argMax, DoubleDouble rest, DoubleDouble deepRest, bool hasDeep)
    {
        Exponent = exponent;
        (_factor, _factor2) = Factors(exponent);
        Total = total;
        ArgMax = argMax;
        Rest = rest;
        DeepRest = deepRest;
        HasDeep = hasDeep;
    }

    /// <summary>e: sᵢ = xᵢ·2ᵉ.</summary>
    public int Exponent { get; }

    /// <summary>2ᵉ = <see cref="Factor"/>·<see cref="Factor2"/>, two representable powers of two (the second is 1 unless e &gt; 1023).</summary>
    public double Factor => _factor;

    /// <inheritdoc cref="Factor"/>
    public double Factor2 => _factor2;

    /// <summary>Σs over the regular entries, as a double-double in [1, 2n).</summary>
    public DoubleDouble Total { get; }

    /// <summary>The total rounded to a double: the divisor for normalised values.</summary>
    public double Hi => Total.Hi;

    /// <summary>The part of the total below <see cref="Hi"/>'s last bit.</summary>
    public double Lo => Total.Lo;

    /// <summary>Index of the largest entry (the first one, on ties).</summary>
    public int ArgMax { get; }

    /// <summary>Σs over the regular entries other than <see cref="ArgMax"/>.</summary>
    public DoubleDouble Rest { get; }

    /// <summary>Σ sᵢ·2^<see cref="DeepShift"/> over the deep entries.</summary>
    public DoubleDouble DeepRest { get; }

    /// <summary>Whether some positive entry is deep (below 2⁻⁹⁰⁰ of the largest).</summary>
    public bool HasDeep { get; }

    /// <summary>Scales <paramref name="x"/>, which the caller has checked: finite, non-negative, not empty, not all zero.</summary>
    public static ScaledWeights Of(ReadOnlySpan<double> x)
    {
        int argMax = Kernels.ScaledSumKernel.IndexOfMax(x);
        double max = x[argMax];
        int exponent = -Math.ILogB(max);
        var (f1, f2) = Factors(exponent);
        double largest = max * f1 * f2;
        // Vectorised, the common case: no deep entry on either side of the largest.
        if (Kernels.ScaledSumKernel.TrySum(x, 0, argMax, f1, f2, out var before) && Kernels.ScaledSumKernel.TrySum(x, argMax + 1, x.Length, f1, f2, out var after))
        {
            var regular = before + after;
            return new ScaledWeights(exponent, regular + largest, argMax, regular, DoubleDouble.Zero, hasDeep: false);
        }
        var rest = DoubleDouble.Zero;
        var deepRest = DoubleDouble.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            if (i == argMax) continue;
            double s = x[i] * f1 * f2;
            if (s >= RegularLimit) rest += s;
            else if (x[i] > 0) deepRest += Math.ScaleB(x[i], exponent + DeepShift);
        }
        return new ScaledWeights(exponent, rest + largest, argMax, rest, deepRest, hasDeep: true);
    }

    /// <summary>sᵢ = xᵢ·2ᵉ, exact unless it is deep (then rounded, possibly to 0).</summary>
    public double Scale(double x) => x * _factor * _factor2;

    /// <summary>xᵢ·2^(e + <see cref="DeepShift"/>): a deep entry at its level, exact.</summary>
    public double ScaleDeep(double x) => Math.ScaleB(x, Exponent + DeepShift);

    /// <summary>Whether a positive scaled entry is deep.</summary>
    public static bool IsDeep(double scaled) => scaled < RegularLimit;

    /// <summary>xᵢ / Σx, rounded once (subnormal, and imprecise, for a deep entry).</summary>
    public double Normalized(double x) => Scale(x) / Hi;

    /// <summary>xᵢ / Σx at its level: the value times 2^level, full precision at either level.</summary>
    public (double Value, int Level) Weight(double x)
    {
        double s = Scale(x);
        return s >= RegularLimit || x == 0 ? (s / Hi, 0) : (ScaleDeep(x) / Hi, DeepShift);
    }

    /// <summary>ln Σs: the scaled total's logarithm, to a few ulps.</summary>
    public double LogTotal => Math.Log(Hi) + Lo / Hi;

    /// <summary>Whether entry i holds at least half the mass, so that ln p̂ᵢ = ln(1 − ε) needs ε = Σ others / Σ itself.</summary>
    public bool IsDominant(int i, double x) => i == ArgMax && Scale(x) >= RestValue;

    private double RestValue => Rest.Value + Math.ScaleB(DeepRest.Value, -DeepShift);

    /// <summary>ε = 1 − p̂ of the largest entry = Σ others / Σ, at its level (deep when every other entry is deep).</summary>
    public (double Value, int Level) Deficit() =>
        Rest.Hi > 0 || DeepRest.Hi == 0 ? (RestValue / Hi, 0) : (DeepRest.Value / Hi, DeepShift);

    /// <summary>
    /// ln(xᵢ / Σx) with full relative precision: −∞ for xᵢ = 0, exactly 0 for the only non-zero entry, ln(1 − ε) for a
    /// dominant entry, and the logarithms' difference for a deep one.
    /// </summary>
    public double LogOfNormalized(int i, double x)
    {
        if (x == 0) return double.NegativeInfinity;
        if (IsDominant(i, x))
        {
            var (deficit, level) = Deficit();
            return level == 0 ? Elementary.LogOnePlus(-deficit) : -Math.ScaleB(deficit, -level);
        }
        double s = Scale(x);
        if (s >= RegularLimit) return Math.Log(s / Hi) - Lo / Hi;
        // ln xᵢ + e·ln 2 − ln Σs: each part exact to an ulp or two of its own size, and the result is at least 620 in size.
        return Math.Log(x) + Exponent * Ln2Head + (Exponent * Ln2Tail - LogTotal);
    }

    /// <summary>2ᵉ as two representable powers of two (one suffices unless e &gt; 1023, when the largest entry is subnormal).</summary>
    private static (double, double) Factors(int exponent) =>
        exponent <= 1023 ? (Math.ScaleB(1.0, exponent), 1.0) : (Math.ScaleB(1.0, 1023), Math.ScaleB(1.0, exponent - 1023));
}
