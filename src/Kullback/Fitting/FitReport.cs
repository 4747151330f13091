using System.Collections.Immutable;

namespace Kullback.Fitting;

/// <summary>The fitted models, best first, and the families that could not describe the data.</summary>
/// <param name="Data">The data the models were fitted to.</param>
/// <param name="RankedBy">The criterion of the order.</param>
/// <param name="Entropy">H(P) of the data: no model can send one observation in less, on average.</param>
/// <param name="Fits">The fits, best first.</param>
/// <param name="NotApplicable">The families that do not apply, each with its reason.</param>
public sealed record FitReport(
    DiscreteDistribution Data,
    RankCriterion RankedBy,
    Information Entropy,
    ImmutableArray<ModelFit> Fits,
    ImmutableArray<NotApplicableFamily> NotApplicable)
{
    /// <summary>N when the data were counts or samples; null for probabilities.</summary>
    public long? ObservationCount => Data.ObservationCount;

    /// <summary>The best fit, or null when no family applies.</summary>
    public ModelFit? Best => Fits.IsEmpty ? null : Fits[0];

    /// <summary>N·H(P): the information in all N observations, the floor of every message length; null when N is unknown.</summary>
    public Information? DataInformation => ObservationCount is long n ? n * Entropy : null;
}

/// <summary>A family that could not be fitted, and why.</summary>
/// <param name="Family">The family.</param>
/// <param name="Reason">Why, in a sentence.</param>
public sealed record NotApplicableFamily(ModelFamily Family, string Reason);
