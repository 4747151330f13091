namespace Kullback.Estimation;

/// <summary>How a divergence or a mutual information is estimated from counts.</summary>
public enum DivergenceEstimator
{
    /// <summary>The plug-in estimate: the measure between the empirical distributions.</summary>
    PlugIn,

    /// <summary>
    /// The plug-in less its first-order bias (the Miller–Madow-type correction), cut at 0. The bias of each measure is
    /// given where it is computed: <see cref="KullbackLeiblerEstimators"/> and <see cref="MutualInformationEstimators"/>.
    /// </summary>
    MillerMadow,
}
