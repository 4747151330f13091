namespace Kullback.Tests;

/// <summary>Construction, statistics, alignment and distribution-level measures.</summary>
public class DiscreteDistributionTests
{
    private static readonly double[] WormTeeth = [0.02, 0.03, 0.05, 0.14, 0.16, 0.15, 0.12, 0.08, 0.10, 0.08, 0.07];

    [Fact]
    public void The_space_worm_data_has_mean_5_44_and_entropy_3_262_bits()
    {
        var worms = DiscreteDistribution.FromProbabilities(WormTeeth);
        Assert.Equal(11, worms.Count);
        Assert.Equal(5.44, worms.Mean, 1e-12);
        Assert.Equal(3.262, Measures.Entropy(worms, InformationUnit.Bits), 3);
        Assert.True(worms.IsNumeric);
        Assert.Null(worms.ObservationCount);
        Assert.Equal("DiscreteDistribution(11 outcomes 0…10, mean 5.44)", worms.ToString());
    }

    [Fact]
    public void Variance_is_the_population_variance()
    {
        var d = DiscreteDistribution.FromCounts([1, 0, 1]);   // outcomes 0 and 2, equally likely
        Assert.Equal(1.0, d.Mean, 1e-15);
        Assert.Equal(1.0, d.Variance, 1e-15);
        Assert.Equal(2, d.ObservationCount);
    }

    [Fact]
    public void Probabilities_that_do_not_sum_to_one_are_refused_with_a_suggestion()
    {
        var e = Assert.Throws<InvalidArgumentException>(() => DiscreteDistribution.FromProbabilities([0.5, 0.3, 0.1]));
        Assert.Contains("sum to 0.9", e.Message);
        Assert.Contains("0.1 short of 1", e.Message);
        Assert.Contains("FromCounts", e.Message);
        // Within 1e-9 is accepted.
        Assert.Equal(2, DiscreteDistribution.FromProbabilities([0.5, 0.5 + 5e-10]).Count);
    }

    [Fact]
    public void Counts_are_normalised()
    {
        var d = DiscreteDistribution.FromCounts([3, 1]);
        Assert.Equal([0.75, 0.25], d.Probabilities.ToArray());
        Assert.Equal(4, d.ObservationCount);
        Assert.Null(DiscreteDistribution.FromCounts([0.5, 1.5]).ObservationCount);
    }

    [Fact]
    public void Samples_are_tallied()
    {
        var d = DiscreteDistribution.FromSamples(new long[] { 3, 1, 3, 3, 7 });
        Assert.Equal([Outcome.Of(1), Outcome.Of(3), Outcome.Of(7)], d.Support.ToArray());
        Assert.Equal(0.6, d.Probability(3), 1e-15);
        Assert.Equal(0.0, d.Probability(4));
        Assert.Equal(5, d.ObservationCount);

        var labels = DiscreteDistribution.FromSamples(["red", "blue", "red"]);
        Assert.Equal([Outcome.Of("red"), Outcome.Of("blue")], labels.Support.ToArray());
        Assert.False(labels.IsNumeric);
        var e = Assert.Throws<InvalidOperationException>(() => labels.Mean);
        Assert.Contains("\"red\"", e.Message);
        Assert.Throws<InvalidArgumentException>(() => DiscreteDistribution.FromSamples(Array.Empty<long>()));
    }

    [Fact]
    public void A_repeated_outcome_is_refused()
    {
        var e = Assert.Throws<InvalidArgumentException>(() => DiscreteDistribution.FromCounts([Outcome.Of("a"), Outcome.Of("a")], [1, 2]));
        Assert.Contains("\"a\" appears twice", e.Message);
    }

    [Fact]
    public void Alignment_is_on_the_union_of_the_supports()
    {
        var p = DiscreteDistribution.FromCounts([Outcome.Of(1), Outcome.Of(3)], [1, 1]);
        var q = DiscreteDistribution.FromCounts([Outcome.Of(0), Outcome.Of(3)], [1, 3]);
        var a = AlignedPair.Of(p, q);
        Assert.Equal([Outcome.Of(0), Outcome.Of(1), Outcome.Of(3)], a.Support.ToArray());
        Assert.Equal([0.0, 1, 1], a.P.ToArray());
        Assert.Equal([1.0, 0, 3], a.Q.ToArray());
    }

    [Fact]
    public void Distribution_measures_equal_span_measures_on_the_aligned_vectors()
    {
        var p = DiscreteDistribution.FromCounts([Outcome.Of("x"), Outcome.Of("y")], [2, 1]);
        var q = DiscreteDistribution.FromCounts([Outcome.Of("y"), Outcome.Of("x"), Outcome.Of("z")], [1, 1, 1]);
        // aligned support: x, y, z
        Assert.Equal(Measures.KullbackLeibler([2.0, 1, 0], [1.0, 1, 1]), Measures.KullbackLeibler(p, q));
        Assert.Equal(double.PositiveInfinity, Measures.KullbackLeibler(q, p));
        Assert.Equal(Measures.Hellinger([2.0, 1, 0], [1.0, 1, 1]), Measures.Hellinger(p, q));
        Assert.Equal(Measures.Renyi([2.0, 1, 0], [1.0, 1, 1], 2), Measures.Renyi(p, q, 2));
    }

    [Fact]
    public void The_breakdown_says_where_information_is_lost_and_what_made_it_infinite()
    {
        var p = DiscreteDistribution.FromCounts([Outcome.Of("x"), Outcome.Of("y"), Outcome.Of("z")], [1, 1, 2]);
        var q = DiscreteDistribution.FromCounts([Outcome.Of("x"), Outcome.Of("y")], [1, 3]);
        var b = Measures.KullbackLeiblerBreakdown(p, q);
        Assert.True(b.IsInfinite);
        Assert.Equal([Outcome.Of("z")], b.InfiniteAt.ToArray());
        Assert.True(b.Value.IsInfinite);

        var finite = Measures.KullbackLeiblerBreakdown(q, p);
        Assert.False(finite.IsInfinite);
        // q = (1/4, 3/4, 0) against p = (1/4, 1/4, 1/2): the terms are 0, (3/4)·ln 3 and 0 (0·log 0 = 0).
        Assert.Equal(0.0, finite.Contributions.Single(c => c.Outcome == Outcome.Of("x")).Contribution.Nats, 1e-15);
        Assert.Equal(0.75 * Math.Log(3), finite.Contributions.Single(c => c.Outcome == Outcome.Of("y")).Contribution.Nats, 1e-15);
        Assert.Equal(0.75 * Math.Log2(3), finite.Value.Bits, 1e-14);
        Assert.Equal(finite.Value.Nats, finite.Contributions.Sum(c => c.Contribution.Nats), 1e-14);
        Assert.Equal(Information.Zero, finite.Contributions.Single(c => c.Outcome == Outcome.Of("z")).Contribution);
        Assert.Equal(0.5, finite.Contributions.Single(c => c.Outcome == Outcome.Of("z")).Q);
    }

    [Fact]
    public void Information_content_of_an_outcome()
    {
        var d = DiscreteDistribution.FromProbabilities([0.5, 0.25, 0.25]);
        Assert.Equal(2.0, Measures.InformationContent(d, 1, InformationUnit.Bits));
        Assert.Equal(double.PositiveInfinity, Measures.InformationContent(d, 9));
        Assert.Equal(0.0, Measures.InformationContent([0.0, 1.0], 1));
        Assert.Equal(double.PositiveInfinity, Measures.InformationContent([0.0, 1.0], 0));
    }

    [Fact]
    public void Outcomes_compare_integers_numerically_before_labels()
    {
        Outcome[] sorted = [Outcome.Of("b"), Outcome.Of(10), Outcome.Of("a"), Outcome.Of(2)];
        Array.Sort(sorted);
        Assert.Equal(["2", "10", "a", "b"], sorted.Select(o => o.ToString()));
        Assert.NotEqual(Outcome.Of(3), Outcome.Of("3"));
    }

    [Fact]
    public void The_number_of_observations_is_known_only_while_it_is_exact()
    {
        Assert.Equal(12, DiscreteDistribution.FromCounts([5, 7]).ObservationCount);
        Assert.Equal(2 * 9007199254740992L, DiscreteDistribution.FromCounts([9007199254740992.0, 9007199254740992.0]).ObservationCount);
        Assert.Null(DiscreteDistribution.FromCounts([9007199254740994.0, 1]).ObservationCount);          // beyond 2⁵³: not every count is exact
        Assert.Null(DiscreteDistribution.FromCounts([.. Enumerable.Repeat(9007199254740992.0, 1100)]).ObservationCount);   // the total passes long
        Assert.Null(DiscreteDistribution.FromCounts([2.5, 1]).ObservationCount);
    }
}
