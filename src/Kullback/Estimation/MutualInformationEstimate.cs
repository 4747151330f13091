namespace Kullback.Estimation;

/// <summary>A mutual information I(X; Y) estimated from a table of counts.</summary>
/// <param name="Estimator">The estimator.</param>
/// <param name="Value">The estimate (never negative).</param>
/// <param name="PlugIn">The plug-in I of the empirical joint distribution, whatever the estimator.</param>
/// <param name="BiasCorrection">The amount subtracted from the plug-in (before the cut at 0); 0 for the plug-in.</param>
/// <param name="SampleSize">N, the total count.</param>
/// <param name="ObservedRows">The rows (values of X) with a positive count.</param>
/// <param name="ObservedColumns">The columns (values of Y) with a positive count.</param>
/// <param name="ObservedCells">The cells with a positive count.</param>
/// <param name="Interval">The confidence interval, when one was asked for.</param>
public sealed record MutualInformationEstimate(
    DivergenceEstimator Estimator,
    Information Value,
    Information PlugIn,
    Information BiasCorrection,
    long SampleSize,
    int ObservedRows,
    int ObservedColumns,
    int ObservedCells,
    ConfidenceInterval? Interval = null);
