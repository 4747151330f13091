namespace Kullback.Fitting;

/// <summary>How a model's parameters are estimated from the data.</summary>
public enum FitMethod
{
    /// <summary>Maximum likelihood: exactly the parameters that minimise D(P_data‖Q_θ).</summary>
    MaximumLikelihood,

    /// <summary>Method of moments: the model's mean (and variance) set equal to the data's, as the tutorial did.</summary>
    Moments,
}
