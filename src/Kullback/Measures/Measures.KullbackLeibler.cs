using System.Collections.Immutable;
using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>Kullback–Leibler divergence D(p‖q) = Σ p̂ᵢ·log(p̂ᵢ/q̂ᵢ): the information lost when q stands in for p.</summary>
    /// <param name="p">The true distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The approximation.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>
    /// D(p‖q) ≥ 0, exactly 0 when p̂ = q̂; +∞ when some p̂ᵢ &gt; 0 has q̂ᵢ = 0 (use
    /// <see cref="KullbackLeiblerBreakdown"/> to learn which); outcomes with p̂ᵢ = 0 add nothing. Not symmetric.
    /// </returns>
    /// <remarks>
    /// The fused pass takes T = Σ pᵢ·ln(pᵢ/qᵢ), Σp and Σq and returns T/Σp + ln(Σq/Σp) when its error bound allows. The exact
    /// path computes Σ q̂ᵢ·φ(p̂ᵢ/q̂ᵢ) with φ(r) = r·ln r − r + 1 ≥ 0 (equal to the textbook sum because Σp̂ = Σq̂ = 1),
    /// φ taken by its series near r = 1 and rᵢ − 1 from the exact differences, so each term is non-negative and
    /// exact to a few ulps: 1e-19 divergences between near-identical vectors keep all their digits.
    /// </remarks>
    /// <exception cref="InvalidArgumentException">A vector is empty, all zero, or has a NaN, infinite or negative entry; or the lengths differ.</exception>
    public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit = default) =>
        KullbackLeibler(p, q, unit, maxDegreeOfParallelism: -1);

    /// <inheritdoc cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>
    /// <param name="p">The true distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The approximation.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="maxDegreeOfParallelism">How many cores a large input (32,768 entries or more) may use: −1 for all, 1 for this thread only.</param>
    public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit, int maxDegreeOfParallelism) =>
        unit.FromNats(FastOrExact(p, q, maxDegreeOfParallelism, KullbackLeiblerKernel.TryForward, ExactKullbackLeiblerNats));

    /// <summary>D(p‖q) for single-precision inputs (read as floats, computed in double with the same semantics and accuracy).</summary>
    /// <inheritdoc cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit, int)"/>
    public static double KullbackLeibler(ReadOnlySpan<float> p, ReadOnlySpan<float> q, InformationUnit unit = default, int maxDegreeOfParallelism = -1) =>
        unit.FromNats(FastOrExact(p, q, maxDegreeOfParallelism, KullbackLeiblerKernel.TryForward, ExactKullbackLeiblerNats));

    /// <summary>D(p‖q) and D(q‖p) from one fused pass over both vectors.</summary>
    /// <inheritdoc cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit, int)"/>
    public static DivergencePair KullbackLeiblerBothDirections(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit = default, int maxDegreeOfParallelism = -1)
    {
        if (p.Length != q.Length || p.IsEmpty) CheckPair(p, q);
        var settings = KernelSettings.WithParallelism(maxDegreeOfParallelism);
        if (KullbackLeiblerKernel.TryBothDirections(p, q, settings, out double forward, out double reverse))
            return new DivergencePair(unit.FromNats(forward), unit.FromNats(reverse));
        CheckPair(p, q);
        return new DivergencePair(unit.FromNats(ExactKullbackLeiblerNats(p, q, settings)), unit.FromNats(ExactKullbackLeiblerNats(q, p, settings)));
    }

    /// <summary>D(p‖q) and D(q‖p) for single-precision inputs, from one fused pass.</summary>
    /// <inheritdoc cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit, int)"/>
    public static DivergencePair KullbackLeiblerBothDirections(ReadOnlySpan<float> p, ReadOnlySpan<float> q, InformationUnit unit = default, int maxDegreeOfParallelism = -1)
    {
        var settings = KernelSettings.WithParallelism(maxDegreeOfParallelism);
        if (p.Length == q.Length && !p.IsEmpty && KullbackLeiblerKernel.TryBothDirections(p, q, settings, out double forward, out double reverse))
            return new DivergencePair(unit.FromNats(forward), unit.FromNats(reverse));
        double[] pd = Widen(p), qd = Widen(q);
        CheckPair(pd, qd);
        return new DivergencePair(unit.FromNats(ExactKullbackLeiblerNats(pd, qd, settings)), unit.FromNats(ExactKullbackLeiblerNats(qd, pd, settings)));
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
    /// <param name="p">The true distribution (probabilities or weights of any magnitude, normalised exactly).</param>
    /// <param name="q">The approximation.</param>
    /// <param name="destination">Receives one term per outcome; at least as long as <paramref name="p"/>.</param>
    /// <param name="unit">The unit of the terms; nats by default.</param>
    /// <remarks>Each term is exact to a few ulps: ln(p̂ᵢ/q̂ᵢ) is log1p of the exact relative difference near p̂ᵢ = q̂ᵢ, and taken in log space where the ratio is huge or tiny.</remarks>
    /// <exception cref="InvalidArgumentException">As for <see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, InformationUnit)"/>, or <paramref name="destination"/> is too short.</exception>
    public static void KullbackLeiblerContributions(ReadOnlySpan<double> p, ReadOnlySpan<double> q, Span<double> destination, InformationUnit unit = default)
    {
        CheckPair(p, q);
        Preconditions.CheckDestination(destination.Length, p.Length, nameof(destination));
        var c = new ExactPair(p, q);
        destination = destination[..p.Length];
        if (c.HasDeep) ContributionsNats(c, destination);
        else ContributionsKernel.Run(c, destination, VectorWidth.Best);
        if (unit != InformationUnit.Nats)
            for (int i = 0; i < destination.Length; i++) destination[i] = unit.FromNats(destination[i]);
    }

    /// <summary>The terms one outcome at a time, each weight at its level: the reference the vectorised map is tested against.</summary>
    internal static void ContributionsNats(in ExactPair c, Span<double> destination)
    {
        for (int i = 0; i < c.P.Length; i++)
        {
            double pi = c.P[i], qi = c.Q[i];
            double term;
            if (pi == 0) term = 0;
            else if (qi == 0) term = double.PositiveInfinity;
            else
            {
                var e = c.Entry(i);
                double x = c.RelativeExcess(e);
                double logRatio = x > -0.5 && x < 1 ? Elementary.LogOnePlus(x) : c.LogRatio(i, e);
                var (weight, level) = c.Sp.Weight(pi);
                term = Math.ScaleB(weight * logRatio, -level);
            }
            destination[i] = term;
        }
    }

    /// <summary>The per-outcome terms of D(p‖q) for single-precision inputs.</summary>
    /// <inheritdoc cref="KullbackLeiblerContributions(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, InformationUnit)"/>
    public static void KullbackLeiblerContributions(ReadOnlySpan<float> p, ReadOnlySpan<float> q, Span<double> destination, InformationUnit unit = default) =>
        KullbackLeiblerContributions(Widen(p), Widen(q), destination, unit);

    /// <summary>The exact path: vectorised for pairs without deep entries, else one outcome at a time at each one's level.</summary>
    internal static double ExactKullbackLeiblerNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings)
    {
        var c = new ExactPair(p, q);
        return c.HasDeep ? KullbackLeiblerNats(c) : ExactKullbackLeiblerKernel.Run(c, settings);
    }

    /// <summary>The exact algorithm one outcome at a time: the reference every faster path is tested against.</summary>
    internal static double KullbackLeiblerNats(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => KullbackLeiblerNats(new ExactPair(p, q));

    private static double KullbackLeiblerNats(in ExactPair c)
    {
        var scales = PairScales<Simd1>.Of(c);
        var sum = new TwoLevelSum();
        for (int i = 0; i < c.P.Length; i++)
        {
            double pi = c.P[i], qi = c.Q[i];
            if (qi == 0)
            {
                if (pi == 0) continue;
                return double.PositiveInfinity;
            }
            var e = c.Entry(i);
            double logRatio = pi == 0 ? 0 : c.LogRatio(i, e);
            sum.Add(ExactKullbackLeiblerKernel.Term(new Simd1(e.A), new Simd1(e.B), new Simd1(logRatio), scales).V, e.Level);
        }
        return Math.Max(0.0, sum.Total);
    }
}
