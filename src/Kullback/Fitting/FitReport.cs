using System.Collections.Immutable;

namespace Kullback.Fitting;

/// <summary>The fitted models, best first, and the families that could not describe the data.</summary>
/// <param name="ObservationCount">N when the data were counts or samples; null for probabilities.</param>
/// <param name="RankedBy">The criterion of the order.</param>
/// <param name="EntropyNats">H(P) of the data: no model can do better than this per observation.</param>
/// <param name="Fits">The fits, best first.</param>
/// <param name="NotApplicable">The families that do not apply, each with its reason.</param>
public sealed record FitReport(
    long? ObservationCount,
    RankCriterion RankedBy,
    double EntropyNats,
    ImmutableArray<ModelFit> Fits,
    ImmutableArray<NotApplicableFamily> NotApplicable)
{
    /// <summary>The best fit, or null when no family applies.</summary>
    public ModelFit? Best => Fits.IsEmpty ? null : Fits[0];
}
