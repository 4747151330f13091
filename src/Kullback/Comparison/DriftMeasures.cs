using System.Collections.Immutable;

namespace Kullback.Comparison;

/// <summary>
/// The divergences between a column's reference and current distributions over its bins, computed from the smoothed
/// proportions with Kullback's exact measures: both Kullback–Leibler directions, PSI, Jensen–Shannon divergence and
/// distance, Hellinger and total variation.
/// </summary>
/// <remarks>
/// <para>Every measure is over exactly the bins of the histogram (all of them, the missing bin included), each with the
/// pseudocount a added on both sides: rᵢ = (referenceᵢ + a)/(n_ref + a·B), cᵢ = (currentᵢ + a)/(n_cur + a·B).</para>
/// <para>Identical histograms give exactly 0 for every measure. A one-bin column gives 0, not NaN.</para>
/// </remarks>
public sealed record DriftMeasures
{
    /// <summary>The smoothing applied.</summary>
    public required Smoothing Smoothing { get; init; }

    /// <summary>The unit of the information measures and of <see cref="JensenShannonDistance"/>.</summary>
    public required InformationUnit Unit { get; init; }

    /// <summary>The bins the measures are over, in order.</summary>
    public required ImmutableArray<Bin> Bins { get; init; }

    /// <summary>The smoothed reference proportions rᵢ (summing to 1).</summary>
    public required ImmutableArray<double> ReferenceProportions { get; init; }

    /// <summary>The smoothed current proportions cᵢ (summing to 1).</summary>
    public required ImmutableArray<double> CurrentProportions { get; init; }

    /// <summary>D(reference ‖ current) = Σ rᵢ·log(rᵢ/cᵢ): the information lost when the current distribution stands in for the reference. +∞ when a bin has rᵢ &gt; 0 = cᵢ.</summary>
    public required Information KullbackLeiblerReferenceCurrent { get; init; }

    /// <summary>D(current ‖ reference) = Σ cᵢ·log(cᵢ/rᵢ). +∞ when a bin has cᵢ &gt; 0 = rᵢ.</summary>
    public required Information KullbackLeiblerCurrentReference { get; init; }

    /// <summary>The population stability index PSI = Σ (cᵢ − rᵢ)·log(cᵢ/rᵢ), which is the Jeffreys divergence D(r‖c) + D(c‖r).</summary>
    public required Information PopulationStabilityIndex { get; init; }

    /// <summary>Each bin's share of PSI, (cᵢ − rᵢ)·log(cᵢ/rᵢ) ≥ 0 in <see cref="Unit"/>; +∞ for a bin empty on one side only without smoothing.</summary>
    public required ImmutableArray<double> PopulationStabilityContributions { get; init; }

    /// <summary>The Jensen–Shannon divergence JS = ½D(r‖m) + ½D(c‖m), m = (r + c)/2: at most ln 2 nats = 1 bit.</summary>
    public required Information JensenShannonDivergence { get; init; }

    /// <summary>The Jensen–Shannon distance √JS with JS taken in <see cref="Unit"/> (at most 1 in bits, √ln 2 ≈ 0.833 in nats): a metric.</summary>
    public required double JensenShannonDistance { get; init; }

    /// <summary>The Hellinger distance √(1 − Σ√(rᵢcᵢ)) = √(½Σ(√rᵢ − √cᵢ)²), in [0, 1], no unit.</summary>
    public required double Hellinger { get; init; }

    /// <summary>The total variation distance ½Σ|rᵢ − cᵢ|, in [0, 1], no unit.</summary>
    public required double TotalVariation { get; init; }

    /// <summary>Bins with rᵢ &gt; 0 and cᵢ = 0 (only without smoothing): why D(reference‖current) and PSI are +∞.</summary>
    public required ImmutableArray<Bin> InfiniteReferenceCurrentAt { get; init; }

    /// <summary>Bins with cᵢ &gt; 0 and rᵢ = 0 (only without smoothing): why D(current‖reference) and PSI are +∞.</summary>
    public required ImmutableArray<Bin> InfiniteCurrentReferenceAt { get; init; }

    /// <summary>Computes every measure over the histogram's bins.</summary>
    /// <param name="histogram">The column's bins and counts.</param>
    /// <param name="smoothing">The pseudocount; <see cref="Smoothing.Jeffreys"/> (a = ½) when null.</param>
    /// <param name="unit">The unit of the information measures; nats by default.</param>
    /// <exception cref="InvalidArgumentException">A sample has no values at all in the column.</exception>
    public static DriftMeasures Compute(ColumnHistogram histogram, Smoothing? smoothing = null, InformationUnit unit = default)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var s = smoothing ?? Smoothing.Jeffreys;
        if (histogram.ReferenceTotal == 0)
            throw new InvalidArgumentException("The reference sample has no values in this column (not even missing ones): there is no distribution to compare with.", nameof(histogram));
        if (histogram.CurrentTotal == 0)
            throw new InvalidArgumentException("The current sample has no values in this column (not even missing ones): there is no distribution to compare.", nameof(histogram));
        int b = histogram.Count;
        double a = s.Pseudocount;
        var r = new double[b];
        var c = new double[b];
        for (int i = 0; i < b; i++)
        {
            r[i] = histogram.Reference[i] + a;
            c[i] = histogram.Current[i] + a;
        }
        var kl = Measures.KullbackLeiblerBothDirections(r, c);
        double js = Measures.JensenShannonDivergence(r, c);
        double rTotal = histogram.ReferenceTotal + a * b, cTotal = histogram.CurrentTotal + a * b;
        var contributions = new double[b];
        for (int i = 0; i < b; i++) contributions[i] = unit.FromNats(PsiTerm(r[i], c[i], rTotal, cTotal));
        return new DriftMeasures
        {
            Smoothing = s,
            Unit = unit,
            Bins = histogram.Bins,
            ReferenceProportions = [.. r.Select(x => x / rTotal)],
            CurrentProportions = [.. c.Select(x => x / cTotal)],
            KullbackLeiblerReferenceCurrent = Information.FromNats(kl.Forward),
            KullbackLeiblerCurrentReference = Information.FromNats(kl.Reverse),
            PopulationStabilityIndex = Information.FromNats(kl.Forward + kl.Reverse),
            PopulationStabilityContributions = [.. contributions],
            JensenShannonDivergence = Information.FromNats(js),
            JensenShannonDistance = Math.Sqrt(unit.FromNats(js)),
            Hellinger = Measures.Hellinger(r, c),
            TotalVariation = Measures.TotalVariation(r, c),
            InfiniteReferenceCurrentAt = [.. Enumerable.Range(0, b).Where(i => r[i] > 0 && c[i] == 0).Select(i => histogram.Bins[i])],
            InfiniteCurrentReferenceAt = [.. Enumerable.Range(0, b).Where(i => c[i] > 0 && r[i] == 0).Select(i => histogram.Bins[i])],
        };
    }

    /// <summary>
    /// (p − q)·ln(p/q) for p = r/R, q = c/C, with r·C − c·R taken exactly (two fused multiply–adds) and ln(p/q) as
    /// ln(1 + x), so that the terms of near-identical distributions keep their digits; +∞ when one side is 0.
    /// </summary>
    private static double PsiTerm(double r, double c, double rTotal, double cTotal)
    {
        if (r == 0 && c == 0) return 0;
        if (r == 0 || c == 0) return double.PositiveInfinity;
        double product = c * rTotal;
        double productError = Math.FusedMultiplyAdd(c, rTotal, -product);
        double difference = Math.FusedMultiplyAdd(r, cTotal, -product) - productError;   // r·C − c·R
        double x = difference / product;                                                  // p/q − 1
        double log = x > -0.5 && x < 1 ? Numerics.Elementary.LogOnePlus(x) : Math.Log(r / rTotal) - Math.Log(c / cTotal);
        return Math.Max(0.0, difference / (rTotal * cTotal) * log);
    }
}
