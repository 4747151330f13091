namespace Kullback.Numerics;

/// <summary>
/// Two non-negative vectors p and q with their exact sums, giving the quantities every two-sample measure
/// needs without losing the digits that decide near-identical distributions.
/// </summary>
/// <remarks>
/// With Sp = Σp and Sq = Σq (double-double), p̂ᵢ − q̂ᵢ = dᵢ / (Sp·Sq) where dᵢ = pᵢ·Sq − qᵢ·Sp is taken with
/// fused multiply–add, so it keeps its relative precision however close pᵢ/Sp is to qᵢ/Sq.
/// </remarks>
internal readonly ref struct PairContext
{
    public readonly ReadOnlySpan<double> P;
    public readonly ReadOnlySpan<double> Q;
    public readonly ExactSum Sp;
    public readonly ExactSum Sq;

    /// <summary>ln(Sq / Sp): the factor that turns ln(pᵢ/qᵢ) into ln(p̂ᵢ/q̂ᵢ).</summary>
    public readonly double LogScale;

    public PairContext(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        P = p;
        Q = q;
        Sp = ExactSum.Of(p);
        Sq = ExactSum.Of(q);
        double difference = (Sq.Total - Sp.Total).Value;
        LogScale = Elementary.LogOnePlus(difference / Sp.Hi);
    }

    /// <summary>dᵢ = pᵢ·Sq − qᵢ·Sp, to a few ulps of its own size.</summary>
    public double Difference(double p, double q)
    {
        double t = q * Sp.Hi;
        double e = Math.FusedMultiplyAdd(q, Sp.Hi, -t);   // q·Sp.Hi = t + e exactly
        double a = Math.FusedMultiplyAdd(p, Sq.Hi, -t);   // p·Sq.Hi − t, rounded once
        return (a - e) + (p * Sq.Lo - q * Sp.Lo);
    }

    /// <summary>p̂ᵢ − q̂ᵢ.</summary>
    public double NormalizedDifference(double d) => d / Sp.Hi / Sq.Hi;

    /// <summary>xᵢ = p̂ᵢ/q̂ᵢ − 1 = dᵢ / (Sp·qᵢ) ≥ −1, for qᵢ &gt; 0.</summary>
    public double RelativeExcess(double d, double q) => Math.Max(-1.0, d / (Sp.Hi * q));

    /// <summary>ln(p̂ᵢ / q̂ᵢ) for pᵢ, qᵢ &gt; 0, without overflow when the ratio is huge or tiny.</summary>
    public double LogRatio(int i, double p, double q)
    {
        double ratio = p / q;
        if (ratio >= 2.2250738585072014E-308 && ratio <= double.MaxValue)
            return Math.Log(ratio) + LogScale;
        return Sp.LogOfNormalized(i, p) - Sq.LogOfNormalized(i, q);
    }
}
