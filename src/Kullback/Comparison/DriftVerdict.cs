namespace Kullback.Comparison;

/// <summary>A column's drift verdict and the numbers behind it.</summary>
/// <param name="Drifted">True when the column is significant and its effect reaches the threshold.</param>
/// <param name="Significant">The adjusted p-value is below α.</param>
/// <param name="EffectReachesThreshold">The effect is at least the threshold.</param>
/// <param name="AdjustedPValue">The p-value after the correction across columns.</param>
/// <param name="Effect">The effect, in the criteria's measure and unit.</param>
/// <param name="Criteria">α, the measure and the threshold used.</param>
public sealed record DriftVerdict(bool Drifted, bool Significant, bool EffectReachesThreshold, double AdjustedPValue, double Effect, DriftCriteria Criteria)
{
    /// <summary>The column's name when the verdict came from <see cref="DriftCriteria.DecideAll"/>; otherwise empty.</summary>
    public string Column { get; init; } = "";

    /// <summary>The raw p-value when the verdict came from <see cref="DriftCriteria.DecideAll"/>; otherwise the adjusted one.</summary>
    public double PValue { get; init; } = AdjustedPValue;
}
