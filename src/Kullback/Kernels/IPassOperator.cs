namespace Kullback.Kernels;

/// <summary>
/// A measure's per-element work for the fused pass (<see cref="FusedPass"/>): its terms, written once and generic over
/// the vector width (<see cref="Simd1"/> is the scalar form), added to the lanes' sums. The pass itself adds the inputs
/// to <see cref="Lanes{TV}.SumP"/> and <see cref="Lanes{TV}.SumQ"/> and tracks their minima.
/// </summary>
/// <remarks>
/// In <see cref="MaskedMode"/> an operator must accept any finite non-negative inputs: p = q = 0 adds nothing (the
/// padding of a last partial vector), a term that is +∞ by definition sets a mask and adds nothing, and a value the fast
/// path cannot trust (a subnormal ratio, say) sets <see cref="Lanes{TV}.Trouble"/>. In <see cref="CleanMode"/> it may
/// assume inputs of at least <see cref="CleanMinimumP"/> and <see cref="CleanMinimumQ"/>, and
/// records in <see cref="Lanes{TV}.Check"/> what <see cref="IsClean"/> must see before the block's sums are trusted.
/// </remarks>
internal interface IPassOperator<TSelf> where TSelf : struct, IPassOperator<TSelf>
{
    /// <summary>Which of the lane sums the operator adds to (the pass totals and merges those only).</summary>
    static abstract LaneSums Sums { get; }

    /// <summary>Whether the pass reads q; if not, p is passed as both arguments.</summary>
    static abstract bool ReadsQ { get; }

    /// <summary>
    /// The least p the clean loop may see: 0 (zeros are fine), <see cref="double.Epsilon"/> (positive) or the smallest
    /// normal double (no subnormal either).
    /// </summary>
    static abstract double CleanMinimumP { get; }

    /// <summary>The least q the clean loop may see (as <see cref="CleanMinimumP"/>).</summary>
    static abstract double CleanMinimumQ { get; }

    /// <summary>
    /// Whether the pass adds the inputs to <see cref="Lanes{TV}.SumP"/>, <see cref="Lanes{TV}.SumQ"/> and tracks their
    /// minima (true unless the operator says otherwise). An operator on inputs validated and totalled before the pass
    /// (<see cref="ExactPass{TTerms}"/>) declines: then the pass's Σp, Σq are 0 and nothing is negative to it.
    /// </summary>
    static virtual bool TracksInputs => true;

    /// <summary>Adds the terms of one vector of elements.</summary>
    void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode;

    /// <summary>Whether a block run in the clean loop is sound beyond what the pass checks (finite sums, positivity).</summary>
    static virtual bool IsClean<TV>(in Lanes<TV> lanes) where TV : struct, ISimd<TV> => true;
}

/// <summary>The operator's lane sums a pass carries: its two sums and the sums of their absolute terms.</summary>
[Flags]
internal enum LaneSums
{
    None = 0,
    A = 1,
    AbsA = 2,
    B = 4,
    AbsB = 8,

    /// <summary>The lane maxima <see cref="Lanes{TV}.Max"/> and <see cref="Lanes{TV}.MaxB"/> (≥ 0).</summary>
    Max = 16,
}
