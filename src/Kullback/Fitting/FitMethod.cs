namespace Kullback.Fitting;

/// <summary>How a model's parameters are estimated from the data.</summary>
public enum FitMethod
{
    /// <summary>Maximum likelihood: exactly the parameters that minimise D(P_data‖Q_θ). Key "mle".</summary>
    MaximumLikelihood,

    /// <summary>Method of moments: the model's mean (and variance) set equal to the data's, as the tutorial did. Key "moments".</summary>
    Moments,
}

/// <summary>The keys of the fitting methods on the command line and in JSON: mle, moments.</summary>
public static class FitMethods
{
    /// <summary>"mle" or "moments".</summary>
    public static string Key(FitMethod method) => method == FitMethod.Moments ? "moments" : "mle";

    /// <summary>The method whose key is <paramref name="key"/>.</summary>
    /// <exception cref="InvalidArgumentException">No method has that key.</exception>
    public static FitMethod Parse(string key) => key?.Trim().ToLowerInvariant() switch
    {
        "mle" => FitMethod.MaximumLikelihood,
        "moments" => FitMethod.Moments,
        _ => throw new InvalidArgumentException($"{InputText.Quote(key ?? "")} is not a fitting method: use mle or moments.", nameof(key)),
    };
}
