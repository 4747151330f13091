namespace Kullback.Analysis;

/// <summary>Two distributions over the same outcomes, in the same order, to be compared by every measure.</summary>
/// <param name="P">The true distribution's values: probabilities, or counts or weights when <paramref name="AreWeights"/>.</param>
/// <param name="Q">The approximation's values.</param>
/// <param name="PSource">Where P came from (a file name, "&lt;stdin&gt;"), for messages.</param>
/// <param name="QSource">Where Q came from.</param>
/// <param name="AreWeights">True when the values are counts or weights to normalise; false when each must sum to 1.</param>
/// <param name="All">True to compute <see cref="MeasureSummary.MoreDefinitions"/> as well (<c>kullback measure --all</c>).</param>
/// <param name="Estimation">
/// With <paramref name="AreWeights"/>, how to estimate the entropies and divergences from the counts, with intervals
/// (<see cref="MeasureAnalysis.Estimate(MeasureRequest, out string?)"/>); null for the plug-in measures only.
/// </param>
public sealed record MeasureRequest(double[] P, double[] Q, string PSource = "P", string QSource = "Q", bool AreWeights = false, bool All = false,
    Kullback.Estimation.CountEstimationOptions? Estimation = null);
