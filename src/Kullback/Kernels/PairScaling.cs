using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// The scalars an <see cref="ExactPass{TTerms}"/> needs from a pair p, q: the exact power-of-two factors aᵢ = pᵢ·2^eₚ,
/// bᵢ = qᵢ·2^e_q (each as two representable factors), the scaled sums Sp, Sq as double-doubles and ln(Sq/Sp); taken from
/// an <see cref="ExactPair"/> or, on the fast path, from one vectorised read of each vector (<see cref="TryFast"/>).
/// </summary>
internal readonly record struct PairScaling(double P1, double P2, double Q1, double Q2, DoubleDouble Sp, DoubleDouble Sq, double LogScale)
{
    /// <summary>The scaling of a checked pair (its entries must not be deep where the pass runs).</summary>
    public static PairScaling Of(in ExactPair c) => new(c.Sp.Factor, c.Sp.Factor2, c.Sq.Factor, c.Sq.Factor2, c.Sp.Total, c.Sq.Total, c.LogScale);

    /// <summary>
    /// The scaling of p and q from one vectorised read of each (<see cref="WeightTotalsKernel"/>), when they are of one
    /// length, valid, without deep entries and their largest entries between 2⁻⁵⁰⁰ and 2⁵⁰⁰ (<see cref="WeightTotals.TryScale"/>):
    /// the same scaled entries and sums (to their 106 bits) as an <see cref="ExactPair"/>'s, without its element-by-element
    /// checks. False otherwise, and the caller takes the checked path (which throws for invalid input).
    /// </summary>
    public static bool TryFast(ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings, out PairScaling scaling)
    {
        scaling = default;
        if (p.Length != q.Length || p.IsEmpty) return false;
        if (!WeightTotalsKernel.Of(p, settings).TryScale(out double fp, out var sp, out _)) return false;
        if (!WeightTotalsKernel.Of(q, settings).TryScale(out double fq, out var sq, out _)) return false;
        scaling = new PairScaling(fp, 1.0, fq, 1.0, sp, sq, LogOfRatio(sq, sp));
        return true;
    }

    /// <summary>ln(x/y) for two double-doubles in [1, 2n) (as <see cref="ExactPair"/> takes it).</summary>
    private static double LogOfRatio(DoubleDouble x, DoubleDouble y)
    {
        double difference = (x - y).Value;
        if (Math.Abs(difference) <= 0.5 * y.Hi) return Elementary.LogOnePlus(difference / y.Hi);
        return Math.Log(x.Hi / y.Hi) + (x.Lo / x.Hi - y.Lo / y.Hi);
    }
}
