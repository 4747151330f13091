namespace Kullback.Comparison;

/// <summary>What a drift verdict needs of one column: its test's raw p-value and its effect size.</summary>
/// <param name="Column">The column's name, for the output.</param>
/// <param name="PValue">The raw (uncorrected) p-value of the column's test, usually the <see cref="GTest"/>.</param>
/// <param name="Effect">The effect in the criteria's measure and unit (<see cref="DriftCriteria.EffectOf"/>).</param>
public readonly record struct ColumnEvidence(string Column, double PValue, double Effect);
