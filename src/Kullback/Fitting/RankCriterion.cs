namespace Kullback.Fitting;

/// <summary>How fitted models are ranked, smallest first.</summary>
public enum RankCriterion
{
    /// <summary>
    /// Bits to send all N observations with the model: −log₂ L(θ̂) + (k/2)·log₂ N. The default when N is known;
    /// unlike D(P‖Q) alone it does not always favour the model with more parameters.
    /// </summary>
    MessageLength,

    /// <summary>D(P‖Q): information lost per observation. The only criterion when N is unknown (probabilities given).</summary>
    KullbackLeibler,

    /// <summary>Akaike's criterion 2k − 2 ln L.</summary>
    Aic,

    /// <summary>Schwarz's Bayesian criterion k ln N − 2 ln L.</summary>
    Bic,
}
