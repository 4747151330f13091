using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// The fast entropy and cross-entropy passes: with T = Σ pᵢ·ln pᵢ (or Σ pᵢ·ln qᵢ) on the raw inputs,
/// H(p) = ln Σp − T/Σp and H(p, q) = ln Σq − T/Σp.
/// </summary>
/// <remarks>Each term's error is at most (4 + 1)·u·|term| + u·pᵢ (the logarithm, relative and near 1, and the product).</remarks>
internal static class EntropyKernel
{
    /// <summary>H(p) in nats, or false when the bound (or the input) sends the work to the exact path.</summary>
    public static bool TryEntropy<T>(ReadOnlySpan<T> p, KernelSettings settings, out double nats) where T : unmanaged
    {
        var s = FusedPass.Run(default(EntropyOperator), p, p, settings);
        nats = double.NaN;
        return s.Usable(readsQ: false) && Finish(s, s.P, out nats);
    }

    /// <summary>H(p, q) in nats, or false when the bound (or the input) sends the work to the exact path.</summary>
    public static bool TryCrossEntropy<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, KernelSettings settings, out double nats) where T : unmanaged
    {
        var s = FusedPass.Run(default(CrossEntropyOperator), p, q, settings);
        nats = double.NaN;
        if (!s.Usable(readsQ: true)) return false;
        if (s.InfiniteA)
        {
            nats = double.PositiveInfinity;
            return true;
        }
        return Finish(s, s.Q, out nats);
    }

    /// <summary>ln Σw − T/Σp, with Σw the sum inside the logarithm (Σp for the entropy, Σq for the cross-entropy).</summary>
    private static bool Finish(in PassSums s, double sumInLog, out double nats)
    {
        double sp = s.P, t = s.A.Total, u = ErrorBound.U;
        double logSum = Math.Log(sumInLog);
        nats = logSum - t / sp;
        double termsError = u * ((s.Chain + 1 + ErrorBound.LogUlps) * s.AbsA + sp);
        double bound = s.Chain * u + u * Math.Abs(logSum)                       // Σw and its logarithm
                       + termsError / sp + Math.Abs(t / sp) * (s.Chain + 1) * u  // T/Σp
                       + u * Math.Abs(nats) + ErrorBound.Underflow(s.Count, sp);
        return ErrorBound.Accept(nats, bound);
    }
}

/// <summary>A = Σ p·ln p (0·ln 0 = 0).</summary>
internal readonly struct EntropyOperator : IPassOperator<EntropyOperator>
{
    public static LaneSums Sums => LaneSums.A | LaneSums.AbsA;
    public static bool ReadsQ => false;
    public static double CleanMinimumP => double.Epsilon;
    public static double CleanMinimumQ => 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        TV log = TV.Log(p);
        if (TMode.Masked) log &= TV.GreaterThanZero(p);
        TV term = p * log;
        lanes.A += term;
        lanes.AbsA += TV.Abs(term);
    }
}

/// <summary>A = Σ p·ln q over p &gt; 0; +∞ terms where p &gt; 0 = q.</summary>
internal readonly struct CrossEntropyOperator : IPassOperator<CrossEntropyOperator>
{
    public static LaneSums Sums => LaneSums.A | LaneSums.AbsA;
    public static bool ReadsQ => true;
    public static double CleanMinimumP => 0;
    public static double CleanMinimumQ => double.Epsilon;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        TV log = TV.Log(q);
        if (TMode.Masked)
        {
            TV pPositive = TV.GreaterThanZero(p), qPositive = TV.GreaterThanZero(q);
            lanes.InfiniteA |= TV.AndNot(pPositive, qPositive);
            log &= pPositive & qPositive;
        }
        TV term = p * log;
        lanes.A += term;
        lanes.AbsA += TV.Abs(term);
    }
}
