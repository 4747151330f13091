namespace Kullback.Analysis;

/// <summary>One multivariate measure of a <see cref="JointSummary"/>: its JSON key, notation, meaning and value.</summary>
/// <param name="Key">The JSON key, such as <c>mutual_information</c> or <c>conditional_entropy_X_given_Y</c>.</param>
/// <param name="Symbol">The usual notation, such as I(X; Y).</param>
/// <param name="Description">What it measures, in a few words.</param>
/// <param name="Value">The amount of information, in nats.</param>
public sealed record JointMeasure(string Key, string Symbol, string Description, Information Value);
