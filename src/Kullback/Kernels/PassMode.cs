namespace Kullback.Kernels;

/// <summary>
/// How the fused pass runs an operator over a block: <see cref="CleanMode"/> assumes what the operator's clean loop needs
/// (positive inputs, say) and lets the pass check afterwards; <see cref="MaskedMode"/> takes any input, masking zeros and
/// flagging infinite terms and values the fast path cannot trust. A type parameter, so the JIT folds the branch.
/// </summary>
internal interface IPassMode
{
    static abstract bool Masked { get; }
}

/// <summary>The unmasked loop: every lane meets the operator's clean requirements (checked after the block).</summary>
internal readonly struct CleanMode : IPassMode
{
    public static bool Masked => false;
}

/// <summary>The masked loop: zeros, infinite terms and untrustworthy values are handled lane by lane.</summary>
internal readonly struct MaskedMode : IPassMode
{
    public static bool Masked => true;
}
