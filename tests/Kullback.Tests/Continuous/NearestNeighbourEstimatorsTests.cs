using System.Globalization;
using System.Text.Json;
using CsCheck;
using Kullback.Continuous;
using MathNet.Numerics;

namespace Kullback.Tests;

/// <summary>
/// The k-nearest-neighbour estimators against brute force (every k 1..8), a closed form for dice, scale invariance,
/// thread-count independence and their refusals.
/// </summary>
public class NearestNeighbourEstimatorsTests
{
    private const double Tolerance = 1e-13;

    [Theory]
    [MemberData(nameof(KdTreeTests.Sets), MemberType = typeof(KdTreeTests))]
    public void Both_estimators_match_brute_force_for_every_k(string set)
    {
        var (d, x) = KdTreeTests.Set(set, seed: 1);
        var (_, y) = KdTreeTests.Set(set, seed: 2);
        int e = KdTreeTests.ExponentOf(set);
        // Brute force on the points divided by 2^e (exact), where squares neither underflow nor overflow.
        double[] xr = x.Select(v => Math.ScaleB(v, -e)).ToArray(), yr = y.Select(v => Math.ScaleB(v, -e)).ToArray();
        var selfX = BruteForceNeighbours.Self(xr, d);
        var selfY = BruteForceNeighbours.Self(yr, d);
        var cross = BruteForceNeighbours.Cross(xr, yr, d);
        int n = x.Length / d, m = y.Length / d;
        for (int k = 1; k <= 8; k++)
        {
            double entropy = BruteForceNeighbours.Entropy(selfX, d, k) + d * e * Math.Log(2);
            double entropyY = BruteForceNeighbours.Entropy(selfY, d, k) + d * e * Math.Log(2);
            double divergence = Math.Max(0, BruteForceNeighbours.KullbackLeibler(selfX, cross, d, m, k));
            double entropyScale = BruteForceNeighbours.EntropyMagnitude(selfX, d, k) + Math.Abs(d * e * Math.Log(2));
            double divergenceScale = BruteForceNeighbours.KullbackLeiblerMagnitude(selfX, cross, d, m, k);

            Assert.True(Math.Abs(NearestNeighbourEstimators.Entropy(x, d, k) - entropy) <= Tolerance * entropyScale, $"{set}, k {k}: H {NearestNeighbourEstimators.Entropy(x, d, k):R}, brute force {entropy:R}");
            Assert.True(Math.Abs(NearestNeighbourEstimators.KullbackLeibler(x, y, d, k) - divergence) <= Tolerance * divergenceScale,
                $"{set}, k {k}: D {NearestNeighbourEstimators.KullbackLeibler(x, y, d, k):R}, brute force {divergence:R}");
            var all = NearestNeighbourEstimators.KullbackLeiblerAndEntropies(x, y, d, k);
            Assert.True(Math.Abs(all.KullbackLeibler - divergence) <= Tolerance * divergenceScale, $"{set}, k {k}: together D {all.KullbackLeibler:R}");
            Assert.True(Math.Abs(all.EntropyP - entropy) <= Tolerance * entropyScale, $"{set}, k {k}: together H(P) {all.EntropyP:R}");
            Assert.True(Math.Abs(all.EntropyQ - entropyY) <= Tolerance * (BruteForceNeighbours.EntropyMagnitude(selfY, d, k) + Math.Abs(d * e * Math.Log(2))),
                $"{set}, k {k}: together H(Q) {all.EntropyQ:R}, brute force {entropyY:R}");
            Assert.True(n > 0 && m > 0);
        }
    }

    /// <summary>Cases of tests/reference/make_nearest_neighbour_cases.py: scipy cKDTree or numpy brute-force distances, 60-digit mpmath sums.</summary>
    public static TheoryData<int> GoldenCases => new(Enumerable.Range(0, Golden.GetArrayLength()));

    private static readonly JsonElement Golden = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "nearest-neighbour-cases.json")))
        .RootElement.GetProperty("cases").Clone();

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void The_estimates_match_independent_60_digit_references(int index)
    {
        var c = Golden[index];
        double[] Points(string name) => c.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
        double Expected(string name) => double.Parse(c.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
        int d = c.GetProperty("dimensions").GetInt32(), k = c.GetProperty("k").GetInt32();
        var all = NearestNeighbourEstimators.KullbackLeiblerAndEntropies(Points("x"), Points("y"), d, k);
        string name = $"{c.GetProperty("name").GetString()}, k {k}";
        Assert.True(Math.Abs(all.KullbackLeibler - Expected("kl")) <= 1e-13 * Math.Max(1, Expected("kl")), $"{name}: D {all.KullbackLeibler:R}, reference {Expected("kl"):R}");
        Assert.True(Generators.Relative(all.EntropyP, Expected("entropy_p")) <= 1e-13, $"{name}: H(P) {all.EntropyP:R}, reference {Expected("entropy_p"):R}");
        Assert.True(Generators.Relative(all.EntropyQ, Expected("entropy_q")) <= 1e-13, $"{name}: H(Q) {all.EntropyQ:R}, reference {Expected("entropy_q"):R}");
    }

    /// <summary>Rolls of a die: (value, count) for each face.</summary>
    private static (double[] Rolls, int[] Counts) Dice(int n, int seed)
    {
        var rng = new Random(seed);
        var rolls = new double[n];
        var counts = new int[7];
        for (int i = 0; i < n; i++)
        {
            int face = rng.Next(1, 7);
            rolls[i] = face;
            counts[face]++;
        }
        return (rolls, counts);
    }

    [Fact]
    public void Ten_thousand_dice_rolls_against_ten_thousand_give_the_closed_form()
    {
        // Each roll's copies outnumber k, so kᵢ = cᵥ (its face's count) and ρᵢ = 1 (the next face); against y,
        // lᵢ = c′ᵥ + 1 and νᵢ = 1. Hence Ĥ = ψ(n) − (1/n)·Σᵥ cᵥ·ψ(cᵥ) + ln 2 and
        // D̂ = (1/n)·Σᵥ cᵥ·[ψ(cᵥ) − ψ(c′ᵥ + 1)] + ln(m/(n − 1)).
        const int n = 10_000, k = 5;
        var (x, cx) = Dice(n, 1);
        var (y, cy) = Dice(n, 2);
        double entropy = SpecialFunctions.DiGamma(n) + Math.Log(2);
        double divergence = Math.Log(n / (n - 1.0));
        for (int face = 1; face <= 6; face++)
        {
            entropy -= cx[face] * SpecialFunctions.DiGamma(cx[face]) / n;
            divergence += cx[face] * (SpecialFunctions.DiGamma(cx[face]) - SpecialFunctions.DiGamma(cy[face] + 1)) / n;
        }
        var all = NearestNeighbourEstimators.KullbackLeiblerAndEntropies(x, y, 1, k);
        Assert.Equal(entropy, all.EntropyP, Tolerance * 10);
        Assert.Equal(Math.Max(0, divergence), all.KullbackLeibler, Tolerance * 10);
        Assert.Equal(entropy, NearestNeighbourEstimators.Entropy(x, 1, k), Tolerance * 10);
    }

    [Fact]
    public void A_million_dice_rolls_in_two_dimensions_are_no_harder_than_a_few_points()
    {
        // 36 distinct points, 10⁶ copies: the tree holds 36 slots, so this takes milliseconds (no timing asserted).
        var rng = new Random(3);
        var x = Enumerable.Range(0, 2_000_000).Select(_ => (double)rng.Next(1, 7)).ToArray();
        var y = Enumerable.Range(0, 2_000_000).Select(_ => (double)rng.Next(1, 7)).ToArray();
        var all = NearestNeighbourEstimators.KullbackLeiblerAndEntropies(x, y, 2, 5);
        Assert.InRange(all.KullbackLeibler, 0, 1e-3);
        Assert.True(double.IsFinite(all.EntropyP) && double.IsFinite(all.EntropyQ));
    }

    /// <summary>Samples of 20–150 points in 1–4 dimensions, some with duplicates.</summary>
    private static readonly Gen<(int D, double[] X, double[] Y)> Samples =
        Gen.Select(Gen.Int[1, 4], Gen.Int[20, 150], Gen.Int[20, 150], Gen.Bool, Gen.Int)
            .Select((d, n, m, rounded, seed) =>
            {
                var rng = new Random(seed);
                double Next() => rounded ? Math.Round(rng.NextDouble() * 4, 1) : rng.NextDouble() * 4 - 1;
                return (d, Enumerable.Range(0, n * d).Select(_ => Next()).ToArray(), Enumerable.Range(0, m * d).Select(_ => Next()).ToArray());
            })
            .Where(s => s.Item2.Distinct().Count() > 1 && s.Item3.Distinct().Count() > 1);

    [Fact]
    public void Scaling_by_a_power_of_two_leaves_the_divergence_unchanged_and_shifts_each_entropy_by_d_ln_c()
    {
        Gen.Select(Samples, Gen.Int[-1000, 1000], Gen.Int[1, 6]).Sample((s, exponent, k) =>
        {
            var (d, x, y) = s;
            double[] sx = x.Select(v => Math.ScaleB(v, exponent)).ToArray(), sy = y.Select(v => Math.ScaleB(v, exponent)).ToArray();
            if (x.Length / d <= k || y.Length / d <= k) return;
            var plain = NearestNeighbourEstimators.KullbackLeiblerAndEntropies(x, y, d, k);
            var scaled = NearestNeighbourEstimators.KullbackLeiblerAndEntropies(sx, sy, d, k);
            Assert.Equal(plain.KullbackLeibler, scaled.KullbackLeibler);   // exactly: the same stored coordinates
            double shift = d * exponent * Math.Log(2);
            Assert.Equal(plain.EntropyP + shift, scaled.EntropyP, 1e-13 * (Math.Abs(plain.EntropyP) + Math.Abs(shift) + 1));
            Assert.Equal(plain.EntropyQ + shift, NearestNeighbourEstimators.Entropy(sy, d, k), 1e-13 * (Math.Abs(plain.EntropyQ) + Math.Abs(shift) + 1));
        }, iter: 150);
    }

    [Theory]
    [InlineData(1e-160)]
    [InlineData(1e150)]
    [InlineData(1e-300)]
    [InlineData(1e300)]
    public void Data_at_any_scale_give_the_same_divergence_and_shifted_entropies(double c)
    {
        var (d, x) = KdTreeTests.Set("uniform-3d", seed: 1);
        var (_, y) = KdTreeTests.Set("uniform-3d", seed: 2);
        double[] sx = x.Select(v => v * c).ToArray(), sy = y.Select(v => v * c).ToArray();
        var plain = NearestNeighbourEstimators.KullbackLeiblerAndEntropies(x, y, d, 4);
        var scaled = NearestNeighbourEstimators.KullbackLeiblerAndEntropies(sx, sy, d, 4);
        // Multiplying by c rounds each coordinate (c is no power of two): distances move by an ulp or so.
        Assert.Equal(plain.KullbackLeibler, scaled.KullbackLeibler, 1e-12);
        Assert.Equal(plain.EntropyP + d * Math.Log(c), scaled.EntropyP, 1e-12 * Math.Abs(d * Math.Log(c)));
        Assert.Equal(plain.EntropyQ + d * Math.Log(c), scaled.EntropyQ, 1e-12 * Math.Abs(d * Math.Log(c)));
    }

    [Fact]
    public void Subnormal_points_that_differ_are_not_said_to_coincide()
    {
        // {0, 1, 3, 7, …}·2^−1070 are subnormal and distinct: the estimate is that of the integers, shifted by d·ln 2^−1070.
        double[] integers = [0, 1, 3, 7, 12, 20, 33, 50, 51, 80];
        double[] tiny = integers.Select(v => Math.ScaleB(v, -1070)).ToArray();
        Assert.True(tiny.All(v => v == 0 || double.IsSubnormal(v)));
        Assert.Equal(NearestNeighbourEstimators.Entropy(integers, 1, 2) - 1070 * Math.Log(2), NearestNeighbourEstimators.Entropy(tiny, 1, 2), 1e-12);
        // Points 1e−200 apart beside points 1 apart: squares of their differences underflow at the data's scale.
        double[] mixed = [0, 1e-200, 3e-200, 1, 2, 4, 7];
        double expected = BruteForceLogEntropy1D(mixed, 1);
        Assert.Equal(expected, NearestNeighbourEstimators.Entropy(mixed, 1, 1), 1e-13 * 500);
    }

    /// <summary>Kozachenko–Leonenko in one dimension from |a − b| directly (no squares to underflow), for distinct points.</summary>
    private static double BruteForceLogEntropy1D(double[] x, int k)
    {
        int n = x.Length;
        double logs = x.Select((v, i) => Math.Log(x.Where((_, j) => j != i).Select(w => Math.Abs(w - v)).Order().ElementAt(k - 1))).Sum();
        return SpecialFunctions.DiGamma(n) - SpecialFunctions.DiGamma(k) + Math.Log(2) + logs / n;
    }

    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var rng = new Random(6);
        var x = Enumerable.Range(0, 30_000 * 3).Select(_ => Math.Round(rng.NextDouble() * 10, 2)).ToArray();
        var y = Enumerable.Range(0, 25_000 * 3).Select(_ => rng.NextDouble() * 10).ToArray();
        var one = NearestNeighbourEstimators.KullbackLeiblerAndEntropies(x, y, 3, 5, maxDegreeOfParallelism: 1);
        foreach (int threads in new[] { 2, 3, -1 })
        {
            Assert.Equal(one, NearestNeighbourEstimators.KullbackLeiblerAndEntropies(x, y, 3, 5, threads));
            Assert.Equal(one.KullbackLeibler, NearestNeighbourEstimators.KullbackLeibler(x, y, 3, 5, threads));
            Assert.Equal(one.EntropyQ, NearestNeighbourEstimators.Entropy(y, 3, 5, threads));
        }
    }

    [Fact]
    public void The_list_overloads_give_the_flat_results()
    {
        var (d, x) = KdTreeTests.Set("rounded-2d", seed: 1);
        var (_, y) = KdTreeTests.Set("rounded-2d", seed: 2);
        List<double[]> Rows(double[] flat) => Enumerable.Range(0, flat.Length / d).Select(i => flat[(i * d)..((i + 1) * d)]).ToList();
        Assert.Equal(NearestNeighbourEstimators.KullbackLeibler(x, y, d, 3), NearestNeighbourEstimators.KullbackLeibler(Rows(x), Rows(y), 3));
        Assert.Equal(NearestNeighbourEstimators.Entropy(x, d, 3), NearestNeighbourEstimators.Entropy(Rows(x), 3));
        Assert.Equal(NearestNeighbourEstimators.KullbackLeiblerAndEntropies(x, y, d, 3), NearestNeighbourEstimators.KullbackLeiblerAndEntropies(Rows(x), Rows(y), 3));
    }

    private static string Reason(Action call) => Assert.Throws<InvalidArgumentException>(call).Reason;

    [Fact]
    public void Bad_arguments_are_refused_with_the_right_reason()
    {
        double[] line = [1, 2, 3, 4, 5, 6];
        Assert.Contains("at least 1", Reason(() => NearestNeighbourEstimators.Entropy(line, 1, 0)));
        Assert.Contains("at least one coordinate", Reason(() => NearestNeighbourEstimators.Entropy(line, 0, 1)));
        Assert.Contains("not a whole number of points of 4", Reason(() => NearestNeighbourEstimators.Entropy(line, 4, 1)));
        Assert.Contains("has 2 points; at least 3", Reason(() => NearestNeighbourEstimators.Entropy(line, 3, 2)));
        Assert.Contains("y has 1 points; at least 2", Reason(() => NearestNeighbourEstimators.KullbackLeibler(line, [1.0, 2.0], 2, 2)));
        Assert.Contains("x[2] has a non-finite coordinate (NaN at position 1)", Reason(() => NearestNeighbourEstimators.Entropy([1, 2, 3, 4, 5, double.NaN], 2, 1)));
        Assert.Contains("non-finite coordinate (Infinity", Reason(() => NearestNeighbourEstimators.KullbackLeibler(line, [1.0, double.PositiveInfinity], 1, 1)));
        Assert.Contains("x has 1 dimensions but y has 2", Reason(() => NearestNeighbourEstimators.KullbackLeibler([[1.0], [2.0], [3.0]], [[1.0, 2.0], [2.0, 1.0]], 1)));
        Assert.Contains("x[1] has 1 coordinates but x[0] has 2", Reason(() => NearestNeighbourEstimators.Entropy([[1.0, 2.0], [3.0], [4.0, 5.0]], 1)));
    }

    [Fact]
    public void Only_points_that_truly_coincide_are_said_to_coincide()
    {
        var same = Enumerable.Repeat(new[] { 1.0, 2.0 }, 10).ToList();
        Assert.Equal("Every point of x coincides with (1, 2): with no positive distance between them the density cannot be estimated.", Reason(() => NearestNeighbourEstimators.Entropy(same, 2)));
        // Every y is one point, and it is x[3]: that x has no y at a positive distance.
        double[] x = [0, 1, 2, 5, 9];
        Assert.Equal("Every point of y coincides with x[3] = (5): no y lies at a positive distance from it, so q cannot be estimated there.",
            Reason(() => NearestNeighbourEstimators.KullbackLeibler(x, [5.0, 5.0, 5.0], 1, 2)));
        // Every y is one point that no x is: the divergence exists; y's own entropy does not.
        Assert.True(double.IsFinite(NearestNeighbourEstimators.KullbackLeibler(x, [6.0, 6.0, 6.0], 1, 2)));
        Assert.Contains("Every point of y coincides with (6)", Reason(() => NearestNeighbourEstimators.KullbackLeiblerAndEntropies(x, [6.0, 6.0, 6.0], 1, 2)));
        // Points 1e−170 apart at 1e−160 do not coincide (their squared distances underflowed before).
        double[] close = [1e-160, 1e-160 + 1e-170, 1e-160 + 3e-170, 1e-160 + 7e-170];
        Assert.True(double.IsFinite(NearestNeighbourEstimators.Entropy(close, 1, 1)));
        // Many copies of one point and one other point: positive distances exist for every point.
        double[] almost = [.. Enumerable.Repeat(3.0, 50), 4.0];
        Assert.True(double.IsFinite(NearestNeighbourEstimators.Entropy(almost, 1, 5)));
    }
}
