using Kullback.Continuous;
using MathNet.Numerics.Distributions;

namespace Kullback.Tests;

/// <summary>Multivariate normals, Monte Carlo, the k-d tree, and the k-nearest-neighbour estimators.</summary>
public class SampleEstimatorTests
{
    private static readonly MultivariateNormal P3 = MultivariateNormal.Of([0, 0, 0], new double[,] { { 1, 0.3, 0 }, { 0.3, 1, 0.2 }, { 0, 0.2, 1 } });
    private static readonly MultivariateNormal Q3 = MultivariateNormal.Of([1, -0.5, 0.2], new double[,] { { 2, 0, 0.4 }, { 0, 1.5, 0 }, { 0.4, 0, 1 } });

    [Fact]
    public void Multivariate_normal_in_one_dimension_is_the_univariate_closed_form()
    {
        var p = MultivariateNormal.Of([0.3], new double[,] { { 2.25 } });
        var q = MultivariateNormal.Of([-1], new double[,] { { 0.49 } });
        Assert.Equal(ClosedFormDivergence.KullbackLeibler(new Normal(0.3, 1.5), new Normal(-1, 0.7)), MultivariateNormal.KullbackLeibler(p, q), 1e-14);
        Assert.Equal(ClosedFormEntropy.Of(new Normal(0.3, 1.5)), p.Entropy, 1e-14);
        Assert.Equal(new Normal(0.3, 1.5).DensityLn(1.1), p.LogDensity([1.1]), 1e-14);
    }

    [Fact]
    public void Multivariate_closed_form_agrees_with_Monte_Carlo_within_four_standard_errors()
    {
        double exact = MultivariateNormal.KullbackLeibler(P3, Q3);
        var mc = MonteCarloDivergence.KullbackLeibler(P3, Q3, 200_000, seed: 11);
        Assert.True(Math.Abs(mc.Value - exact) < 4 * mc.StandardError, $"exact {exact}, MC {mc.Value} ± {mc.StandardError}");
        Assert.Equal(0.0, MultivariateNormal.KullbackLeibler(P3, P3), 1e-14);
    }

    [Fact]
    public void Univariate_Monte_Carlo_is_reproducible_and_close()
    {
        var a = MonteCarloDivergence.KullbackLeibler(new Normal(0, 1), new Laplace(0, 1), 100_000, seed: 3);
        var b = MonteCarloDivergence.KullbackLeibler(new Normal(0, 1), new Laplace(0, 1), 100_000, seed: 3);
        Assert.Equal(a, b);
        double exact = NumericalDivergence.KullbackLeibler(new Normal(0, 1), new Laplace(0, 1)).Value;
        Assert.True(Math.Abs(a.Value - exact) < 4 * a.StandardError);
        Assert.Equal(double.PositiveInfinity, MonteCarloDivergence.KullbackLeibler(new Normal(0, 1), new Exponential(1), 1000, 1).Value);
    }

    [Fact]
    public void Invalid_multivariate_normals_are_refused()
    {
        Assert.Contains("not positive definite", Assert.Throws<InvalidArgumentException>(() => MultivariateNormal.Of([0, 0], new double[,] { { 1, 1 }, { 1, 1 } })).Message);
        Assert.Contains("not symmetric", Assert.Throws<InvalidArgumentException>(() => MultivariateNormal.Of([0, 0], new double[,] { { 1, 0.5 }, { 0, 1 } })).Message);
        Assert.Contains("2×2 but the mean has 3", Assert.Throws<InvalidArgumentException>(() => MultivariateNormal.Of([0, 0, 0], new double[,] { { 1, 0 }, { 0, 1 } })).Message);
        Assert.Contains("dimensions", Assert.Throws<InvalidArgumentException>(() => MultivariateNormal.KullbackLeibler(P3, MultivariateNormal.Of([0], new double[,] { { 1 } }))).Message);
    }

    /// <summary>ψ′(k) for a whole k ≥ 1: π²/6 − Σ_{j&lt;k} 1/j².</summary>
    private static double TriGamma(int k) => Math.PI * Math.PI / 6 - Enumerable.Range(1, k - 1).Sum(j => 1.0 / ((double)j * j));

    private static List<double[]> Draw(MultivariateNormal d, int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => d.Sample(rng)).ToList();
    }

    [Fact]
    public void The_nearest_neighbour_divergence_converges_to_the_closed_form()
    {
        const int n = 20_000, k = 5;
        double exact = MultivariateNormal.KullbackLeibler(P3, Q3);
        double estimate = NearestNeighbourEstimators.KullbackLeibler(Draw(P3, n, 1), Draw(Q3, n, 2), k);
        // Standard deviation ≈ √((Var_P[ln p/q] + 2ψ′(k))/n): the log-ratio's own spread plus that of ln ρ and ln ν (each ψ′(k)).
        var mc = MonteCarloDivergence.KullbackLeibler(P3, Q3, 100_000, seed: 9);
        double varianceOfLogRatio = mc.StandardError * mc.StandardError * mc.Samples;
        double sd = Math.Sqrt((varianceOfLogRatio + 2 * TriGamma(k)) / n);
        Assert.True(Math.Abs(estimate - exact) < 5 * sd + 0.01, $"exact {exact:F4}, k-NN {estimate:F4}, sd {sd:F4}");
    }

    [Fact]
    public void The_Kozachenko_Leonenko_entropy_converges_to_the_closed_form()
    {
        const int n = 20_000, k = 4;
        double exact = P3.Entropy;
        double estimate = NearestNeighbourEstimators.Entropy(Draw(P3, n, 4), k);
        // Var[−ln p(X)] = d/2 for a normal; ln ρ adds ψ′(k).
        double sd = Math.Sqrt((3 / 2.0 + TriGamma(k)) / n);
        Assert.True(Math.Abs(estimate - exact) < 5 * sd + 0.01, $"exact {exact:F4}, k-NN {estimate:F4}, sd {sd:F4}");
    }

    [Fact]
    public void Duplicate_points_give_finite_estimates_not_NaN()
    {
        var rng = new Random(8);
        // Rounded draws: many exact duplicates.
        var x = Enumerable.Range(0, 3000).Select(_ => new[] { Math.Round(Normal.Sample(rng, 0, 1), 1) }).ToList();
        var y = Enumerable.Range(0, 3000).Select(_ => new[] { Math.Round(Normal.Sample(rng, 0.5, 1.2), 1) }).ToList();
        double kl = NearestNeighbourEstimators.KullbackLeibler(x, y, 3);
        double h = NearestNeighbourEstimators.Entropy(x, 3);
        Assert.True(double.IsFinite(kl) && double.IsFinite(h), $"kl {kl}, h {h}");
        Assert.InRange(kl, 0.0, 1.0);   // the exact D between the unrounded normals is 0.10
    }

    [Fact]
    public void Bad_samples_are_refused_with_a_reason()
    {
        var same = Enumerable.Repeat(new[] { 1.0, 2.0 }, 10).ToList();
        Assert.Contains("coincides", Assert.Throws<InvalidArgumentException>(() => NearestNeighbourEstimators.Entropy(same, 2)).Message);
        Assert.Contains("at least 3", Assert.Throws<InvalidArgumentException>(() => NearestNeighbourEstimators.Entropy([[1.0], [2.0]], 2)).Message);
        Assert.Contains("must match", Assert.Throws<InvalidArgumentException>(() =>
            NearestNeighbourEstimators.KullbackLeibler([[1.0], [2.0], [3.0]], [[1.0, 2.0], [2.0, 1.0]], 1)).Message);
        Assert.Contains("non-finite", Assert.Throws<InvalidArgumentException>(() => NearestNeighbourEstimators.Entropy([[1.0], [double.NaN], [3.0]], 1)).Message);
    }
}
