using Kullback.Estimation;

namespace Kullback.Tests.Estimation;

/// <summary>Chao's estimated population, the entropy bootstrap's source when outcomes went unseen.</summary>
public class EstimatedPopulationTests
{
    /// <summary>Golden values from iNEXT's EstiBootComm.Ind transcribed to Python (tests/reference/make_estimated_population_cases.py).</summary>
    public static TheoryData<long[], double[]> Cases { get; } = new()
    {
        { [1, 1, 1, 2, 5], [0.023052798250606188, 0.023052798250606188, 0.023052798250606188, 0.15260881129650888, 0.49892244912408634,
            0.05586206896551724, 0.05586206896551724, 0.05586206896551724, 0.05586206896551724, 0.05586206896551724] },
        // No doubletons: f̂₀ = ((N − 1)/N)·f₁(f₁ − 1)/2 = 5.45, so 6 unseen outcomes; the unobserved listed category stays at 0.
        { [3, 1, 1, 1, 1, 4, 0], [0.25246998995654074, 0.01230048780595813, 0.01230048780595813, 0.01230048780595813, 0.01230048780595813,
            0.35741896791053573, 0, 0.05681818181818182, 0.05681818181818182, 0.05681818181818182, 0.05681818181818182, 0.05681818181818182,
            0.05681818181818182] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_reference(long[] counts, double[] expected)
    {
        var population = EstimatedPopulation.Of(counts)!;
        Assert.Equal(expected.Length, population.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], population[i], 1e-14);
        Assert.Equal(1, population.Sum(), 1e-14);
    }

    [Theory]
    [InlineData(new long[] { 2, 3, 5, 14, 16 })]   // no singletons
    [InlineData(new long[] { 1, 3, 5, 0 })]        // one singleton, no doubleton: f̂₀ = 0
    [InlineData(new long[] { 7, 0, 0 })]           // a single category
    public void Is_the_empirical_distribution_when_no_outcome_is_estimated_unseen(long[] counts) =>
        Assert.Null(EstimatedPopulation.Of(counts));

    [Fact]
    public void Moves_an_undersampled_interval_up_towards_the_truth()
    {
        // 40 draws of Zipf over 200 outcomes, one seeded sample: every estimator is low, and the bootstrap from the
        // estimated population, whose rare outcomes also go unseen, says so.
        var truth = SimulatedSample.Zipf(200);
        long[] counts = truth.Draw(new Random(7), 40);
        var e = EntropyEstimators.Estimate(counts, EntropyEstimator.Grassberger, BootstrapOptions.Default);
        Assert.True(e.Interval!.Upper.Nats > e.Value.Nats + 0.5 * (e.Value.Nats - e.Interval.Lower.Nats),
            $"{e.Value} in {e.Interval}: the interval reaches further above the estimate than below");
    }
}
