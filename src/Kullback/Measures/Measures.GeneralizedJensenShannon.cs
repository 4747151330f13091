namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// The generalised Jensen–Shannon divergence of k distributions with weights w: JS_w(p₁, …, p_k) = H(Σ ŵₖ·p̂ₖ) − Σ ŵₖ·H(p̂ₖ)
    /// = Σ ŵₖ·D(p̂ₖ‖m) with the mixture m = Σ ŵₖ·p̂ₖ (philentropy's <c>gJSD</c>, dit's <c>jensen_shannon_divergence</c>):
    /// the mutual information between an outcome and the index of the distribution it was drawn from.
    /// </summary>
    /// <param name="distributions">The distributions (probabilities or weights of any magnitude, each normalised exactly), all of one length.</param>
    /// <param name="weights">One non-negative weight per distribution (normalised), or empty for equal weights.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>
    /// 0 ≤ JS_w ≤ H(ŵ) (log k for equal weights); exactly 0 when every distribution of positive weight is the same; H(ŵ)
    /// exactly when their supports are disjoint. Two distributions with equal weights give the Jensen–Shannon divergence.
    /// </returns>
    /// <remarks>
    /// Summed as Σᵢ mᵢ·Σₖ ŵₖ·φ(p̂ₖᵢ/mᵢ) with φ(r) = r·ln r − r + 1 ≥ 0, the ratios' excesses p̂ₖᵢ/mᵢ − 1 taken from p̂ and m in
    /// double-double: every term is non-negative and exact to a few ulps, so near-identical distributions keep their digits,
    /// where H(m) − Σ ŵₖ·H(p̂ₖ) would cancel them all.
    /// </remarks>
    /// <exception cref="InvalidArgumentException">There are no distributions; one is null, empty, all zero, or has a NaN, infinite or negative entry; the lengths differ; or the weights are not one per distribution, non-negative, finite and not all zero.</exception>
    public static double GeneralizedJensenShannon(IReadOnlyList<double[]> distributions, ReadOnlySpan<double> weights = default, InformationUnit unit = default)
    {
        var (w, mixture, excess, _) = Mixture(distributions, weights);
        var sum = new Numerics.NeumaierSum();   // Σᵢ mᵢ·Σₖ ŵₖ·φ(1 + xₖᵢ), every term ≥ 0, m scaled by 2¹⁰⁰⁰
        for (int i = 0; i < mixture.Length; i++)
        {
            if (mixture[i] == 0) continue;
            double inner = 0;
            for (int k = 0; k < w.Length; k++)
            {
                if (w[k] == 0) continue;
                double x = excess[k][i];
                inner += w[k] * Numerics.Elementary.Phi(x, Numerics.Elementary.LogOnePlus(x));
            }
            sum.Add(mixture[i] * inner);
        }
        double bound = 0;
        for (int k = 0; k < w.Length; k++)
            if (w[k] > 0) bound -= w[k] * Math.Log(w[k]);
        double nats = Math.ScaleB(sum.Total, -Numerics.ScaledWeights.DeepShift);
        return unit.FromNats(Math.Clamp(nats, 0.0, Math.Max(0.0, bound)));
    }

    /// <inheritdoc cref="GeneralizedJensenShannon(IReadOnlyList{double[]}, ReadOnlySpan{double}, InformationUnit)"/>
    /// <param name="distributions">The distributions, aligned on the union of their supports.</param>
    /// <param name="weights">One non-negative weight per distribution (normalised), or empty for equal weights.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    public static double GeneralizedJensenShannon(IReadOnlyList<DiscreteDistribution> distributions, ReadOnlySpan<double> weights = default, InformationUnit unit = default) =>
        GeneralizedJensenShannon(AlignAll(distributions), weights, unit);

    /// <summary>
    /// The weighted Jensen–Shannon divergence of two distributions, H(π·p̂ + (1 − π)·q̂) − π·H(p̂) − (1 − π)·H(q̂).
    /// </summary>
    /// <param name="p">The first distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The second.</param>
    /// <param name="weightOfP">π, in [0, 1]; ½ gives the Jensen–Shannon divergence.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>0 ≤ value ≤ H(π, 1 − π); exactly 0 for p̂ = q̂ (or π ∈ {0, 1}).</returns>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; the lengths differ; or π is outside [0, 1].</exception>
    public static double GeneralizedJensenShannon(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double weightOfP, InformationUnit unit = default)
    {
        if (!(weightOfP >= 0 && weightOfP <= 1))
            throw new InvalidArgumentException($"weightOfP = {Numerics.Preconditions.Format(weightOfP)} is not a valid weight: it must lie in [0, 1].", nameof(weightOfP));
        CheckPair(p, q);
        return GeneralizedJensenShannon([p.ToArray(), q.ToArray()], [weightOfP, 1 - weightOfP], unit);
    }
}
