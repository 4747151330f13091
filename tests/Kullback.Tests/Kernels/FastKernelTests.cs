using Kullback.Kernels;

namespace Kullback.Tests;

/// <summary>
/// The generic kernel harness: every fast pass (<see cref="KernelMeasures"/>) against its exact scalar path, at every
/// length from 0 to 256 (every tail length at every width), with each vector width forced, with special values
/// (NaN, ±∞, negatives, subnormals, zeros, huge weights) injected at seeded random positions, with float inputs and
/// with the parallel split forced. A fast pass may decline (then the exact path answers); when it answers, it must agree
/// with the exact path to 1e-12 relative, exactly where that gives 0 or +∞, and it must decline invalid input.
/// </summary>
public class FastKernelTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<string> Measures() => KernelMeasures.Names();

    public static TheoryData<string, string> MeasuresAndWidths()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in KernelMeasures.All)
            foreach (var width in new[] { nameof(VectorWidth.Bits512), nameof(VectorWidth.Bits256), nameof(VectorWidth.Bits128), nameof(VectorWidth.Scalar) })
                data.Add(c.Name, width);
        return data;
    }

    private static KernelSettings Serial(string width) => new(Enum.Parse<VectorWidth>(width), 1, int.MaxValue);

    internal static (double[] P, double[] Q) RandomPair(int n, int seed, bool zeros = true)
    {
        var rng = new Random(seed);
        double[] p = new double[n], q = new double[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = rng.NextDouble() + 1e-3;
            q[i] = rng.NextDouble() + 1e-3;
        }
        if (zeros && n > 2)
        {
            p[rng.Next(n)] = 0;   // 0·log 0 in p; q keeps mass there
            int j = rng.Next(n);
            p[j] = 0;
            q[j] = 0;             // a shared zero
        }
        return (p, q);
    }

    internal static void AssertAgrees(double exact, double fast, string what)
    {
        if (exact == 0 || double.IsInfinity(exact) || double.IsNaN(exact))
        {
            Assert.True(exact.Equals(fast), $"{what}: exact {exact:R}, fast {fast:R}");
            return;
        }
        double error = Math.Abs(fast - exact), relative = error / Math.Abs(exact);
        Assert.True(relative <= Tolerance || (Math.Abs(exact) < 2.2250738585072014E-308 && error <= 4e-323),
            $"{what}: exact {exact:R}, fast {fast:R} (relative {relative:E2})");
    }

    [Theory]
    [MemberData(nameof(MeasuresAndWidths))]
    public void Every_length_and_tail_agrees_with_the_exact_path(string measure, string width)
    {
        var c = KernelMeasures.Named(measure);
        var settings = Serial(width);
        Assert.False(c.FastDouble([], [], settings).Accepted, "an empty input must go to the checks");
        int accepted = 0;
        for (int n = 1; n <= 256; n++)
        {
            var (p, q) = RandomPair(n, seed: n);
            var (ok, value) = c.FastDouble(p, q, settings);
            if (!ok) continue;
            accepted++;
            AssertAgrees(c.Exact(p, q), value, $"{measure} n={n}");
        }
        // The bound must let typical inputs through, or the fast path would never run.
        Assert.True(accepted >= 240, $"{measure}: only {accepted} of 256 lengths took the fast path");
    }

    [Theory]
    [MemberData(nameof(MeasuresAndWidths))]
    public void Special_values_at_random_positions_are_declined_or_measured_exactly(string measure, string width)
    {
        var c = KernelMeasures.Named(measure);
        var settings = Serial(width);
        var rng = new Random(measure.Length * 31 + width.Length);
        double[] invalid = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1.0, -5e-324];
        double[] valid = [0.0, -0.0, 5e-324, 1e-310, 2.2250738585072014E-308, 1e-300, 1e300, 1.7976931348623157e308];
        for (int trial = 0; trial < 400; trial++)
        {
            int n = 1 + rng.Next(80);
            var (p, q) = RandomPair(n, seed: 1000 + trial, zeros: trial % 3 == 0);
            bool inP = !KernelMeasures.ReadsQ(measure) || rng.Next(2) == 0;
            double[] target = inP ? p : q;
            int count = 1 + rng.Next(3);
            bool isInvalid = c.Validates && rng.Next(3) == 0;
            for (int k = 0; k < count; k++)
                target[rng.Next(n)] = isInvalid ? invalid[rng.Next(invalid.Length)] : valid[rng.Next(valid.Length)];
            var (ok, value) = c.FastDouble(p, q, settings);
            string what = $"{measure} n={n} trial={trial} {(inP ? "p" : "q")}=[{string.Join(", ", target.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]";
            if (isInvalid)
            {
                Assert.False(ok, $"{what}: invalid input was not caught");
                continue;
            }
            if (!ok || !p.Any(x => x > 0) || (KernelMeasures.ReadsQ(measure) && !q.Any(x => x > 0))) continue;
            AssertAgrees(c.Exact(p, q), value, what);
        }
    }

    [Theory]
    [MemberData(nameof(MeasuresAndWidths))]
    public void Float_inputs_are_measured_exactly_as_their_double_values(string measure, string width)
    {
        var c = KernelMeasures.Named(measure);
        var settings = Serial(width);
        int accepted = 0;
        for (int n = 1; n <= 70; n++)
        {
            var (pd, qd) = RandomPair(n, seed: 2000 + n);
            float[] p = pd.Select(x => (float)x).ToArray(), q = qd.Select(x => (float)x).ToArray();
            var (ok, value) = c.FastFloat(p, q, settings);
            if (!ok) continue;
            accepted++;
            AssertAgrees(c.Exact(KernelMeasures.Widen(p), KernelMeasures.Widen(q)), value, $"float {measure} n={n}");
        }
        Assert.True(accepted >= 60, $"{measure}: only {accepted} of 70 float lengths took the fast path");
    }

    [Theory]
    [MemberData(nameof(Measures))]
    public void A_parallel_split_gives_the_same_answer(string measure)
    {
        var c = KernelMeasures.Named(measure);
        var (p, q) = RandomPair(100_003, seed: 7);
        var serial = c.FastDouble(p, q, new KernelSettings(VectorWidth.Best, 1, int.MaxValue));
        var split = c.FastDouble(p, q, new KernelSettings(VectorWidth.Best, 2, 1024));
        Assert.True(serial.Accepted && split.Accepted, $"{measure}: serial {serial.Accepted}, split {split.Accepted}");
        AssertAgrees(serial.Value, split.Value, $"{measure} split vs serial");
        AssertAgrees(c.Exact(p, q), split.Value, $"{measure} split vs exact");
        var floats = c.FastFloat(p.Select(x => (float)x).ToArray(), q.Select(x => (float)x).ToArray(), new KernelSettings(VectorWidth.Best, 2, 1024));
        Assert.True(floats.Accepted, $"{measure}: the float split declined");
        AssertAgrees(c.Exact(KernelMeasures.Widen(p.Select(x => (float)x).ToArray()), KernelMeasures.Widen(q.Select(x => (float)x).ToArray())),
            floats.Value, $"{measure} float split vs exact");
    }

    [Theory]
    [MemberData(nameof(Measures))]
    public void Near_identical_inputs_are_declined_or_measured_exactly(string measure)
    {
        var c = KernelMeasures.Named(measure);
        var rng = new Random(12);
        foreach (double eps in new[] { 1e-2, 1e-4, 1e-7, 1e-10, 1e-13 })
            for (int n = 1; n <= 200; n += 7)
            {
                var p = Enumerable.Range(0, n).Select(_ => rng.NextDouble() + 1e-3).ToArray();
                var q = p.Select(x => x * (1 + eps * (2 * rng.NextDouble() - 1))).ToArray();
                var (ok, value) = c.FastDouble(p, q, KernelSettings.Default);
                if (ok) AssertAgrees(c.Exact(p, q), value, $"{measure} eps={eps} n={n}");
            }
    }

    [Theory]
    [MemberData(nameof(MeasuresAndWidths))]
    public void Values_in_a_partial_last_vector_are_seen(string measure, string width)
    {
        // The last partial vector is read through a zero-padded buffer: what sits in its real lanes must still count
        // (each tail length, the value in the last lane and in the first lane of the tail).
        var c = KernelMeasures.Named(measure);
        var settings = Serial(width);
        for (int n = 17; n <= 31; n++)
            foreach (int at in new[] { n - 1, (n - 1) / 8 * 8 })
            {
                foreach (double special in c.Validates ? new[] { double.NaN, double.PositiveInfinity, -1.0 } : [])
                {
                    var (p, q) = RandomPair(n, seed: n, zeros: false);
                    (KernelMeasures.ReadsQ(measure) && at % 2 == 0 ? q : p)[at] = special;
                    Assert.False(c.FastDouble(p, q, settings).Accepted, $"{measure}: {special} at {at} of {n}");
                }
                var (a, b) = RandomPair(n, seed: n, zeros: false);
                (KernelMeasures.ReadsQ(measure) ? b : a)[at] = 0;
                var (ok, value) = c.FastDouble(a, b, settings);
                if (ok) AssertAgrees(c.Exact(a, b), value, $"{measure} with a zero at {at} of {n}");
            }
    }

    [Fact]
    public void The_bound_refuses_near_identical_inputs_and_the_exact_path_answers()
    {
        var c = ReferenceCase.Named("near-identical-1e-09");
        Assert.False(KullbackLeiblerKernel.TryForward<double>(c.P, c.Q, KernelSettings.Default, out _));
        GoldenValueTests.AssertClose(c.ExpectedValue("kl_pq"), Kullback.Measures.KullbackLeibler(c.P, c.Q), "kl_pq");
    }

    [Fact]
    public void A_subnormal_entry_is_measured_exactly_by_every_public_measure()
    {
        foreach (double tiny in new[] { 5e-324, 1e-310, 2e-308 })
            for (int trial = 0; trial < 10; trial++)
            {
                var (p, q) = RandomPair(33 + trial, seed: trial, zeros: false);
                p[trial] = tiny;
                q[32 - trial] = tiny;
                foreach (var (key, measure) in GoldenValueTests.MeasuresByKey)
                {
                    double value = measure(p, q);
                    double reference = ExactReference(key, p, q);
                    AssertAgrees(reference, value, $"{key} with {tiny:R} (trial {trial})");
                }
            }
    }

    [Fact]
    public void The_degree_of_parallelism_changes_nothing_but_speed()
    {
        var (p, q) = RandomPair(300_000, seed: 9);
        foreach (var (key, measure) in ParallelMeasures())
        {
            double one = measure(p, q, 1), all = measure(p, q, -1);
            AssertAgrees(one, all, $"{key}: one core vs all");
        }
    }

    /// <summary>The exact scalar path behind each reference key.</summary>
    internal static double ExactReference(string key, double[] p, double[] q) => key switch
    {
        "entropy_p" => Kullback.Measures.EntropyNats(p),
        "entropy_q" => Kullback.Measures.EntropyNats(q),
        "cross_entropy_pq" => Kullback.Measures.CrossEntropyNats(p, q),
        "cross_entropy_qp" => Kullback.Measures.CrossEntropyNats(q, p),
        "kl_pq" => Kullback.Measures.KullbackLeiblerNats(p, q),
        "kl_qp" => Kullback.Measures.KullbackLeiblerNats(q, p),
        "jeffreys" => Kullback.Measures.KullbackLeiblerNats(p, q) + Kullback.Measures.KullbackLeiblerNats(q, p),
        "js_divergence" => Kullback.Measures.JensenShannonNats(p, q),
        "js_distance" => Math.Sqrt(Kullback.Measures.JensenShannonNats(p, q)),
        "hellinger" => Math.Sqrt(Kullback.Measures.HellingerSquared(p, q)),
        "total_variation" => Kullback.Measures.TotalVariationExact(p, q),
        "bhattacharyya" => Kullback.Measures.BhattacharyyaNats(p, q),
        "chi2_pearson" => Kullback.Measures.ChiSquaredExact(p, q),
        "renyi_0.5" => Kullback.Measures.RenyiNats(p, q, 0.5),
        "renyi_2" => Kullback.Measures.RenyiNats(p, q, 2),
        _ => throw new ArgumentException($"no exact path for {key}", nameof(key)),
    };

    private static IEnumerable<(string, Func<double[], double[], int, double>)> ParallelMeasures() =>
    [
        ("entropy", (p, _, d) => Kullback.Measures.Entropy(p, InformationUnit.Nats, d)),
        ("cross_entropy", (p, q, d) => Kullback.Measures.CrossEntropy(p, q, InformationUnit.Nats, d)),
        ("kl", (p, q, d) => Kullback.Measures.KullbackLeibler(p, q, InformationUnit.Nats, d)),
        ("kl_reverse", (p, q, d) => Kullback.Measures.KullbackLeiblerBothDirections(p, q, InformationUnit.Nats, d).Reverse),
        ("jeffreys", (p, q, d) => Kullback.Measures.Jeffreys(p, q, InformationUnit.Nats, d)),
        ("js_divergence", (p, q, d) => Kullback.Measures.JensenShannonDivergence(p, q, InformationUnit.Nats, d)),
        ("js_distance", (p, q, d) => Kullback.Measures.JensenShannonDistance(p, q, InformationUnit.Nats, d)),
        ("hellinger", (p, q, d) => Kullback.Measures.Hellinger(p, q, d)),
        ("total_variation", (p, q, d) => Kullback.Measures.TotalVariation(p, q, d)),
        ("bhattacharyya", (p, q, d) => Kullback.Measures.Bhattacharyya(p, q, InformationUnit.Nats, d)),
        ("chi2", (p, q, d) => Kullback.Measures.PearsonChiSquared(p, q, d)),
        ("renyi_0.5", (p, q, d) => Kullback.Measures.Renyi(p, q, 0.5, InformationUnit.Nats, d)),
        ("renyi_2", (p, q, d) => Kullback.Measures.Renyi(p, q, 2, InformationUnit.Nats, d)),
        ("renyi_7", (p, q, d) => Kullback.Measures.Renyi(p, q, 7, InformationUnit.Nats, d)),
        ("information_content", (p, _, d) => Kullback.Measures.InformationContent(p, 12345, InformationUnit.Nats, d)),
    ];
}
