using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// A = Σ p², the power sum of order 2 by multiplication (one rounding per term, no logarithm or exponential): the collision
/// probability behind the Rényi entropy of order 2 and the Tsallis entropy of order 2 (the Gini–Simpson index).
/// </summary>
internal readonly struct SquareSumOperator : IPassOperator<SquareSumOperator>
{
    public static LaneSums Sums => LaneSums.A;
    public static bool ReadsQ => false;
    public static double CleanMinimumP => 0;
    public static double CleanMinimumQ => 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode =>
        lanes.A += p * p;   // zeros (and masked lanes, which hold 0) add 0
}
