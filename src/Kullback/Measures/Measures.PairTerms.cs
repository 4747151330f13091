using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// Σ of a measure's exact per-outcome terms on a checked pair: vectorised through the fused pass for pairs without deep
    /// entries, else one outcome at a time at each one's level; +∞ when a term is.
    /// </summary>
    /// <remarks>
    /// The common case reads each vector once for its totals (<see cref="PairScaling.TryFast"/>: valid, no deep entry) and
    /// then once more with the terms; anything else goes through the element-by-element checks, which throw for invalid
    /// input, and <see cref="ExactPair"/>.
    /// </remarks>
    private static double PairTermSum<TTerms>(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int maxDegreeOfParallelism) where TTerms : struct, IPairTerms
    {
        var settings = KernelSettings.WithParallelism(maxDegreeOfParallelism);
        if (PairScaling.TryFast(p, q, settings, out var scaling)) return PairTermTotal(PairTermsPass.Run<TTerms>(scaling, p, q, settings));
        CheckPair(p, q);
        var c = new ExactPair(p, q);
        if (c.HasDeep) return PairTermSumAtLevels<TTerms>(c);
        return PairTermTotal(PairTermsPass.Run<TTerms>(PairScaling.Of(c), p, q, settings));
    }

    private static double PairTermTotal(in PassSums s) => s.InfiniteA ? double.PositiveInfinity : Math.Max(0.0, s.A.Total);

    /// <summary>The same sum one outcome at a time: the reference the vectorised pass is tested against.</summary>
    internal static double PairTermSumAtLevels<TTerms>(ReadOnlySpan<double> p, ReadOnlySpan<double> q) where TTerms : struct, IPairTerms =>
        PairTermSumAtLevels<TTerms>(new ExactPair(p, q));

    private static double PairTermSumAtLevels<TTerms>(in ExactPair c) where TTerms : struct, IPairTerms
    {
        var scales = PairScales<Simd1>.Of(c);
        var sum = new TwoLevelSum();
        for (int i = 0; i < c.P.Length; i++)
        {
            double pi = c.P[i], qi = c.Q[i];
            if (pi == 0 && qi == 0) continue;
            var e = c.Entry(i);
            if (e.Level == 0 && pi > 0 && qi > 0 && ScaledWeights.IsDeep(c.Sp.Scale(pi)) != ScaledWeights.IsDeep(c.Sq.Scale(qi)))
            {
                double mixed = TTerms.Mixed(c, i, e);
                if (!double.IsNaN(mixed))
                {
                    sum.Add(mixed, 0);
                    continue;
                }
            }
            var lanes = Lanes<Simd1>.Empty;
            TTerms.Add(new Simd1(e.A), new Simd1(e.B), scales, ref lanes);
            if (Simd1.AnyBitSet(lanes.InfiniteA)) return double.PositiveInfinity;
            sum.Add(lanes.A.V, TTerms.ScaleFree ? 0 : e.Level);
        }
        return Math.Max(0.0, sum.Total);
    }
}
