using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback.Tests;

/// <summary>
/// The vectorised per-outcome KL terms against the outcome-by-outcome path, term by term: every length 0–256 (every
/// tail), each width forced, zeros in p, in q and in both, subnormal entries, near-identical vectors.
/// </summary>
public class ContributionsKernelTests
{
    public static TheoryData<string> Widths() => new() { nameof(VectorWidth.Bits512), nameof(VectorWidth.Bits256), nameof(VectorWidth.Bits128), nameof(VectorWidth.Scalar) };

    private static void AssertTermsAgree(double[] p, double[] q, VectorWidth width, string what)
    {
        var c = new ExactPair(p, q);
        Assert.False(c.HasDeep);
        var vector = new double[p.Length];
        var scalar = new double[p.Length];
        ContributionsKernel.Run(c, vector, width);
        Measures.ContributionsNats(c, scalar);
        for (int i = 0; i < p.Length; i++)
            FastKernelTests.AssertAgrees(scalar[i], vector[i], $"{what}, term {i}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_length_tail_and_zero_agrees_term_by_term(string width)
    {
        var w = Enum.Parse<VectorWidth>(width);
        var rng = new Random(4);
        for (int n = 1; n <= 256; n++)
        {
            var (p, q) = FastKernelTests.RandomPair(n, seed: n);
            p = p.Select(x => x * 1e-300).ToArray();   // weights near the bottom of the normal range, scaled exactly
            if (n > 4) q[rng.Next(n)] = 0;             // p > 0 = q somewhere (+∞), unless p is 0 there too
            if (n > 6) p[rng.Next(n)] = 1e-310;        // a subnormal weight, not deep (10⁻¹⁰ of the largest)
            if (!p.Any(x => x > 0) || !q.Any(x => x > 0)) continue;
            AssertTermsAgree(p, q, w, $"n={n}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Near_identical_terms_keep_their_digits(string width)
    {
        var w = Enum.Parse<VectorWidth>(width);
        var rng = new Random(8);
        foreach (double eps in new[] { 1e-3, 1e-9, 1e-14 })
            for (int n = 1; n <= 100; n += 3)
            {
                var p = Enumerable.Range(0, n).Select(_ => rng.NextDouble() + 1e-3).ToArray();
                var q = p.Select(x => x * (1 + eps * (2 * rng.NextDouble() - 1))).ToArray();
                AssertTermsAgree(p, q, w, $"eps={eps} n={n}");
            }
    }

    [Fact]
    public void The_terms_sum_to_the_divergence()
    {
        foreach (var c in ReferenceCase.All)
        {
            double expected = c.ExpectedValue("kl_pq");
            if (double.IsInfinity(expected) || expected < 1e-10) continue;   // below that the terms' own rounding dominates
            var terms = new double[c.P.Length];
            Measures.KullbackLeiblerContributions(c.P, c.Q, terms);
            var sum = new NeumaierSum();
            foreach (double t in terms) sum.Add(t);
            Assert.True(Math.Abs(sum.Total - expected) <= 1e-12 * expected + 1e-15 * terms.Sum(Math.Abs), $"{c.Name}: {sum.Total:R} against {expected:R}");
        }
    }
}
