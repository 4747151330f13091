namespace Kullback;

/// <summary>
/// The method cannot resolve this value to the accuracy it promises (an integral whose mass it cannot locate, a
/// series that does not converge within its budget): raised instead of returning a wrong number, NaN or ∞.
/// </summary>
public sealed class NotComputableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">What could not be computed and why, as a sentence; what might work instead, if anything.</param>
    public NotComputableException(string reason) : base(reason) => Reason = reason;

    /// <summary>Creates the exception with an inner cause.</summary>
    /// <param name="reason">What could not be computed and why, as a sentence.</param>
    /// <param name="inner">The error that revealed it.</param>
    public NotComputableException(string reason, Exception inner) : base(reason, inner) => Reason = reason;

    /// <summary>What could not be computed and why.</summary>
    public string Reason { get; }
}
