using Kullback.Comparison;

namespace Kullback.Tests.Comparison;

/// <summary>
/// <see cref="ComparisonOptions.Permutations"/>: each column's p-value from seeded relabellings of its rows. The golden
/// value is the exact permutation p-value, from enumerating all 92,378 ways of choosing the reference's 9 rows among 19
/// (Python, the G statistic by scipy.stats.chi2_contingency with lambda_="log-likelihood").
/// </summary>
public class PermutationComparisonTests
{
    private const double ExactPermutationPValue = 5218.0 / 92378.0;   // 0.0565
    private const double ChiSquaredPValue = 0.021774039604674666;               // the χ² approximation with 3 df: 2.6 times too small

    private static ColumnCounts Teeth() => new("teeth", ColumnKind.Categorical, null,
        new ColumnHistogram([new ValueBin("a"), new ValueBin("b"), new ValueBin("c"), new ValueBin("d")], [5, 3, 1, 0], [1, 2, 3, 4]));

    private static DatasetComparison Compare(int permutations, int seed) =>
        DatasetComparison.Compare(new SampleSummary("ref", 9), new SampleSummary("cur", 10), [Teeth()],
                                  new ComparisonOptions { Permutations = permutations, Seed = seed, Criteria = DriftCriteria.Default with { Threshold = 0 } });

    [Fact]
    public void ThePermutationPValueEstimatesTheExactOneWhereTheChiSquaredOneIsFarOff()
    {
        var column = Compare(20_000, seed: 7).Columns.Single();
        Assert.Equal(ChiSquaredPValue, column.Test.PValue, 1e-12);   // scipy.stats.chi2.sf(9.651404622953187, 3)
        var permutation = Assert.IsType<PermutationResult>(column.Permutation);
        double sigma = Math.Sqrt(ExactPermutationPValue * (1 - ExactPermutationPValue) / 20_000);
        Assert.InRange(permutation.PValue, ExactPermutationPValue - 4 * sigma, ExactPermutationPValue + 4 * sigma);
        Assert.Equal(column.Test.Statistic, permutation.Observed);
        Assert.Equal(permutation.PValue, column.PValue);
    }

    [Fact]
    public void TheVerdictUsesThePermutationPValue()
    {
        Assert.True(Compare(0, 0).Columns.Single().Verdict.Drifted);          // χ²: p = 0.022 < 0.05
        var permuted = Compare(20_000, 7).Columns.Single();
        Assert.False(permuted.Verdict.Drifted);                               // permutations: p ≈ 0.056
        Assert.Equal(permuted.Permutation!.PValue, permuted.Verdict.AdjustedPValue);
    }

    [Fact]
    public void TheSameSeedGivesTheSameP_AnotherSeedAnotherDraw()
    {
        var a = Compare(2_000, 1).Columns.Single().Permutation!;
        Assert.Equal(a, Compare(2_000, 1).Columns.Single().Permutation);
        Assert.NotEqual(a.AtLeastAsExtreme, Compare(2_000, 2).Columns.Single().Permutation!.AtLeastAsExtreme);
        Assert.Equal((1.0 + a.AtLeastAsExtreme) / 2_001, a.PValue);
    }

    [Fact]
    public void WithoutPermutationsThereIsNone() =>
        Assert.Null(Compare(0, 0).Columns.Single().Permutation);
}
