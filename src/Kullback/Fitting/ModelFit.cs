using System.Collections.Immutable;

namespace Kullback.Fitting;

/// <summary>One fitted model and how much information it loses about the data.</summary>
/// <param name="Model">The fitted model.</param>
/// <param name="Method">How it was fitted.</param>
/// <param name="ParameterCount">k: the parameters estimated from the data.</param>
/// <param name="DataToModel">D(P‖Q): information lost per observation when the model stands in for the data.</param>
/// <param name="ModelToData">D(Q‖P); +∞ when the model gives probability to outcomes never observed.</param>
/// <param name="LogLikelihood">ln L(θ̂) = N·Σ p̂ ln Q (natural log); null when N is unknown.</param>
/// <param name="Aic">2k − 2 ln L; null when N is unknown.</param>
/// <param name="Bic">k ln N − 2 ln L; null when N is unknown.</param>
/// <param name="MessageLength">−ln L + (k/2)·ln N: the information needed to send all N observations with the model
/// (the tutorial's bits home: read it with <see cref="Information.Bits"/>); null when N is unknown.</param>
/// <param name="Contributions">Where the information is lost: per outcome p·ln(p/q) (summing to <paramref name="DataToModel"/>),
/// over every integer of the observed range when it holds at most <see cref="ModelFitter.MaximumChartedOutcomes"/> outcomes,
/// else over the observed outcomes.</param>
public sealed record ModelFit(
    DiscreteModel Model,
    FitMethod Method,
    int ParameterCount,
    Information DataToModel,
    Information ModelToData,
    double? LogLikelihood,
    double? Aic,
    double? Bic,
    Information? MessageLength,
    ImmutableArray<OutcomeContribution> Contributions)
{
    /// <summary>The model's family.</summary>
    public ModelFamily Family => Model.Family;

    /// <summary>The value this fit is ranked by under <paramref name="criterion"/> (smaller is better).</summary>
    public double Score(RankCriterion criterion) => criterion switch
    {
        RankCriterion.MessageLength => MessageLength?.Nats ?? DataToModel.Nats,
        RankCriterion.Aic => Aic ?? DataToModel.Nats,
        RankCriterion.Bic => Bic ?? DataToModel.Nats,
        _ => DataToModel.Nats,
    };

    /// <summary>The outcomes that make D(P‖Q) infinite: observed, but given probability 0 by the model.</summary>
    public IEnumerable<Outcome> InfiniteAt => Contributions.Where(c => c.Contribution.IsInfinite).Select(c => c.Outcome);
}
