using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// What a block of the fused pass accumulates, lane by lane: the inputs' sums and minima (kept by the pass), an
/// operator's two sums with the sums of their absolute terms (for its error bound), a minimum of the operator's
/// choosing (checked after a clean block), and masks: terms that are +∞ by definition (A, B) and lanes the fast path
/// cannot trust (<see cref="Trouble"/>).
/// </summary>
internal struct Lanes<TV> where TV : struct, ISimd<TV>
{
    public TV SumP, SumQ;
    public TV A, AbsA, B, AbsB;
    public TV MinP, MinQ;
    public TV Check;

    /// <summary>Two maxima of the operator's choosing (0 to begin with), reduced when it asks (<see cref="LaneSums.Max"/>).</summary>
    public TV Max, MaxB;
    public TV InfiniteA, InfiniteB, Trouble;

    /// <summary>Sums at zero, minima at +∞, masks clear.</summary>
    public static Lanes<TV> Empty
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var infinity = TV.Create(double.PositiveInfinity);
            return new Lanes<TV> { MinP = infinity, MinQ = infinity, Check = infinity };
        }
    }
}
