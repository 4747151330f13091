using CsCheck;
using Kullback.Kernels;

namespace Kullback.Tests;

/// <summary>
/// The one-pass triangular and Clark kernels (<see cref="TriangularKernel"/>, normalisation to first order with a bound)
/// and avg(L₁, L∞) from the total variation's pass (<see cref="TotalVariationKernel.TryAverageL1LInf"/>)
/// against the outcome-by-outcome exact terms, for random inputs of every length 0–70, normalised or not, near-identical
/// or with zeros, at every vector width, serial and split: when a kernel answers it is within 1e-12 (its accepted bound is
/// 2e-13) of the reference; it answers for normalised positive inputs; it declines invalid ones.
/// </summary>
public class TriangularKernelTests
{
    private const double Tolerance = 1e-12;

    private static readonly VectorWidth[] Widths = [VectorWidth.Bits512, VectorWidth.Bits256, VectorWidth.Bits128, VectorWidth.Scalar];

    private static IEnumerable<KernelSettings> Settings() =>
        Widths.SelectMany(w => new[] { new KernelSettings(w, 1, int.MaxValue), new KernelSettings(w, 2, 256) });

    /// <summary>Lengths 0–70; kinds: raw weights, normalised, q = p perturbed by 10⁻⁶ or 10⁻¹², counts (sums ≠ 1), zeros.</summary>
    private static readonly Gen<(double[] P, double[] Q)> Pairs =
        Gen.Int[0, 70].SelectMany(n => Gen.Select(Gen.Double[1e-9, 1.0].Array[n], Gen.Double[1e-9, 1.0].Array[n], Gen.Int[0, 5], Gen.Double[-1, 1].Array[n]))
            .Select((p, q, kind, noise) => kind switch
            {
                0 => (p, q),
                1 => (Normalised(p), Normalised(q)),
                2 => (Normalised(p), Normalised(p.Select((x, i) => x * (1 + 1e-6 * noise[i])).ToArray())),
                3 => (Normalised(p), Normalised(p.Select((x, i) => x * (1 + 1e-12 * noise[i])).ToArray())),
                4 => (p.Select(x => Math.Floor(x * 1000)).ToArray(), q.Select(x => Math.Floor(x * 30)).ToArray()),
                _ => (p.Select((x, i) => noise[i] > 0.5 ? 0 : x).ToArray(), q.Select((x, i) => noise[i] < -0.5 ? 0 : x).ToArray()),
            });

    private static double[] Normalised(double[] x)
    {
        double sum = x.Sum();
        return sum > 0 ? [.. x.Select(v => v / sum)] : x;
    }

    private delegate bool Kernel(ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings, out double value);

    private static void Agrees<TTerms>(Kernel kernel) where TTerms : struct, IPairTerms =>
        Pairs.Sample(pq =>
        {
            var (p, q) = pq;
            bool valid = p.Length > 0 && p.Any(x => x > 0) && q.Any(x => x > 0);
            double reference = valid ? Measures.PairTermSumAtLevels<TTerms>(p, q) : double.NaN;
            foreach (var settings in Settings())
            {
                bool fast = kernel(p, q, settings, out double value);
                if (!valid)
                {
                    Assert.False(fast, "empty or all-zero input must go to the checks");
                    continue;
                }
                if (!fast) continue;
                Assert.True(Math.Abs(value - reference) <= Tolerance * reference, $"{settings}: {value:R} against {reference:R}");
            }
        }, iter: 400);

    [Fact] public void Triangular_kernel_agrees_with_the_exact_terms() => Agrees<TriangularTerms>(TriangularKernel.TryTriangular);

    [Fact] public void Clark_kernel_agrees_with_the_exact_terms() => Agrees<ClarkTerms>(TriangularKernel.TryClarkSum);

    [Fact] public void K_divergence_kernel_agrees_with_the_exact_terms() => Agrees<KDivergenceTerms>(TriangularKernel.TryKDivergence);

    [Fact]
    public void Average_of_L1_and_Linf_kernel_agrees_with_the_exact_differences() =>
        Pairs.Sample(pq =>
        {
            var (p, q) = pq;
            bool valid = p.Length > 0 && p.Any(x => x > 0) && q.Any(x => x > 0);
            double reference = double.NaN;
            if (valid)
            {
                var c = new Kullback.Numerics.ExactPair(p, q);
                double largest = 0;
                for (int i = 0; i < p.Length; i++)
                    if (p[i] > 0 || q[i] > 0) largest = Math.Max(largest, Math.Abs(Math.ScaleB(c.NormalizedDifference(c.Entry(i).D), -c.Entry(i).Level)));
                reference = Measures.TotalVariationExact(p, q) + 0.5 * largest;
            }
            foreach (var settings in Settings())
            {
                bool fast = TotalVariationKernel.TryAverageL1LInf(p, q, settings, out double value);
                if (!valid)
                {
                    Assert.False(fast, "empty or all-zero input must go to the checks");
                    continue;
                }
                if (!fast) continue;
                Assert.True(Math.Abs(value - reference) <= Tolerance * reference, $"{settings}: {value:R} against {reference:R}");
            }
        }, iter: 400);

    [Fact]
    public void Normalised_positive_inputs_take_the_one_pass_path()
    {
        foreach (int n in new[] { 1, 7, 64, 1000, 100_000 })
        {
            var (p, q) = FastKernelTests.RandomPair(n, n, zeros: false);
            if (n == 1) continue;   // p̂ = q̂ = 1: an exact 0, which the exact path gives
            foreach (var settings in Settings())
            {
                Assert.True(TriangularKernel.TryTriangular(p, q, settings, out _), $"triangular, n = {n}, {settings}");
                Assert.True(TriangularKernel.TryClarkSum(p, q, settings, out _), $"clark, n = {n}, {settings}");
                Assert.True(TotalVariationKernel.TryAverageL1LInf(p, q, settings, out _), $"avg, n = {n}, {settings}");
                Assert.True(TriangularKernel.TryKDivergence(p, q, settings, out _), $"k-divergence, n = {n}, {settings}");
            }
        }
    }

    [Fact]
    public void Invalid_or_overflowing_input_is_left_to_the_exact_path()
    {
        double[] good = [0.5, 0.25, 0.25];
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, -1e-300, -1.0, double.MaxValue })
        foreach (var settings in Settings())
        {
            Assert.False(TriangularKernel.TryTriangular([0.5, bad, 0.25], good, settings, out _));
            Assert.False(TriangularKernel.TryClarkSum(good, [0.5, 0.25, bad], settings, out _));
            Assert.False(TotalVariationKernel.TryAverageL1LInf(good, [0.5, 0.25, bad], settings, out _));
            Assert.False(TriangularKernel.TryKDivergence([0.5, bad, 0.25], good, settings, out _));
        }
    }
}
