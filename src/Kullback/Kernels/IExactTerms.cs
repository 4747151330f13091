using System.Runtime.CompilerServices;
using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// A two-sample measure's exact per-outcome terms on exactly scaled entries a = pᵢ·2^eₚ, b = qᵢ·2^e_q with the
/// double-double sums of an <see cref="ExactPair"/>, written once for every width: <see cref="ExactPass{TTerms}"/> runs
/// them vectorised through the fused pass for a pair without deep entries, and the measure's outcome-by-outcome path
/// calls the same terms with <see cref="Simd1"/> at each outcome's level.
/// </summary>
internal interface IExactTerms
{
    /// <summary>Which lane sums the terms add to.</summary>
    static abstract LaneSums Sums { get; }

    /// <summary>Adds the terms of one vector of scaled entries: nothing for a = b = 0, a mask for a term that is +∞ by definition.</summary>
    static abstract void Add<TV>(TV a, TV b, in PairScales<TV> scales, ref Lanes<TV> lanes) where TV : struct, ISimd<TV>;
}

/// <summary>The fused-pass operator that scales the inputs exactly and adds a measure's exact terms.</summary>
internal readonly struct ExactPass<TTerms>(in PairScaling c) : IPassOperator<ExactPass<TTerms>> where TTerms : struct, IExactTerms
{
    private readonly double _p1 = c.P1, _p2 = c.P2, _q1 = c.Q1, _q2 = c.Q2;
    private readonly double _spHi = c.Sp.Hi, _spLo = c.Sp.Lo, _sqHi = c.Sq.Hi, _sqLo = c.Sq.Lo, _logScale = c.LogScale;
    private readonly double _inverseSp = 1 / c.Sp.Hi, _inverseSq = 1 / c.Sq.Hi;

    public static LaneSums Sums
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => TTerms.Sums;
    }

    public static bool ReadsQ => true;

    /// <summary>The pair was validated and totalled before the pass (<see cref="ExactPair"/>, <see cref="PairScaling.TryFast"/>).</summary>
    public static bool TracksInputs => false;
    public static double CleanMinimumP => 0;
    public static double CleanMinimumQ => 0;

    /// <summary>The same in both modes: the terms mask themselves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        var scales = new PairScales<TV>(_spHi, _spLo, _sqHi, _sqLo, _inverseSp, _inverseSq, _logScale);
        TTerms.Add(p * TV.Create(_p1) * TV.Create(_p2), q * TV.Create(_q1) * TV.Create(_q2), scales, ref lanes);
    }

    /// <summary>The pass over outcomes [start, end) of a validated pair without deep entries.</summary>
    public static PassSums Run(in ExactPair c, int start, int end, KernelSettings settings) =>
        FusedPass.Run(new ExactPass<TTerms>(PairScaling.Of(c)), c.P[start..end], c.Q[start..end], settings);


}
