namespace Kullback.Comparison;

public static partial class TwoSampleTests
{
    /// <summary>The Wasserstein-1 distance ∫|F_ref − F_cur| dx = Σₖ |Rₖ/n₁ − Cₖ/n₂|·(vₖ₊₁ − vₖ), as scipy.stats.wasserstein_distance.</summary>
    /// <remarks>Divided by the reference's population standard deviation for <see cref="WassersteinResult.Normalized"/>.</remarks>
    public static WassersteinResult Wasserstein(GroupedSamples samples) => TwoSampleAccumulator.Of(samples).Wasserstein();
}
