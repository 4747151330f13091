namespace Kullback.Numerics;

/// <summary>
/// Two non-negative vectors p and q, each scaled exactly by a power of two with its exact sum (<see cref="ScaledWeights"/>),
/// giving every two-sample measure the per-outcome quantities it needs without losing the digits that decide
/// near-identical distributions or the precision of entries far below the largest.
/// </summary>
/// <remarks>
/// With scaled entries a, b and scaled sums Sp, Sq (double-double), p̂ᵢ − q̂ᵢ = dᵢ / (Sp·Sq) where dᵢ = a·Sq − b·Sp is
/// taken with fused multiply–add, so it keeps its relative precision however close p̂ᵢ is to q̂ᵢ. An outcome whose two
/// scaled entries are both deep is carried at the deep level (both times 2^<see cref="ScaledWeights.DeepShift"/>); every
/// two-sample term is homogeneous of degree one in (p̂ᵢ, q̂ᵢ), so it is computed there and added at that level.
/// </remarks>
internal readonly ref struct ExactPair
{
    public readonly ReadOnlySpan<double> P;
    public readonly ReadOnlySpan<double> Q;
    public readonly ScaledWeights Sp;
    public readonly ScaledWeights Sq;

    /// <summary>ln(Sq / Sp) of the scaled sums: the term that turns ln(aᵢ/bᵢ) into ln(p̂ᵢ/q̂ᵢ).</summary>
    public readonly double LogScale;

    public ExactPair(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        P = p;
        Q = q;
        Sp = ScaledWeights.Of(p);
        Sq = ScaledWeights.Of(q);
        LogScale = LogOfRatio(Sq.Total, Sp.Total);
    }

    /// <summary>Whether either vector has deep entries (then only the scalar exact paths apply).</summary>
    public bool HasDeep => Sp.HasDeep || Sq.HasDeep;

    /// <summary>Outcome i at its level: the scaled entries and their exact difference.</summary>
    public PairEntry Entry(int i)
    {
        double a = Sp.Scale(P[i]), b = Sq.Scale(Q[i]);
        int level = 0;
        if (ScaledWeights.IsDeep(a) && ScaledWeights.IsDeep(b))
        {
            a = Sp.ScaleDeep(P[i]);
            b = Sq.ScaleDeep(Q[i]);
            level = ScaledWeights.DeepShift;
        }
        return new PairEntry(a, b, Difference(a, b), level);
    }

    /// <summary>d = a·Sq − b·Sp, to a few ulps of its own size.</summary>
    public double Difference(double a, double b)
    {
        double t = b * Sp.Hi;
        double e = Math.FusedMultiplyAdd(b, Sp.Hi, -t);   // b·Sp.Hi = t + e exactly
        double m = Math.FusedMultiplyAdd(a, Sq.Hi, -t);   // a·Sq.Hi − t, rounded once
        return (m - e) + (a * Sq.Lo - b * Sp.Lo);
    }

    /// <summary>p̂ᵢ − q̂ᵢ (times 2^level) from d.</summary>
    public double NormalizedDifference(double d) => d / Sp.Hi / Sq.Hi;

    /// <summary>p̂ᵢ (times 2^level).</summary>
    public double PHat(in PairEntry e) => e.A / Sp.Hi;

    /// <summary>q̂ᵢ (times 2^level).</summary>
    public double QHat(in PairEntry e) => e.B / Sq.Hi;

    /// <summary>x = p̂ᵢ/q̂ᵢ − 1 = d / (Sp·b) ≥ −1, for b &gt; 0; +∞ (or imprecise) when q̂ᵢ is far below p̂ᵢ.</summary>
    public double RelativeExcess(in PairEntry e) => Math.Max(-1.0, e.D / (Sp.Hi * e.B));

    /// <summary>ln(p̂ᵢ/q̂ᵢ) for pᵢ, qᵢ &gt; 0, to a few ulps however huge or tiny the ratio.</summary>
    public double LogRatio(int i, in PairEntry e)
    {
        if (e.A >= ScaledWeights.SmallestNormal && e.B >= ScaledWeights.SmallestNormal)
        {
            double ratio = e.A / e.B;
            if (ratio >= ScaledWeights.SmallestNormal && ratio <= double.MaxValue) return Math.Log(ratio) + LogScale;
        }
        return LogP(i) - LogQ(i);
    }

    /// <summary>ln p̂ᵢ.</summary>
    public double LogP(int i) => Sp.LogOfNormalized(i, P[i]);

    /// <summary>ln q̂ᵢ.</summary>
    public double LogQ(int i) => Sq.LogOfNormalized(i, Q[i]);

    /// <summary>ln(x/y) for two double-doubles in [1, 2n).</summary>
    private static double LogOfRatio(DoubleDouble x, DoubleDouble y)
    {
        double difference = (x - y).Value;
        if (Math.Abs(difference) <= 0.5 * y.Hi) return Elementary.LogOnePlus(difference / y.Hi);
        return Math.Log(x.Hi / y.Hi) + (x.Lo / x.Hi - y.Lo / y.Hi);
    }
}

/// <summary>One outcome of an <see cref="ExactPair"/> at its level: scaled entries A, B and D = A·Sq − B·Sp.</summary>
internal readonly record struct PairEntry(double A, double B, double D, int Level);
