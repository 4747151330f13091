using System.Collections.Immutable;
using Kullback.Coding;
using Kullback.Fitting;
using MathNet.Numerics;

namespace Kullback.Analysis;

/// <summary>Which of the tutorial's two approximations loses less information.</summary>
public enum Approximation
{
    /// <summary>The uniform over 0…10 teeth.</summary>
    Uniform,

    /// <summary>The binomial(10, p) with p = mean/10.</summary>
    Binomial,
}

/// <summary>
/// The classic tutorial on KL divergence as numbers: space worms' teeth counts 0–10, approximated by a uniform and by a
/// binomial(10, p = mean/10); the entropy, the divergences both ways, where the information is lost, which approximation
/// to send home, D(P‖Binomial(10, p)) as p sweeps (0, 1), and the message itself sent home with real codes built from
/// each approximation. What <c>kullback demo</c> prints and draws. No I/O.
/// </summary>
public sealed record SpaceWormWalkthrough
{
    /// <summary>The empirical distribution of the number of teeth, 0–10, as the tutorial gives it.</summary>
    public static IReadOnlyList<double> TeethProbabilities { get; } = [0.02, 0.03, 0.05, 0.14, 0.16, 0.15, 0.12, 0.08, 0.10, 0.08, 0.07];

    /// <summary>The binomial's number of trials: the most teeth a worm can have.</summary>
    public const int Trials = 10;

    /// <summary>The data P over 0…10 teeth.</summary>
    public required DiscreteDistribution Data { get; init; }

    /// <summary>The mean number of teeth, 5.44.</summary>
    public required double Mean { get; init; }

    /// <summary>H(P): 3.262 bits.</summary>
    public required Information Entropy { get; init; }

    /// <summary>−ln p for each number of teeth: the information in observing it.</summary>
    public required ImmutableArray<Information> InformationContent { get; init; }

    /// <summary>The uniform fit and how much it loses, both ways, with its per-outcome contributions.</summary>
    public required ModelFit Uniform { get; init; }

    /// <summary>The binomial(10, mean/10) and how much it loses.</summary>
    public required ModelFit Binomial { get; init; }

    /// <summary>D(P‖Binomial(10, p)) for p = 0.005, 0.010, …, 0.995.</summary>
    public required SweepResult Sweep { get; init; }

    /// <summary>The p minimising D(P‖Binomial(10, p)), found by golden-section search (MathNet): the mean estimate again.</summary>
    public required double BestP { get; init; }

    /// <summary>D(P‖Binomial(10, <see cref="BestP"/>)).</summary>
    public required Information BestDivergence { get; init; }

    /// <summary>The observations sent home in the coding step, seeded so every run sends the same stream.</summary>
    public const int MessageLength = 100_000;

    /// <summary>The worms' teeth sent home with codes built from the uniform: bits per observation, measured.</summary>
    public required MessageHome SentWithUniform { get; init; }

    /// <summary>The same stream sent with codes built from the binomial.</summary>
    public required MessageHome SentWithBinomial { get; init; }

    /// <summary>The binomial's p = mean/10.</summary>
    public double BinomialP => Binomial.Model[Parameter.SuccessProbability];

    /// <summary>The approximation with the smaller D(P‖Q): the uniform, as the tutorial finds.</summary>
    public Approximation Winner => Uniform.DataToModel <= Binomial.DataToModel ? Approximation.Uniform : Approximation.Binomial;

    /// <summary>Runs the walkthrough.</summary>
    public static SpaceWormWalkthrough Run()
    {
        var data = DiscreteDistribution.FromProbabilities([.. TeethProbabilities]);
        // The tutorial's approximations: the uniform on the range, and the binomial whose mean matches (moments; for a
        // binomial with known n this is also maximum likelihood, and the minimum of D(P‖Q)).
        var report = ModelFitter.Fit(data, new FitOptions
        {
            Families = [ModelFamily.Uniform, ModelFamily.Binomial], Trials = Trials, Method = FitMethod.Moments,
        });
        var uniform = report.Fits.Single(f => f.Family == ModelFamily.Uniform);
        var binomial = report.Fits.Single(f => f.Family == ModelFamily.Binomial);
        var sweep = SweepAnalysis.Run(new SweepRequest(data, ModelFamily.Binomial, Parameter.SuccessProbability, 0.005, 0.995, 199, Trials));

        double DivergenceAt(double p) =>
            ModelFitter.Evaluate(binomial.Model.With(Parameter.SuccessProbability, p), binomial.ParameterCount, binomial.Method, data).DataToModel.Nats;
        double bestP = FindMinimum.OfScalarFunctionConstrained(DivergenceAt, 1e-6, 1 - 1e-6, 1e-10, 1000);

        double[] p = [.. data.Probabilities];
        double[] Of(ModelFit fit) => [.. fit.Contributions.Select(c => c.Q)];
        return new SpaceWormWalkthrough
        {
            SentWithUniform = MessageHome.Send(p, Of(uniform), MessageLength, seed: 2027),
            SentWithBinomial = MessageHome.Send(p, Of(binomial), MessageLength, seed: 2027),
            Data = data,
            Mean = data.Mean,
            Entropy = report.Entropy,
            InformationContent = [.. Enumerable.Range(0, data.Count).Select(i =>
                Information.FromNats(Measures.InformationContent(data, data.Support[i])))],
            Uniform = uniform,
            Binomial = binomial,
            Sweep = sweep,
            BestP = bestP,
            BestDivergence = Information.FromNats(DivergenceAt(bestP)),
        };
    }
}
