using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Kullback.Cli.Commands.Demo;

/// <summary>
/// The space-worm walkthrough as numbers: the data, the uniform and binomial approximations, the entropy, the
/// divergences in both directions, and D(P‖Binomial(10, p)) as p sweeps (0, 1). No I/O.
/// </summary>
internal sealed record SpaceWormAnalysis
{
    /// <summary>The empirical distribution of the number of teeth, 0–10, as the tutorial gives it.</summary>
    public static readonly double[] TeethProbabilities = [0.02, 0.03, 0.05, 0.14, 0.16, 0.15, 0.12, 0.08, 0.10, 0.08, 0.07];

    public const int Trials = 10;

    public required double[] Data { get; init; }
    public required double[] Uniform { get; init; }
    public required double[] Binomial { get; init; }
    public required double Mean { get; init; }
    public required double BinomialP { get; init; }
    public required double EntropyBits { get; init; }
    public required double EntropyNats { get; init; }
    public required double[] InformationBits { get; init; }

    /// <summary>D(P‖U), D(P‖B), D(U‖P), D(B‖P) in nats.</summary>
    public required double KlDataUniform { get; init; }
    public required double KlDataBinomial { get; init; }
    public required double KlUniformData { get; init; }
    public required double KlBinomialData { get; init; }

    /// <summary>Per-outcome terms pᵢ·log₂(pᵢ/qᵢ) in bits.</summary>
    public required double[] ContributionsUniformBits { get; init; }
    public required double[] ContributionsBinomialBits { get; init; }

    /// <summary>The sweep: p values in (0, 1) and D(P‖Binomial(10, p)) in nats.</summary>
    public required double[] SweepP { get; init; }
    public required double[] SweepKl { get; init; }

    /// <summary>The p minimising D(P‖Binomial(10, p)), found by golden-section search, and the minimum.</summary>
    public required double BestP { get; init; }
    public required double BestKl { get; init; }

    /// <summary>"uniform" or "binomial": the approximation with the smaller D(P‖Q).</summary>
    public string Best => KlDataUniform <= KlDataBinomial ? "uniform" : "binomial";

    public static SpaceWormAnalysis Run()
    {
        double[] data = TeethProbabilities;
        var distribution = DiscreteDistribution.FromProbabilities(data);
        double mean = distribution.Mean;
        double p = mean / Trials;
        double[] uniform = Enumerable.Repeat(1.0 / data.Length, data.Length).ToArray();
        double[] binomial = BinomialPmf(p);

        double KlToBinomial(double pp) => Measures.KullbackLeibler(data, BinomialPmf(pp));
        double[] sweepP = Enumerable.Range(1, 199).Select(i => i / 200.0).ToArray();
        double bestP = FindMinimum.OfScalarFunctionConstrained(KlToBinomial, 1e-6, 1 - 1e-6, 1e-10, 1000);

        var contributionsU = new double[data.Length];
        var contributionsB = new double[data.Length];
        Measures.KullbackLeiblerContributions(data, uniform, contributionsU, InformationUnit.Bits);
        Measures.KullbackLeiblerContributions(data, binomial, contributionsB, InformationUnit.Bits);

        return new SpaceWormAnalysis
        {
            Data = data,
            Uniform = uniform,
            Binomial = binomial,
            Mean = mean,
            BinomialP = p,
            EntropyBits = Measures.Entropy(data, InformationUnit.Bits),
            EntropyNats = Measures.Entropy(data),
            InformationBits = Enumerable.Range(0, data.Length).Select(i => Measures.InformationContent(data, i, InformationUnit.Bits)).ToArray(),
            KlDataUniform = Measures.KullbackLeibler(data, uniform),
            KlDataBinomial = Measures.KullbackLeibler(data, binomial),
            KlUniformData = Measures.KullbackLeibler(uniform, data),
            KlBinomialData = Measures.KullbackLeibler(binomial, data),
            ContributionsUniformBits = contributionsU,
            ContributionsBinomialBits = contributionsB,
            SweepP = sweepP,
            SweepKl = sweepP.Select(KlToBinomial).ToArray(),
            BestP = bestP,
            BestKl = KlToBinomial(bestP),
        };
    }

    /// <summary>Binomial(10, p) probabilities of 0…10 (MathNet.Numerics).</summary>
    public static double[] BinomialPmf(double p) =>
        Enumerable.Range(0, Trials + 1).Select(k => MathNet.Numerics.Distributions.Binomial.PMF(p, Trials, k)).ToArray();
}
