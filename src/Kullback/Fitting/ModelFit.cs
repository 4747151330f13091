namespace Kullback.Fitting;

/// <summary>One fitted model and how much information it loses about the data.</summary>
/// <param name="Model">The fitted model.</param>
/// <param name="Method">How it was fitted.</param>
/// <param name="ParameterCount">k: the parameters estimated from the data.</param>
/// <param name="KullbackLeiblerPQ">D(P‖Q) in nats: information lost per observation when the model stands in for the data.</param>
/// <param name="KullbackLeiblerQP">D(Q‖P) in nats; +∞ when the model gives probability to outcomes never observed.</param>
/// <param name="LogLikelihood">ln L(θ̂) = N·Σ p̂ ln Q; null when N is unknown.</param>
/// <param name="Aic">2k − 2 ln L; null when N is unknown.</param>
/// <param name="Bic">k ln N − 2 ln L; null when N is unknown.</param>
/// <param name="MessageBits">−log₂ L + (k/2)·log₂ N: bits to send all N observations with the model; null when N is unknown.</param>
public sealed record ModelFit(
    DiscreteModel Model,
    FitMethod Method,
    int ParameterCount,
    double KullbackLeiblerPQ,
    double KullbackLeiblerQP,
    double? LogLikelihood,
    double? Aic,
    double? Bic,
    double? MessageBits)
{
    /// <summary>The family's name.</summary>
    public string Family => Model.Family;

    /// <summary>The value this fit is ranked by under <paramref name="criterion"/>.</summary>
    public double Score(RankCriterion criterion) => criterion switch
    {
        RankCriterion.MessageLength => MessageBits ?? KullbackLeiblerPQ,
        RankCriterion.Aic => Aic ?? KullbackLeiblerPQ,
        RankCriterion.Bic => Bic ?? KullbackLeiblerPQ,
        _ => KullbackLeiblerPQ,
    };
}

/// <summary>A family that could not be fitted, and why.</summary>
public sealed record NotApplicableFamily(string Family, string Reason);
