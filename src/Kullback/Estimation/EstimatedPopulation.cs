namespace Kullback.Estimation;

/// <summary>
/// The distribution a sample's bootstrap replicates are drawn from when outcomes may have gone unseen: Chao's
/// estimated population, the observed relative frequencies shrunk for the mass they missed plus that mass spread over
/// the outcomes the sample is estimated to have missed.
/// </summary>
/// <remarks>
/// <para>
/// With N observations, f₁ singletons and f₂ doubletons: the unseen outcomes f̂₀ = ((N − 1)/N)·f₁²/(2f₂), or
/// ((N − 1)/N)·f₁(f₁ − 1)/2 when f₂ = 0 (Chao1, bias-corrected); the unseen mass
/// a = (f₁/N)·N f̂₀/(N f̂₀ + f₁) (the Good–Turing 1 − C, refined); each observed outcome's probability
/// p̃ᵢ = (nᵢ/N)(1 − λ(1 − nᵢ/N)ᴺ) with λ = a / Σⱼ (nⱼ/N)(1 − nⱼ/N)ᴺ, so that they sum to 1 − a; and ⌈f̂₀⌉ unseen
/// outcomes of a/⌈f̂₀⌉ each. A. Chao, Y. T. Wang and L. Jost, "Entropy and the species accumulation curve",
/// Methods in Ecology and Evolution 4 (2013), appendix S2; the same population as iNEXT's and SpadeR's bootstraps.
/// </para>
/// <para>
/// Without singletons f̂₀ = 0 and the population is the empirical distribution nᵢ/N, the usual bootstrap's. With them,
/// replicates drawn from the empirical distribution miss rare outcomes less often than the samples did (it has none
/// but the observed ones), so an estimator's bias in the bootstrap world is smaller than its bias in the real one, and
/// the interval undercovers; drawing from the estimated population keeps unseen outcomes in the bootstrap world.
/// </para>
/// </remarks>
internal static class EstimatedPopulation
{
    /// <summary>
    /// The population's probabilities: one per entry of <paramref name="counts"/> (0 for the unobserved ones), then the
    /// ⌈f̂₀⌉ unseen outcomes; null when f̂₀ = 0 (or a single outcome was seen), where it is the empirical distribution.
    /// </summary>
    /// <param name="counts">The counts (N ≥ 1).</param>
    public static double[]? Of(ReadOnlySpan<long> counts)
    {
        long total = 0, singletons = 0, doubletons = 0;
        int observed = 0;
        foreach (long c in counts)
        {
            total += c;
            if (c > 0) observed++;
            if (c == 1) singletons++;
            else if (c == 2) doubletons++;
        }
        double n = total, f1 = singletons;
        double unseen = doubletons > 0 ? (n - 1) / n * f1 * f1 / (2.0 * doubletons) : (n - 1) / n * f1 * (f1 - 1) / 2;
        // Singletons but no outcome estimated unseen (f₁ = 1, f₂ = 0), or a single outcome: the empirical distribution.
        int extra = unseen > 0 && observed > 1 ? (int)Math.Min(Math.Ceiling(unseen - 1e-9), int.MaxValue - counts.Length - 1) : 0;
        if (extra == 0) return null;
        var probabilities = new double[counts.Length + extra];
        double missing = f1 / n * (n * unseen / (n * unseen + f1));
        double weight = 0;
        foreach (long c in counts)
        {
            if (c > 0) weight += c / n * Math.Exp(n * Numerics.Elementary.LogOnePlus(-c / n));
        }
        double lambda = weight > 0 ? missing / weight : 0;
        for (int i = 0; i < counts.Length; i++)
        {
            double share = counts[i] / n;
            if (counts[i] > 0) probabilities[i] = share * (1 - lambda * Math.Exp(n * Numerics.Elementary.LogOnePlus(-share)));
        }
        for (int j = 0; j < extra; j++) probabilities[counts.Length + j] = missing / extra;
        return probabilities;
    }
}
