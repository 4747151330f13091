using System.Collections.Immutable;
using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Kullback–Leibler divergence D(p‖q) = Σ p̂ᵢ·log(p̂ᵢ/q̂ᵢ): the information lost when q stands in for p.</summary>
    /// <param name="p">The true distribution (probabilities or weights, normalised exactly).</param>
    /// <param name="q">The approximation.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>
    /// D(p‖q) ≥ 0, exactly 0 when p̂ = q̂; +∞ when some p̂ᵢ &gt; 0 has q̂ᵢ = 0 (use
    /// <see cref="KullbackLeiblerBreakdown"/> to learn which). Not symmetric: D(p‖q) ≠ D(q‖p) in general.
    /// </returns>
    /// <remarks>
    /// Computed as Σ q̂ᵢ·φ(p̂ᵢ/q̂ᵢ) with φ(r) = r·ln r − r + 1 ≥ 0 (equal to the textbook sum because Σp̂ = Σq̂ = 1),
    /// φ taken by its series near r = 1 and rᵢ − 1 from the exact differences, so each term is non-negative and
    /// exact to a few ulps: 1e-19 divergences between near-identical vectors keep all their digits.
    /// </remarks>
    /// <exception cref="ArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit = default) =>
        KullbackLeibler(p, q, unit, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    /// <param name="p">The true distribution (probabilities or weights, normalised exactly).</param>
    /// <param name="q">The approximation.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input (32,768 entries or more) may use: −1 for all, 1 for this thread only.</param>
    /// <remarks>
    /// A fused, vectorised pass (AVX-512 or AVX2) validates the inputs and takes Σp, Σq and Σ p·ln(p/q) together,
    /// bounding its own rounding error; when that bound exceeds 2e-13 of the result (near-identical inputs), the exact
    /// path described on <see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/> decides.
    /// </remarks>
    public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit, int maxDegreeOfParallelism) =>
        unit.FromNats(FastOrExact(p, q, maxDegreeOfParallelism, DivergenceKernels.TryKullbackLeibler, ExactKullbackLeiblerNats));

    /// <summary>D(p‖q) for single-precision inputs, computed in double precision with the same semantics and accuracy.</summary>
    /// <inheritdoc cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit, int)"/>
    public static double KullbackLeibler(ReadOnlySpan<float> p, ReadOnlySpan<float> q, InformationUnit unit = default, int maxDegreeOfParallelism = -1) =>
        unit.FromNats(FastOrExact(p, q, maxDegreeOfParallelism, DivergenceKernels.TryKullbackLeibler, ExactKullbackLeiblerNats));

    /// <summary>D(p‖q) and D(q‖p) from one fused pass over both vectors.</summary>
    /// <inheritdoc cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit, int)"/>
    public static DivergencePair KullbackLeiblerBothDirections(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit = default, int maxDegreeOfParallelism = -1)
    {
        if (p.Length != q.Length || p.IsEmpty) CheckPair(p, q);
        if (DivergenceKernels.TryKullbackLeibler(p, q, DivergenceKernels.Settings.WithParallelism(maxDegreeOfParallelism), out double forward, out double reverse, both: true))
            return new DivergencePair(unit.FromNats(forward), unit.FromNats(reverse));
        CheckPair(p, q);
        return new DivergencePair(unit.FromNats(ExactKullbackLeiblerNats(p, q)), unit.FromNats(ExactKullbackLeiblerNats(q, p)));
    }

    /// <inheritdoc cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    public static double KullbackLeibler(DiscreteDistribution p, DiscreteDistribution q, InformationUnit unit = default)
    {
        var a = Align(p, q);
        return KullbackLeibler(a.P.AsSpan(), a.Q.AsSpan(), unit);
    }

    /// <summary>
    /// The per-outcome terms p̂ᵢ·log(p̂ᵢ/q̂ᵢ) of D(p‖q): where the information is lost. They sum to D(p‖q);
    /// a term is negative where q over-weights the outcome, 0 where p̂ᵢ = 0 and +∞ where p̂ᵢ &gt; 0 = q̂ᵢ.
    /// </summary>
    /// <param name="p">The true distribution.</param>
    /// <param name="q">The approximation.</param>
    /// <param name="destination">Receives one term per outcome; at least as long as <paramref name="p"/>.</param>
    /// <param name="unit">The unit of the terms; nats by default.</param>
    /// <exception cref="ArgumentException">As for <see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>, or <paramref name="destination"/> is too short.</exception>
    public static void KullbackLeiblerContributions(ReadOnlySpan<double> p, ReadOnlySpan<double> q, Span<double> destination, InformationUnit unit = default)
    {
        CheckPair(p, q);
        Preconditions.CheckDestination(destination.Length, p.Length, nameof(destination));
        var c = new PairContext(p, q);
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q[i];
            double term;
            if (pi == 0) term = 0;
            else if (qi == 0) term = double.PositiveInfinity;
            else
            {
                double x = c.RelativeExcess(c.Difference(pi, qi), qi);
                double logRatio = x > -0.5 && x < 1 ? Elementary.LogOnePlus(x) : c.LogRatio(i, pi, qi);
                term = c.Sp.Normalized(pi) * logRatio;
            }
            destination[i] = unit.FromNats(term);
        }
    }

    /// <summary>The exact path: vectorised when the CPU allows and no subnormal or out-of-range ratio needs the scalar care.</summary>
    internal static double ExactKullbackLeiblerNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q) =>
        ExactKullbackLeiblerKernel.TryKullbackLeibler(p, q, out double nats) ? nats : KullbackLeiblerNats(p, q);

    /// <summary>The exact scalar algorithm: the reference every faster path is tested against.</summary>
    internal static double KullbackLeiblerNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var c = new PairContext(p, q);
        var sum = new NeumaierSum();
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q[i];
            if (pi == 0)
            {
                sum.Add(c.Sq.Normalized(qi));  // q̂·φ(0) = q̂
                continue;
            }
            if (qi == 0) return double.PositiveInfinity;
            sum.Add(KullbackLeiblerTerm(c, i, pi, qi));
        }
        return Math.Max(0.0, sum.Total);
    }

    /// <summary>q̂ᵢ·φ(p̂ᵢ/q̂ᵢ) ≥ 0 for pᵢ, qᵢ &gt; 0.</summary>
    private static double KullbackLeiblerTerm(in PairContext c, int i, double pi, double qi)
    {
        double d = c.Difference(pi, qi);
        double x = c.RelativeExcess(d, qi);
        if (x > -0.5 && x < 1)
            return c.Sq.Normalized(qi) * Elementary.Phi(x, Elementary.LogOnePlus(x));
        // Far from r = 1 the textbook form has no cancellation worth the name: p̂·ln r − (p̂ − q̂).
        return Math.Max(0.0, c.Sp.Normalized(pi) * c.LogRatio(i, pi, qi) - c.NormalizedDifference(d));
    }
}
