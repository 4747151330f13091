using System.Text.Json;
using Kullback.Fitting;
using MathNet.Numerics.Distributions;

namespace Kullback.Tests;

/// <summary>Model fitting: agreement with scipy's maximum-likelihood fits, ranking, and degenerate data.</summary>
public class FittingTests
{
    public sealed record FitCase(string Name, string Family, long? Trials, long[] Values, long[] Counts, Dictionary<string, double> Parameters)
    {
        public override string ToString() => Name;
        public DiscreteDistribution Data => DiscreteDistribution.FromCounts(Values.Select(v => Outcome.Of(v)).ToArray(), Counts.Select(c => (double)c).ToArray());
    }

    private static readonly IReadOnlyList<FitCase> ScipyCases = LoadScipyCases();

    private static List<FitCase> LoadScipyCases()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "fit-reference.json")));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new FitCase(
            c.GetProperty("name").GetString()!,
            c.GetProperty("family").GetString()!,
            c.GetProperty("trials").ValueKind == JsonValueKind.Null ? null : c.GetProperty("trials").GetInt64(),
            c.GetProperty("values").EnumerateArray().Select(e => e.GetInt64()).ToArray(),
            c.GetProperty("counts").EnumerateArray().Select(e => e.GetInt64()).ToArray(),
            c.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()))).ToList();
    }

    public static TheoryData<string> ScipyCaseNames() => new(ScipyCases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(ScipyCaseNames))]
    public void Maximum_likelihood_parameters_agree_with_scipy(string name)
    {
        var c = ScipyCases.Single(x => x.Name == name);
        var report = ModelFitter.Fit(c.Data, new FitOptions { Families = [c.Family], Trials = c.Trials });
        var fit = Assert.Single(report.Fits);
        foreach (var (parameter, expected) in c.Parameters)
        {
            double actual = fit.Model.Parameter(parameter);
            Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Abs(expected), $"{name} {parameter}: scipy {expected:R}, Kullback {actual:R}");
        }
    }

    [Fact]
    public void Maximum_likelihood_minimises_the_divergence_from_the_data()
    {
        // Nudging any parameter of an ML fit can only increase D(P‖Q).
        foreach (var c in ScipyCases.Where(c => c.Family is "negative_binomial" or "beta_binomial" or "discretized_normal" or "poisson"))
        {
            var fit = ModelFitter.Fit(c.Data, new FitOptions { Families = [c.Family], Trials = c.Trials }).Fits[0];
            foreach (var parameter in fit.Model.Parameters.Where(p => p.Name is not ("n" or "low" or "high")))
                foreach (double factor in new[] { 1 - 1e-4, 1 + 1e-4 })
                {
                    var nudged = ModelFitter.Evaluate(fit.Model.WithParameter(parameter.Name, parameter.Value * factor), fit.ParameterCount, fit.Method, c.Data);
                    Assert.True(nudged.KullbackLeiblerPQ >= fit.KullbackLeiblerPQ, $"{c.Name} {parameter.Name}×{factor}");
                }
        }
    }

    public static TheoryData<string> Families() => new(ModelFamily.All.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Families))]
    public void With_a_hundred_thousand_samples_the_generating_family_ranks_first(string family)
    {
        var rng = new Random(42);
        Func<long> draw = family switch
        {
            "uniform" => () => rng.Next(3, 18),
            "binomial" => () => Binomial.Sample(rng, 0.35, 25),
            "poisson" => () => Poisson.Sample(rng, 6.5),
            "geometric" => () => Geometric.Sample(rng, 0.2) - 1,   // MathNet counts trials; we count failures
            "negative_binomial" => () => NegativeBinomial.Sample(rng, 3.0, 0.3),
            "beta_binomial" => () => Binomial.Sample(rng, Beta.Sample(rng, 2, 5), 30),
            "discretized_normal" => () => (long)Math.Round(Normal.Sample(rng, 40, 6)),
            _ => throw new ArgumentOutOfRangeException(nameof(family)),
        };
        var tally = new IntegerTally();
        for (int i = 0; i < 100_000; i++) tally.Add(draw());
        long? trials = family switch { "binomial" => 25, "beta_binomial" => 30, _ => null };
        var report = ModelFitter.Fit(tally.ToDistribution(), new FitOptions { Trials = trials });
        Assert.Equal(RankCriterion.MessageLength, report.RankedBy);
        Assert.True(family == report.Best!.Family,
            $"{family} data: ranked {string.Join(", ", report.Fits.Select(f => $"{f.Family} {f.MessageBits:F1}"))}");
    }

    [Fact]
    public void Space_worms_by_probabilities_rank_by_divergence_and_match_the_tutorial()
    {
        var worms = DiscreteDistribution.FromProbabilities([0.02, 0.03, 0.05, 0.14, 0.16, 0.15, 0.12, 0.08, 0.10, 0.08, 0.07]);
        var report = ModelFitter.Fit(worms);
        Assert.Null(report.ObservationCount);
        Assert.Equal(RankCriterion.KullbackLeibler, report.RankedBy);
        var uniform = report.Fits.Single(f => f.Family == "uniform");
        var binomial = report.Fits.Single(f => f.Family == "binomial");
        Assert.Equal(0.136679710949669388759375344513, uniform.KullbackLeiblerPQ, 1e-14);
        Assert.Equal(0.427349724856193135051200217388, binomial.KullbackLeiblerPQ, 1e-12);
        Assert.Equal(0.544, binomial.Model.Parameter("p"), 1e-14);
        Assert.True(report.Fits.IndexOf(uniform) < report.Fits.IndexOf(binomial));
        Assert.Null(uniform.MessageBits);
        Assert.Equal(double.PositiveInfinity, report.Fits.Single(f => f.Family == "poisson").KullbackLeiblerQP);
        Assert.Equal(0.169713221388226600710361181925, uniform.KullbackLeiblerQP, 1e-14);
        // Ranked by D(P‖Q): non-decreasing.
        for (int i = 1; i < report.Fits.Length; i++) Assert.True(report.Fits[i].KullbackLeiblerPQ >= report.Fits[i - 1].KullbackLeiblerPQ);
    }

    [Fact]
    public void The_method_of_moments_is_what_the_tutorial_did()
    {
        var data = ScipyCases.First(c => c.Family == "negative_binomial").Data;
        var fit = ModelFitter.Fit(data, new FitOptions { Families = ["negative_binomial"], Method = FitMethod.Moments }).Fits[0];
        double m = data.Mean, v = data.Variance;
        Assert.Equal(m * m / (v - m), fit.Model.Parameter("r"), 1e-12);
        Assert.Equal(m / v, fit.Model.Parameter("p"), 1e-12);
        Assert.Equal(FitMethod.Moments, fit.Method);
        var ml = ModelFitter.Fit(data, new FitOptions { Families = ["negative_binomial"] }).Fits[0];
        Assert.True(ml.KullbackLeiblerPQ <= fit.KullbackLeiblerPQ);
    }

    [Fact]
    public void Message_length_is_bits_for_all_observations_plus_the_parameters()
    {
        var data = ScipyCases.Single(c => c.Family == "poisson").Data;
        var fit = ModelFitter.Fit(data, new FitOptions { Families = ["poisson"] }).Fits[0];
        long n = data.ObservationCount!.Value;
        double h = Measures.Entropy(data, InformationUnit.Bits);
        double expected = n * (h + fit.KullbackLeiblerPQ / Math.Log(2)) + 0.5 * Math.Log2(n);
        Assert.Equal(expected, fit.MessageBits!.Value, 1e-6);
        Assert.Equal(2 * 1 - 2 * fit.LogLikelihood!.Value, fit.Aic!.Value, 1e-9);
        Assert.Equal(Math.Log(n) - 2 * fit.LogLikelihood!.Value, fit.Bic!.Value, 1e-9);
    }

    [Fact]
    public void One_distinct_value_gives_results_for_some_models_and_reasons_for_the_rest()
    {
        var report = ModelFitter.Fit(DiscreteDistribution.FromCounts([Outcome.Of(5)], [40]));
        Assert.Equal(0.0, report.Fits.Single(f => f.Family == "uniform").KullbackLeiblerPQ);
        Assert.Equal(0.0, report.Fits.Single(f => f.Family == "binomial").KullbackLeiblerPQ);
        Assert.True(report.Fits.Single(f => f.Family == "poisson").KullbackLeiblerPQ > 0);
        Assert.Contains(report.NotApplicable, n => n.Family == "negative_binomial" && n.Reason.Contains("not over-dispersed"));
        Assert.Contains(report.NotApplicable, n => n.Family == "discretized_normal" && n.Reason.Contains("σ → 0"));
        Assert.Contains(report.NotApplicable, n => n.Family == "beta_binomial");
    }

    [Fact]
    public void All_zeros_fit_the_point_mass_models()
    {
        var report = ModelFitter.Fit(DiscreteDistribution.FromCounts([Outcome.Of(0)], [12]));
        Assert.Equal(0.0, report.Fits.Single(f => f.Family == "poisson").KullbackLeiblerPQ);
        Assert.Equal(0.0, report.Fits.Single(f => f.Family == "geometric").KullbackLeiblerPQ);
        Assert.Contains(report.NotApplicable, n => n.Family == "binomial" && n.Reason.Contains("--trials"));
    }

    [Fact]
    public void Negative_values_rule_out_the_counting_models_only()
    {
        var data = DiscreteDistribution.FromCounts([Outcome.Of(-2), Outcome.Of(0), Outcome.Of(1), Outcome.Of(3)], [5, 10, 12, 4]);
        var report = ModelFitter.Fit(data);
        Assert.Equal(["discretized_normal", "uniform"], report.Fits.Select(f => f.Family).Order());
        foreach (string f in new[] { "binomial", "poisson", "geometric", "negative_binomial", "beta_binomial" })
            Assert.Contains(report.NotApplicable, n => n.Family == f && n.Reason.Contains("negative values (the smallest is -2)"));
    }

    [Fact]
    public void Labelled_outcomes_allow_only_the_uniform()
    {
        var data = DiscreteDistribution.FromSamples(["red", "blue", "red", "green", "red"]);
        var report = ModelFitter.Fit(data);
        var fit = Assert.Single(report.Fits);
        Assert.Equal("uniform", fit.Family);
        Assert.Equal(Math.Log(3) - Measures.Entropy(data), fit.KullbackLeiblerPQ, 1e-14);
        Assert.Equal(6, report.NotApplicable.Length);
        Assert.All(report.NotApplicable, n => Assert.Contains("labels", n.Reason));
    }

    [Fact]
    public void Values_above_the_given_trials_rule_out_the_binomials()
    {
        var data = DiscreteDistribution.FromCounts([Outcome.Of(1), Outcome.Of(12)], [3, 1]);
        var report = ModelFitter.Fit(data, new FitOptions { Trials = 10, Families = ["binomial", "beta_binomial", "poisson"] });
        Assert.Contains(report.NotApplicable, n => n.Family == "binomial" && n.Reason.Contains("12, more than the 10 trials"));
        Assert.Single(report.Fits);
    }

    [Fact]
    public void Unknown_families_and_impossible_rankings_are_refused()
    {
        var data = DiscreteDistribution.FromProbabilities([0.5, 0.5]);
        Assert.Contains("zipf", Assert.Throws<InvalidArgumentException>(() => ModelFitter.Fit(data, new FitOptions { Families = ["zipf"] })).Message);
        Assert.Contains("needs the number of observations", Assert.Throws<InvalidArgumentException>(() => ModelFitter.Fit(data, new FitOptions { RankBy = RankCriterion.Aic })).Message);
    }

    [Fact]
    public void Models_check_their_parameters()
    {
        Assert.Contains("p = 1.5", Assert.Throws<InvalidArgumentException>(() => new BinomialModel(10, 1.5)).Message);
        Assert.Throws<InvalidArgumentException>(() => new PoissonModel(-1));
        Assert.Throws<InvalidArgumentException>(() => new NegativeBinomialModel(0, 0.5));
        Assert.Throws<InvalidArgumentException>(() => new DiscretizedNormalModel(0, 0, 0, 3));
        Assert.Contains("cannot be varied", Assert.Throws<InvalidArgumentException>(() => new BinomialModel(10, 0.5).WithParameter("n", 3)).Message);
        Assert.Equal("poisson(lambda = 3.2)", new PoissonModel(3.2).ToString());
    }

    [Fact]
    public void Every_model_sums_to_one_over_its_support()
    {
        DiscreteModel[] models =
        [
            new UniformModel(-3, 7), new BinomialModel(30, 0.37), new PoissonModel(7.5), new GeometricModel(0.25),
            new NegativeBinomialModel(2.3, 0.35), new BetaBinomialModel(20, 0.7, 1.9), new DiscretizedNormalModel(4.2, 2.5, -3, 12),
        ];
        foreach (var model in models)
        {
            double total = 0;
            for (long k = -5; k < 400; k++) total += model.Probability(k);
            Assert.True(Math.Abs(total - 1) < 1e-12, $"{model}: {total:R}");
        }
    }

    [Fact]
    public void The_tally_streams_counts_of_any_integers()
    {
        var tally = new IntegerTally();
        foreach (long v in new long[] { 3, -7, 3, 1_000_000_000_000, 65535, 65536, 3 }) tally.Add(v);
        var d = tally.ToDistribution();
        Assert.Equal(7, d.ObservationCount);
        Assert.Equal(new long[] { -7, 3, 65535, 65536, 1_000_000_000_000 }, d.Support.Select(o => o.Value));
        Assert.Equal(3.0 / 7, d.Probability(3), 1e-15);
    }
}
