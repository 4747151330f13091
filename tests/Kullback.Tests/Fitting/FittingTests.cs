using System.Text.Json;
using Kullback.Fitting;
using MathNet.Numerics.Distributions;

namespace Kullback.Tests;

/// <summary>Model fitting: agreement with scipy's maximum-likelihood fits, ranking, and degenerate data.</summary>
public class FittingTests
{
    public sealed record FitCase(string Name, ModelFamily Family, long? Trials, long[] Values, long[] Counts, Dictionary<string, double> Parameters, double? LogLikelihood)
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
            ModelFamily.Parse(c.GetProperty("family").GetString()!),
            c.GetProperty("trials").ValueKind == JsonValueKind.Null ? null : c.GetProperty("trials").GetInt64(),
            c.GetProperty("values").EnumerateArray().Select(e => e.GetInt64()).ToArray(),
            c.GetProperty("counts").EnumerateArray().Select(e => e.GetInt64()).ToArray(),
            c.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
            c.TryGetProperty("log_likelihood", out var ll) ? ll.GetDouble() : null)).ToList();
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
            double actual = fit.Model[c.Family.ParameterNamed(parameter)];
            Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Abs(expected), $"{name} {parameter}: scipy {expected:R}, Kullback {actual:R}");
        }
    }

    [Fact]
    public void Maximum_likelihood_minimises_the_divergence_from_the_data()
    {
        // Nudging any parameter of an ML fit can only increase D(P‖Q).
        var families = new[] { ModelFamily.NegativeBinomial, ModelFamily.BetaBinomial, ModelFamily.DiscretizedNormal, ModelFamily.Poisson };
        foreach (var c in ScipyCases.Where(c => families.Contains(c.Family)))
        {
            var fit = ModelFitter.Fit(c.Data, new FitOptions { Families = [c.Family], Trials = c.Trials }).Fits[0];
            foreach (var parameter in c.Family.VariableParameters)
                foreach (double factor in new[] { 1 - 1e-4, 1 + 1e-4 })
                {
                    var nudged = ModelFitter.Evaluate(fit.Model.With(parameter, fit.Model[parameter] * factor), fit.ParameterCount, fit.Method, c.Data);
                    Assert.True(nudged.DataToModel >= fit.DataToModel, $"{c.Name} {parameter}×{factor}");
                }
        }
    }

    public static TheoryData<string> Families() => new(ModelFamily.All.Select(f => f.Key));

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
        Assert.True(ModelFamily.Parse(family) == report.Best!.Family,
            $"{family} data: ranked {string.Join(", ", report.Fits.Select(f => $"{f.Family.Key} {f.MessageLength?.Bits:F1}"))}");
    }

    [Fact]
    public void Space_worms_by_probabilities_rank_by_divergence_and_match_the_tutorial()
    {
        var worms = DiscreteDistribution.FromProbabilities([0.02, 0.03, 0.05, 0.14, 0.16, 0.15, 0.12, 0.08, 0.10, 0.08, 0.07]);
        var report = ModelFitter.Fit(worms);
        Assert.Null(report.ObservationCount);
        Assert.Equal(RankCriterion.KullbackLeibler, report.RankedBy);
        var uniform = report.Fits.Single(f => f.Family == ModelFamily.Uniform);
        var binomial = report.Fits.Single(f => f.Family == ModelFamily.Binomial);
        Assert.Equal(0.136679710949669388759375344513, uniform.DataToModel.Nats, 1e-14);
        Assert.Equal(0.427349724856193135051200217388, binomial.DataToModel.Nats, 1e-12);
        Assert.Equal(0.544, binomial.Model[Parameter.SuccessProbability], 1e-14);
        Assert.True(report.Fits.IndexOf(uniform) < report.Fits.IndexOf(binomial));
        Assert.Null(uniform.MessageLength);
        Assert.True(report.Fits.Single(f => f.Family == ModelFamily.Poisson).ModelToData.IsInfinite);
        Assert.Equal(0.169713221388226600710361181925, uniform.ModelToData.Nats, 1e-14);
        // Ranked by D(P‖Q): non-decreasing.
        for (int i = 1; i < report.Fits.Length; i++) Assert.True(report.Fits[i].DataToModel >= report.Fits[i - 1].DataToModel);
    }

    [Fact]
    public void The_method_of_moments_is_what_the_tutorial_did()
    {
        var data = ScipyCases.First(c => c.Family == ModelFamily.NegativeBinomial).Data;
        var fit = ModelFitter.Fit(data, new FitOptions { Families = [ModelFamily.NegativeBinomial], Method = FitMethod.Moments }).Fits[0];
        // The model's mean r(1 − p)/p and variance r(1 − p)/p² equal the data's.
        double r = fit.Model[Parameter.Successes], p = fit.Model[Parameter.SuccessProbability];
        Assert.Equal(data.Mean, r * (1 - p) / p, 1e-10);
        Assert.Equal(data.Variance, r * (1 - p) / (p * p), 1e-9);
        Assert.Equal(FitMethod.Moments, fit.Method);
        var ml = ModelFitter.Fit(data, new FitOptions { Families = [ModelFamily.NegativeBinomial] }).Fits[0];
        Assert.True(ml.DataToModel <= fit.DataToModel);
    }

    [Theory]
    [MemberData(nameof(ScipyCaseNames))]
    public void Log_likelihoods_and_the_scores_built_on_them_agree_with_scipy(string name)
    {
        // ln L against scipy's log-pmfs at scipy's own fit; the scores are their definitions applied to that number.
        var c = ScipyCases.Single(x => x.Name == name);
        var fit = ModelFitter.Fit(c.Data, new FitOptions { Families = [c.Family], Trials = c.Trials }).Fits[0];
        double expected = c.LogLikelihood!.Value;
        long n = c.Data.ObservationCount!.Value;
        Assert.True(Math.Abs(fit.LogLikelihood!.Value - expected) <= 1e-7 * Math.Abs(expected), $"{name}: scipy {expected:R}, Kullback {fit.LogLikelihood:R}");
        int k = fit.ParameterCount;
        Assert.Equal(2 * k - 2 * expected, fit.Aic!.Value, 1e-6 * Math.Abs(expected));
        Assert.Equal(k * Math.Log(n) - 2 * expected, fit.Bic!.Value, 1e-6 * Math.Abs(expected));
        Assert.Equal(-expected / Math.Log(2) + k / 2.0 * Math.Log2(n), fit.MessageLength!.Value.Bits, 1e-6 * Math.Abs(expected));
    }

    [Fact]
    public void One_distinct_value_gives_results_for_some_models_and_reasons_for_the_rest()
    {
        var report = ModelFitter.Fit(DiscreteDistribution.FromCounts([Outcome.Of(5)], [40]));
        Assert.Equal(Information.Zero, report.Fits.Single(f => f.Family == ModelFamily.Uniform).DataToModel);
        Assert.Equal(Information.Zero, report.Fits.Single(f => f.Family == ModelFamily.Binomial).DataToModel);
        Assert.True(report.Fits.Single(f => f.Family == ModelFamily.Poisson).DataToModel > Information.Zero);
        Assert.Contains(report.NotApplicable, n => n.Family == ModelFamily.NegativeBinomial && n.Reason.Contains("not over-dispersed", StringComparison.Ordinal));
        Assert.Contains(report.NotApplicable, n => n.Family == ModelFamily.DiscretizedNormal && n.Reason.Contains("σ → 0", StringComparison.Ordinal));
        Assert.Contains(report.NotApplicable, n => n.Family == ModelFamily.BetaBinomial);
    }

    [Fact]
    public void All_zeros_fit_the_point_mass_models()
    {
        var report = ModelFitter.Fit(DiscreteDistribution.FromCounts([Outcome.Of(0)], [12]));
        Assert.Equal(Information.Zero, report.Fits.Single(f => f.Family == ModelFamily.Poisson).DataToModel);
        Assert.Equal(Information.Zero, report.Fits.Single(f => f.Family == ModelFamily.Geometric).DataToModel);
        Assert.Contains(report.NotApplicable, n => n.Family == ModelFamily.Binomial && n.Reason.Contains("number of trials", StringComparison.Ordinal));
    }

    [Fact]
    public void Negative_values_rule_out_the_counting_models_only()
    {
        var data = DiscreteDistribution.FromCounts([Outcome.Of(-2), Outcome.Of(0), Outcome.Of(1), Outcome.Of(3)], [5, 10, 12, 4]);
        var report = ModelFitter.Fit(data);
        Assert.Equal(["discretized_normal", "uniform"], report.Fits.Select(f => f.Family.Key).Order());
        foreach (var f in new[] { ModelFamily.Binomial, ModelFamily.Poisson, ModelFamily.Geometric, ModelFamily.NegativeBinomial, ModelFamily.BetaBinomial })
            Assert.Contains(report.NotApplicable, n => n.Family == f && n.Reason.Contains("negative values (the smallest is -2)", StringComparison.Ordinal));
    }

    [Fact]
    public void Labelled_outcomes_allow_only_the_uniform()
    {
        var data = DiscreteDistribution.FromSamples(["red", "blue", "red", "green", "red"]);
        var report = ModelFitter.Fit(data);
        var fit = Assert.Single(report.Fits);
        Assert.Equal(ModelFamily.Uniform, fit.Family);
        // red 3/5, blue 1/5, green 1/5 against 1/3 each: D = 0.6 ln 1.8 + 0.4 ln 0.6.
        Assert.Equal(0.6 * Math.Log(1.8) + 0.4 * Math.Log(0.6), fit.DataToModel.Nats, 1e-14);
        Assert.Equal(6, report.NotApplicable.Length);
        Assert.All(report.NotApplicable, n => Assert.Contains("labels", n.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Values_above_the_given_trials_rule_out_the_binomials()
    {
        var data = DiscreteDistribution.FromCounts([Outcome.Of(1), Outcome.Of(12)], [3, 1]);
        var report = ModelFitter.Fit(data, new FitOptions { Trials = 10, Families = [ModelFamily.Binomial, ModelFamily.BetaBinomial, ModelFamily.Poisson] });
        Assert.Contains(report.NotApplicable, n => n.Family == ModelFamily.Binomial && n.Reason.Contains("12, more than the 10 trials", StringComparison.Ordinal));
        Assert.Single(report.Fits);
    }

    [Fact]
    public void Unknown_families_and_impossible_rankings_are_refused()
    {
        var data = DiscreteDistribution.FromProbabilities([0.5, 0.5]);
        Assert.Contains("zipf", Assert.Throws<InvalidArgumentException>(() => ModelFamily.Parse("zipf")).Reason, StringComparison.Ordinal);
        Assert.Contains("needs the number of observations", Assert.Throws<InvalidArgumentException>(() => ModelFitter.Fit(data, new FitOptions { RankBy = RankCriterion.Aic })).Reason, StringComparison.Ordinal);
        Assert.Contains("no parameter 'lambda'", Assert.Throws<InvalidArgumentException>(() => ModelFamily.Binomial.ParameterNamed("lambda")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Models_check_their_parameters()
    {
        Assert.Contains("p = 1.5", Assert.Throws<InvalidArgumentException>(() => new BinomialModel(10, 1.5)).Reason, StringComparison.Ordinal);
        Assert.Throws<InvalidArgumentException>(() => new PoissonModel(-1));
        Assert.Throws<InvalidArgumentException>(() => new NegativeBinomialModel(0, 0.5));
        Assert.Throws<InvalidArgumentException>(() => new DiscretizedNormalModel(0, 0, 0, 3));
        Assert.Contains("cannot be varied", Assert.Throws<InvalidArgumentException>(() => new BinomialModel(10, 0.5).With(Parameter.Trials, 3)).Reason, StringComparison.Ordinal);
        Assert.Contains("no parameter that can be varied", Assert.Throws<InvalidArgumentException>(() => new UniformModel(0, 3).With(Parameter.Low, 1)).Reason, StringComparison.Ordinal);
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

    [Theory]
    [InlineData(1_000_000_000_000L, 0.30819325571768284733924579703)]
    [InlineData(long.MaxValue, 0.30819325571806866044620492700)]
    public void Binomials_with_enormous_numbers_of_trials_keep_their_digits(long trials, double expected)
    {
        // mpmath at 50 digits, from exact ln Γ: the binomial(n, mean/n) is then all but a Poisson.
        var data = DiscreteDistribution.FromCounts([Outcome.Of(0), Outcome.Of(1), Outcome.Of(2)], [3, 5, 9]);
        var fit = ModelFitter.Fit(data, new FitOptions { Families = [ModelFamily.Binomial], Trials = trials }).Fits[0];
        Assert.Equal(expected, fit.DataToModel.Nats, 1e-12 * expected);
    }

    [Fact]
    public void Samples_at_the_extremes_of_long_are_fitted_or_refused_with_a_reason()
    {
        var data = DiscreteDistribution.FromSamples([long.MinValue, long.MaxValue, 5, 5]);
        var report = ModelFitter.Fit(data);
        var uniform = report.Fits.Single(f => f.Family == ModelFamily.Uniform);
        // Uniform over 2⁶⁴ outcomes: D(P‖U) = ln 2⁶⁴ − H(P), H(P) = (3/2) ln 2.
        Assert.Equal(64 * Math.Log(2) - 1.5 * Math.Log(2), uniform.DataToModel.Nats, 1e-12);
        Assert.True(uniform.ModelToData.IsInfinite);
        Assert.All(report.Fits, f => Assert.False(double.IsNaN(f.DataToModel.Nats)));
        Assert.Equal(3, uniform.Contributions.Length);   // the observed outcomes: the range is far too wide to chart
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
