using System.CommandLine;
using Kullback.Estimation;

namespace Kullback.Cli.Commands.Measure;

/// <summary>
/// --estimator, --confidence, --bootstrap, --seed and --permutations: how <c>kullback measure --counts</c> (and
/// <c>kullback fit</c>) estimate from counts. Defaults: Grassberger's entropy, the Miller–Madow divergence, a 95% BCa
/// interval from 2,000 resamples with seed 0, no permutation test.
/// </summary>
internal sealed class EstimationOptions
{
    public static readonly IReadOnlyList<string> EstimatorNames = ["grassberger", "miller-madow", "chao-shen", "nsb", "plugin"];

    public Option<string> Estimator { get; } = Options.Choice("--estimator",
        "Entropy estimator from counts: grassberger (the default; corrects the plug-in's bias count by count), miller-madow, chao-shen, nsb (Bayesian, with its posterior interval) or plugin. Divergences take the Miller–Madow correction, or none with plugin.",
        EstimatorNames, "grassberger");

    public Option<double?> Confidence { get; } = Options.Number("--confidence", "Confidence level of the intervals, strictly between 0 and 1 (default 0.95).", "LEVEL");

    public Option<int> Bootstrap { get; } = Options.Integer("--bootstrap", "Bootstrap resamples of the counts for each interval (BCa; default 2000; 0 for no intervals).", BootstrapOptions.DefaultResamples, 0, 10_000_000, "N");

    public Option<int> Seed { get; } = Options.Integer("--seed", "Seed of the resamples and permutations (default 0): the same seed gives the same intervals.", 0, int.MinValue, int.MaxValue, "S");

    public Option<int>? Permutations { get; init; }

    public static EstimationOptions WithPermutations() => new()
    {
        Permutations = Options.Integer("--permutations", "Also test P = Q: the p-value of each divergence from N seeded relabellings of the two samples' observations (default 0, no test).", 0, 0, 100_000_000, "N"),
    };

    public void AddTo(Command command)
    {
        command.Add(Estimator);
        command.Add(Confidence);
        command.Add(Bootstrap);
        command.Add(Seed);
        if (Permutations is not null) command.Add(Permutations);
    }

    /// <summary>The first of these options written on the command line, or null.</summary>
    public string? FirstGiven(ParseResult parse) =>
        new Option[] { Estimator, Confidence, Bootstrap, Seed }.Concat(Permutations is null ? [] : [Permutations])
            .FirstOrDefault(o => parse.GetResult(o) is { Implicit: false })?.Name;

    /// <summary>The options as given; no intervals when --bootstrap 0.</summary>
    public CountEstimationOptions Read(ParseResult parse)
    {
        var estimator = ParseEstimator(parse.GetValue(Estimator)!);
        double level = parse.GetValue(Confidence) ?? 0.95;
        if (!(level > 0 && level < 1)) throw new UsageException($"--confidence {Numbers.RoundTrip(level)} must lie strictly between 0 and 1, such as 0.95.");
        int resamples = parse.GetValue(Bootstrap);
        if (resamples is > 0 and < 10) throw new UsageException("--bootstrap needs at least 10 resamples (2000 is the default), or 0 for no intervals.");
        return new CountEstimationOptions
        {
            Entropy = estimator,
            Divergence = estimator == EntropyEstimator.PlugIn ? DivergenceEstimator.PlugIn : DivergenceEstimator.MillerMadow,
            Interval = new BootstrapOptions { Level = level, Resamples = Math.Max(resamples, 10), Seed = parse.GetValue(Seed) },
            WithIntervals = resamples > 0,
            Permutations = Permutations is null ? 0 : parse.GetValue(Permutations),
        };
    }

    public static EntropyEstimator ParseEstimator(string name) => name switch
    {
        "plugin" => EntropyEstimator.PlugIn,
        "miller-madow" => EntropyEstimator.MillerMadow,
        "chao-shen" => EntropyEstimator.ChaoShen,
        "nsb" => EntropyEstimator.Nsb,
        _ => EntropyEstimator.Grassberger,
    };

    public static string Name(EntropyEstimator estimator) => estimator switch
    {
        EntropyEstimator.PlugIn => "plugin",
        EntropyEstimator.MillerMadow => "miller-madow",
        EntropyEstimator.ChaoShen => "chao-shen",
        EntropyEstimator.Nsb => "nsb",
        _ => "grassberger",
    };

    public static string Name(DivergenceEstimator estimator) => estimator == DivergenceEstimator.PlugIn ? "plugin" : "miller-madow";

    public static string Name(IntervalMethod method) => method switch
    {
        IntervalMethod.Percentile => "percentile",
        IntervalMethod.Posterior => "posterior",
        _ => "bca",
    };
}
