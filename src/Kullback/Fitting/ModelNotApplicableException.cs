namespace Kullback.Fitting;

/// <summary>A model family cannot describe the data (for example negative values for a Poisson); the message says why.</summary>
public sealed class ModelNotApplicableException(string family, string reason)
    : Exception($"{family}: {reason}")
{
    /// <summary>The family that does not apply.</summary>
    public string Family { get; } = family;

    /// <summary>Why, in a sentence.</summary>
    public string Reason { get; } = reason;
}
