namespace Kullback.Fitting;

/// <summary>How fitted models are ranked, smallest first.</summary>
public enum RankCriterion
{
    /// <summary>
    /// The information to send all N observations with the model: −ln L(θ̂) + (k/2)·ln N (in bits: −log₂ L + (k/2)·log₂ N).
    /// The default when N is known; unlike D(P‖Q) alone it does not always favour the model with more parameters.
    /// </summary>
    MessageLength,

    /// <summary>D(P‖Q): information lost per observation. The only criterion when N is unknown (probabilities given).</summary>
    KullbackLeibler,

    /// <summary>Akaike's criterion 2k − 2 ln L.</summary>
    Aic,

    /// <summary>Schwarz's Bayesian criterion k ln N − 2 ln L.</summary>
    Bic,
}

/// <summary>The keys of the ranking criteria on the command line and in JSON: message, kl, aic, bic.</summary>
public static class RankCriteria
{
    /// <summary>Every criterion with its key.</summary>
    public static IReadOnlyList<(RankCriterion Criterion, string Key)> All { get; } =
        [(RankCriterion.MessageLength, "message"), (RankCriterion.KullbackLeibler, "kl"), (RankCriterion.Aic, "aic"), (RankCriterion.Bic, "bic")];

    /// <summary>"message", "kl", "aic" or "bic".</summary>
    public static string Key(RankCriterion criterion) => All.First(c => c.Criterion == criterion).Key;

    /// <summary>The criterion whose key is <paramref name="key"/>.</summary>
    /// <exception cref="InvalidArgumentException">No criterion has that key.</exception>
    public static RankCriterion Parse(string key) =>
        All.FirstOrDefault(c => string.Equals(c.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Key: not null } found
            ? found.Criterion
            : throw new InvalidArgumentException($"{InputText.Quote(key ?? "")} is not a ranking: use message, kl, aic or bic.", nameof(key));
}
