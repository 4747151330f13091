using System.Runtime.CompilerServices;
namespace Kullback.Kernels;

/// <summary>
/// The fast total variation pass: A = Σ |p − wq| (one fused multiply–add and an absolute value per element), and
/// TV = ½·A/Σp, exact at w = Σp/Σq; at another w the error is at most ½·|Σp − wΣq|/Σp (|A(w) − A(w')| ≤ |w − w'|·Σq).
/// The pass runs at w = 1, and once more at w = Σp/Σq when that mismatch is too large for the result and is more than
/// the sums' rounding (float inputs normalised in single precision differ by about 10⁻⁷, and so take two passes).
/// </summary>
internal static class TotalVariationKernel
{
    /// <summary>TV(p, q) in [0, 1], or false when the bound (or the input) sends the work to the exact path.</summary>
    public static bool TryDistance<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, KernelSettings settings, out double distance) where T : unmanaged
    {
        var s = FusedPass.Run(new TotalVariationOperator(1.0), p, q, settings);
        if (Finish(s, 1.0, out distance)) return true;
        if (!ErrorBound.Mismatched(s)) return false;
        double weight = s.P / s.Q;
        s = FusedPass.Run(new TotalVariationOperator(weight), p, q, settings);
        return Finish(s, weight, out distance);
    }

    private static bool Finish(in PassSums s, double weight, out double distance)
    {
        distance = double.NaN;
        if (!s.Usable(readsQ: true)) return false;
        double sp = s.P, wsq = weight * s.Q, u = ErrorBound.U, chain = s.Chain;
        distance = 0.5 * s.A.Total / sp;
        double mismatch = Math.Abs(sp - wsq) + chain * u * (sp + wsq) + u * wsq;
        double bound = 0.5 * mismatch / sp + distance * (2 * chain + 3) * u + ErrorBound.Underflow(s.Count, sp);
        if (distance > 1 && distance - bound <= 1) distance = 1;
        return ErrorBound.Accept(distance, bound) && distance <= 1;
    }
}

/// <summary>A = Σ |p − wq|.</summary>
internal readonly struct TotalVariationOperator(double weight) : IPassOperator<TotalVariationOperator>
{
    private readonly double _weight = weight;

    public static LaneSums Sums => LaneSums.A;
    public static bool ReadsQ => true;
    public static double CleanMinimumP => 0;
    public static double CleanMinimumQ => 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode =>
        lanes.A += TV.Abs(TV.FusedMultiplyAdd(-TV.Create(_weight), q, p));
}
