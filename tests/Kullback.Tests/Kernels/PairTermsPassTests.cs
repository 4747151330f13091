using CsCheck;
using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback.Tests;

/// <summary>
/// The fast exact paths of issue 17's sums over outcomes (<see cref="PairScaling.TryFast"/> with <see cref="PairTermsPass"/>,
/// <see cref="ExtropyKernel"/>) against the outcome-by-outcome reference (<c>Measures.PairTermSumAtLevels</c>, the scalar
/// exact extropy), for random inputs of every length 0–70 (every tail and mask at every width), every vector width the
/// kernels have, on one thread and with the parallel split forced. Every term is ≥ 0, so the sums must agree to the pass's
/// documented bound, (chain + 8)·u relative with chain = 21: 1e-14 here; +∞ exactly where the reference has it.
/// </summary>
public class PairTermsPassTests
{
    private const double Bound = 1e-14;

    private static readonly VectorWidth[] Widths = [VectorWidth.Bits512, VectorWidth.Bits256, VectorWidth.Bits128, VectorWidth.Scalar];

    /// <summary>Every width, serial, and with a parallel split into chunks of 128 (the block size).</summary>
    private static IEnumerable<KernelSettings> Settings() =>
        Widths.SelectMany(w => new[] { new KernelSettings(w, 1, int.MaxValue), new KernelSettings(w, 2, 256) });

    /// <summary>
    /// Lengths 0–70 with entries of three kinds: uniform in (0, 1], exact zeros (in either vector or both), and values
    /// spread over 60 decades; and, one time in four, q a copy of p perturbed by 10⁻⁹ (the exact-difference regime).
    /// </summary>
    private static readonly Gen<(double[] P, double[] Q)> Pairs =
        Gen.Int[0, 70].SelectMany(n => Gen.Select(Entries(n), Entries(n), Gen.Int[0, 3], Gen.Double[-1, 1].Array[n]))
            .Select((p, q, kind, noise) => kind == 0 ? (p, p.Select((x, i) => x * (1 + 1e-9 * noise[i])).ToArray()) : (p, q));

    private static Gen<double[]> Entries(int n) =>
        Gen.Frequency((6, Gen.Double[1e-9, 1.0]), (2, Gen.Const(0.0)), (1, Gen.Double[-60, 0].Select(e => Math.Pow(10, e)))).Array[n];

    private static void Agrees<TTerms>(string name) where TTerms : struct, IPairTerms =>
        Pairs.Sample(pq =>
        {
            var (p, q) = pq;
            if (p.Length == 0)
            {
                Assert.False(PairScaling.TryFast(p, q, KernelSettings.Default, out _), "an empty pair is the checked path's to refuse");
                return;
            }
            bool valid = p.Any(x => x > 0) && q.Any(x => x > 0);
            foreach (var settings in Settings())
            {
                bool fast = PairScaling.TryFast(p, q, settings, out var scaling);
                if (!valid) Assert.False(fast, "an all-zero vector must go to the checks");
                if (!fast) continue;
                var s = PairTermsPass.Run<TTerms>(scaling, p, q, settings);
                double vector = s.InfiniteA ? double.PositiveInfinity : Math.Max(0.0, s.A.Total);
                double reference = Measures.PairTermSumAtLevels<TTerms>(p, q);
                if (double.IsPositiveInfinity(reference) || reference == 0) Assert.Equal(reference, vector);
                else Assert.True(Math.Abs(vector - reference) <= Bound * reference, $"{name} {settings}: {vector:R} against {reference:R}");
            }
        }, iter: 300);

    [Fact] public void Triangular_terms_agree_with_the_reference() => Agrees<TriangularTerms>("triangular");

    [Fact] public void Clark_terms_agree_with_the_reference() => Agrees<ClarkTerms>("clark");

    [Fact] public void K_divergence_terms_agree_with_the_reference() => Agrees<KDivergenceTerms>("k-divergence");

    [Fact] public void Taneja_terms_agree_with_the_reference() => Agrees<TanejaTerms>("taneja");

    [Fact] public void Kumar_Johnson_terms_agree_with_the_reference() => Agrees<KumarJohnsonTerms>("kumar-johnson");

    [Fact]
    public void The_fast_scaling_is_the_exact_pairs() =>
        Pairs.Where(pq => pq.P.Any(x => x > 0) && pq.Q.Any(x => x > 0)).Sample(pq =>
        {
            var (p, q) = pq;
            var c = new ExactPair(p, q);
            foreach (var settings in Settings())
            {
                if (!PairScaling.TryFast(p, q, settings, out var fast))
                {
                    Assert.True(c.HasDeep, "only deep entries (or invalid input) send a valid pair to the checked path");
                    continue;
                }
                Assert.False(c.HasDeep);
                Assert.Equal(c.Sp.Factor * c.Sp.Factor2, fast.P1 * fast.P2);
                Assert.Equal(c.Sq.Factor * c.Sq.Factor2, fast.Q1 * fast.Q2);
                // The same 106-bit sums (a different order of addition: within n·u² of each other).
                Assert.True(Math.Abs((fast.Sp - c.Sp.Total).Value) <= 1e-28 * c.Sp.Hi, $"{fast.Sp} against {c.Sp.Total}");
                Assert.True(Math.Abs((fast.Sq - c.Sq.Total).Value) <= 1e-28 * c.Sq.Hi, $"{fast.Sq} against {c.Sq.Total}");
                Assert.Equal(c.LogScale, fast.LogScale, 1e-15 * Math.Max(1, Math.Abs(c.LogScale)));
            }
        }, iter: 300);

    [Fact]
    public void Invalid_input_is_left_to_the_checks()
    {
        double[] good = [0.5, 0.25, 0.25];
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, -1e-300, -1.0 })
        foreach (var settings in Settings())
        {
            Assert.False(PairScaling.TryFast([0.5, bad, 0.25], good, settings, out _));
            Assert.False(PairScaling.TryFast(good, [0.5, 0.25, bad], settings, out _));
            Assert.False(ExtropyKernel.TryNats([0.2, bad, 0.25, 0.3], settings, out _));
        }
        Assert.False(PairScaling.TryFast(good, [0.5, 0.5], KernelSettings.Default, out _));
        Assert.False(PairScaling.TryFast([0.0, 0.0, 0.0], good, KernelSettings.Default, out _));
    }

    [Fact]
    public void Fast_extropy_agrees_with_the_exact_algorithm() =>
        Gen.Int[1, 70].SelectMany(Entries).Where(p => p.Any(x => x > 0)).Sample(p =>
        {
            double reference = Measures.ExtropyNats(p);
            double largest = p.Max() / p.Sum();
            foreach (var settings in Settings())
            {
                bool fast = ExtropyKernel.TryNats(p, settings, out double nats);
                if (largest < 0.49) Assert.True(fast, "no dominant entry and no deep one: the fast pass answers");
                if (!fast) continue;
                Assert.True(largest < 0.5, "a dominant entry must take the exact path");
                if (reference == 0) Assert.Equal(0.0, nats);
                else Assert.True(Math.Abs(nats - reference) <= Bound * reference, $"{settings}: {nats:R} against {reference:R}");
            }
        }, iter: 300);

    [Fact]
    public void Fast_average_of_L1_and_Linf_agrees_with_its_parts() =>
        Pairs.Where(pq => pq.P.Any(x => x > 0) && pq.Q.Any(x => x > 0)).Sample(pq =>
        {
            var (p, q) = pq;
            var c = new ExactPair(p, q);
            if (c.HasDeep) return;
            double largest = 0;
            for (int i = 0; i < p.Length; i++) largest = Math.Max(largest, Math.Abs(c.NormalizedDifference(c.Entry(i).D)));
            double reference = Measures.TotalVariationExact(p, q) + 0.5 * largest;
            double value = Measures.AverageL1LInf(p, q);
            if (reference == 0) Assert.Equal(0.0, value);
            else Assert.True(Math.Abs(value - reference) <= Bound * reference, $"{value:R} against {reference:R}");
        }, iter: 300);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-300)]
    [InlineData(-1e-17)]
    [InlineData(0.03125)]
    [InlineData(-0.03125)]
    [InlineData(0.031249999999999997)]
    [InlineData(-0.4999999999999999)]
    [InlineData(1e6)]
    public void Vector_log1p_at_its_cut_over_and_edges(double y) => LogOnePlusAgrees(y);

    [Fact]
    public void Vector_log1p_is_within_a_few_ulps_of_the_scalar_one() =>
        Gen.Frequency((1, Gen.Double[-0.5, 0.5]), (1, Gen.Double[-0.04, 0.04]), (1, Gen.Double[-30, 3].Select(e => Math.Pow(10, e))), (1, Gen.Double[-30, -0.31].Select(e => -Math.Pow(10, e))))
            .Sample(LogOnePlusAgrees, iter: 2000);

    /// <summary>Elementary.LogOnePlus is within 3 ulps of mpmath over 20,000 references; the vector form within 4 more, at every width.</summary>
    private static void LogOnePlusAgrees(double y)
    {
        double expected = Elementary.LogOnePlus(y);
        double tolerance = 8 * Math.BitIncrement(Math.Abs(expected)) - 8 * Math.Abs(expected);
        Assert.Equal(expected, VectorLogOnePlus.Of(new Simd1(y)).V, tolerance);
        var v512 = VectorLogOnePlus.Of(Simd512.Create(y));
        var v256 = VectorLogOnePlus.Of(Simd256.Create(y));
        var v128 = VectorLogOnePlus.Of(Simd128.Create(y));
        for (int lane = 0; lane < 8; lane++) Assert.Equal(expected, Simd512.Element(v512, lane), tolerance);
        for (int lane = 0; lane < 4; lane++) Assert.Equal(expected, Simd256.Element(v256, lane), tolerance);
        for (int lane = 0; lane < 2; lane++) Assert.Equal(expected, Simd128.Element(v128, lane), tolerance);
    }
}
