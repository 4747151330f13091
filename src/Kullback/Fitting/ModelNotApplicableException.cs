namespace Kullback.Fitting;

/// <summary>A model family cannot describe the data (for example negative values for a Poisson); <see cref="Reason"/> says why.</summary>
/// <param name="family">The family that does not apply.</param>
/// <param name="reason">Why, in a sentence.</param>
public sealed class ModelNotApplicableException(ModelFamily family, string reason)
    : Exception($"{family?.Key}: {reason}")
{
    /// <summary>The family that does not apply.</summary>
    public ModelFamily Family { get; } = family ?? throw new ArgumentNullException(nameof(family));

    /// <summary>Why, in a sentence.</summary>
    public string Reason { get; } = reason;
}
