using Kullback.Kernels;

namespace Kullback.Tests;

/// <summary>
/// The fast kernels against the exact scalar path: every length 0–256 (so every tail length 0–15 at every width),
/// each vector width forced, the parallel split forced, float inputs, special values, and the error bound's choice.
/// </summary>
public class KernelTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<string> Widths() => new() { nameof(VectorWidth.Bits512), nameof(VectorWidth.Bits256), nameof(VectorWidth.Scalar) };

    private static VectorWidth Width(string name) => Enum.Parse<VectorWidth>(name);

    private static (double[] P, double[] Q) RandomPair(int n, int seed, bool zeros = true)
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
            q[j] = 0;             // shared zero
        }
        return (p, q);
    }

    private static void AssertClose(double exact, double fast, string what)
    {
        double relative = exact == fast ? 0 : Math.Abs(fast - exact) / Math.Abs(exact);
        Assert.True(relative <= Tolerance, $"{what}: exact {exact:R}, fast {fast:R} (relative {relative:E2})");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_length_and_tail_matches_the_exact_path(string width)
    {
        var settings = new DivergenceKernels.Settings(Width(width), 1, int.MaxValue);
        int accepted = 0;
        for (int n = 1; n <= 256; n++)
        {
            var (p, q) = RandomPair(n, seed: n);
            if (DivergenceKernels.TryKullbackLeibler<double>(p, q, settings, out double kl, out double back, both: true))
            {
                accepted++;
                AssertClose(Measures.KullbackLeiblerNats(p, q), kl, $"KL n={n}");
                AssertClose(Measures.KullbackLeiblerNats(q, p), back, $"reverse KL n={n}");
            }
            if (DivergenceKernels.TryEntropy<double>(p, settings, out double h)) AssertClose(Measures.EntropyNats(p), h, $"H n={n}");
            if (DivergenceKernels.TryCrossEntropy<double>(p, q, settings, out double ce)) AssertClose(Measures.CrossEntropyNats(p, q), ce, $"CE n={n}");
            if (DivergenceKernels.TryJensenShannon<double>(p, q, settings, out double js)) AssertClose(Measures.JensenShannonNats(p, q), js, $"JS n={n}");
        }
        // The bound must let typical inputs through, or the fast path would never run.
        Assert.True(accepted > 200, $"only {accepted} of 256 lengths took the fast path");
    }

    [Fact]
    public void A_parallel_split_gives_the_same_answer()
    {
        var (p, q) = RandomPair(100_003, seed: 7);
        var serial = new DivergenceKernels.Settings(VectorWidth.Best, 1, int.MaxValue);
        var split = new DivergenceKernels.Settings(VectorWidth.Best, 2, 1024);
        Assert.True(DivergenceKernels.TryKullbackLeibler<double>(p, q, serial, out double a, out _));
        Assert.True(DivergenceKernels.TryKullbackLeibler<double>(p, q, split, out double b, out _));
        AssertClose(a, b, "split vs serial");
        AssertClose(Measures.KullbackLeiblerNats(p, q), b, "split vs exact");
        Assert.True(DivergenceKernels.TryJensenShannon<double>(p, q, split, out double js));
        AssertClose(Measures.JensenShannonNats(p, q), js, "JS split");
        Assert.True(DivergenceKernels.TryEntropy<double>(p, split, out double h));
        AssertClose(Measures.EntropyNats(p), h, "H split");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Float_inputs_are_measured_exactly_as_their_double_values(string width)
    {
        var settings = new DivergenceKernels.Settings(Width(width), 1, int.MaxValue);
        for (int n = 1; n <= 70; n++)
        {
            var (pd, qd) = RandomPair(n, seed: 1000 + n);
            float[] p = pd.Select(x => (float)x).ToArray(), q = qd.Select(x => (float)x).ToArray();
            double[] pw = p.Select(x => (double)x).ToArray(), qw = q.Select(x => (double)x).ToArray();
            if (DivergenceKernels.TryKullbackLeibler<float>(p, q, settings, out double kl, out _))
                AssertClose(Measures.KullbackLeiblerNats(pw, qw), kl, $"float KL n={n}");
            if (DivergenceKernels.TryJensenShannon<float>(p, q, settings, out double js))
                AssertClose(Measures.JensenShannonNats(pw, qw), js, $"float JS n={n}");
            AssertClose(Measures.KullbackLeiblerNats(pw, qw), Measures.KullbackLeibler(p, q), $"public float KL n={n}");
            AssertClose(Measures.EntropyNats(pw), Measures.Entropy(p), $"public float H n={n}");
        }
    }

    [Fact]
    public void Near_identical_inputs_are_refused_by_the_bound_and_answered_exactly()
    {
        var c = ReferenceCase.Named("near-identical-1e-09");
        Assert.False(DivergenceKernels.TryKullbackLeibler<double>(c.P, c.Q, DivergenceKernels.Settings.Default, out _, out _));
        Assert.Equal(c.ExpectedValue("kl_pq"), Measures.KullbackLeibler(c.P, c.Q), c.ExpectedValue("kl_pq") * 1e-12);
    }

    [Fact]
    public void Special_values_anywhere_send_the_pass_to_the_exact_path()
    {
        var rng = new Random(3);
        foreach (double special in new[] { double.NaN, double.PositiveInfinity, -1.0, 1e-310 })
            for (int trial = 0; trial < 20; trial++)
            {
                var (p, q) = RandomPair(40 + trial, seed: trial, zeros: false);
                (trial % 2 == 0 ? p : q)[rng.Next(p.Length)] = special;
                bool fast = DivergenceKernels.TryKullbackLeibler<double>(p, q, DivergenceKernels.Settings.Default, out _, out _, both: true);
                Assert.False(fast, $"{special} was not caught");
            }
        // And the public function gives the usual answers: an error for invalid input, the exact value for a subnormal.
        var (a, b) = RandomPair(33, seed: 1, zeros: false);
        a[17] = double.NaN;
        Assert.Contains("p[17] = NaN", Assert.Throws<InvalidArgumentException>(() => Measures.KullbackLeibler(a, b)).Message);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Values_in_a_partial_last_vector_are_seen_despite_its_padding(string width)
    {
        // The clean loop reads a last partial vector through a zero-padded buffer and masks the padding: what sits in
        // the real lanes must still count (each tail length 1–15, the value in the last and first lane of the tail).
        var settings = new DivergenceKernels.Settings(Width(width), 1, int.MaxValue);
        for (int n = 17; n <= 31; n++)
            foreach (int at in new[] { n - 1, n / 16 * 16 })
            {
                foreach (double special in new[] { double.NaN, double.PositiveInfinity, -1.0, 1e-310 })
                {
                    var (p, q) = RandomPair(n, seed: n, zeros: false);
                    p[at] = special;
                    Assert.False(DivergenceKernels.TryKullbackLeibler<double>(p, q, settings, out _), $"{special} at {at} of {n}");
                }
                var (a, b) = RandomPair(n, seed: n, zeros: false);
                b[at] = 0;
                Assert.True(DivergenceKernels.TryKullbackLeibler<double>(a, b, settings, out double forward, out double reverse, both: true));
                Assert.Equal(double.PositiveInfinity, forward);
                AssertClose(Measures.KullbackLeiblerNats(b, a), reverse, $"reverse KL with q[{at}] = 0 of {n}");
            }
    }

    [Fact]
    public void Infinite_divergence_is_still_infinite()
    {
        var (p, q) = RandomPair(50, seed: 2, zeros: false);
        q[10] = 0;
        Assert.Equal(double.PositiveInfinity, Measures.KullbackLeibler(p, q));
        Assert.True(double.IsFinite(Measures.KullbackLeibler(q, p)));
        var both = Measures.KullbackLeiblerBothDirections(p, q);
        Assert.Equal(double.PositiveInfinity, both.Forward);
        Assert.Equal(Measures.KullbackLeibler(q, p), both.Reverse, 1e-14);
    }

    [Fact]
    public void The_degree_of_parallelism_changes_nothing_but_speed()
    {
        var (p, q) = RandomPair(300_000, seed: 9);
        double one = Measures.KullbackLeibler(p, q, InformationUnit.Nats, maxDegreeOfParallelism: 1);
        double all = Measures.KullbackLeibler(p, q, InformationUnit.Nats, maxDegreeOfParallelism: -1);
        AssertClose(one, all, "dop 1 vs all");
        AssertClose(Measures.KullbackLeiblerNats(p, q), all, "vs exact");
    }
}

/// <summary>The vectorised exact KL against the scalar exact one, where the fast pass cannot be used: near-identical inputs.</summary>
public class ExactKernelTests
{
    private static void AssertAgree(double[] p, double[] q, string what)
    {
        double scalar = Measures.KullbackLeiblerNats(p, q);
        if (!ExactKullbackLeiblerKernel.TryKullbackLeibler(p, q, out double vector)) return;   // declined: the scalar path runs
        double relative = scalar == vector ? 0 : Math.Abs(vector - scalar) / Math.Abs(scalar);
        Assert.True(relative <= 1e-13, $"{what}: scalar {scalar:R}, vector {vector:R} (relative {relative:E2})");
    }

    [Fact]
    public void Every_reference_case_agrees_with_the_scalar_exact_path()
    {
        foreach (var c in ReferenceCase.All)
        {
            AssertAgree(c.P, c.Q, c.Name);
            AssertAgree(c.Q, c.P, c.Name + " reversed");
        }
    }

    [Fact]
    public void Near_identical_inputs_of_every_length_agree()
    {
        var rng = new Random(12);
        int declined = 0;
        for (int n = 1; n <= 256; n++)
            foreach (double eps in new[] { 1e-3, 1e-7, 1e-11, 0.2 })
            {
                var p = Enumerable.Range(0, n).Select(_ => rng.NextDouble() + 1e-3).ToArray();
                var q = p.Select(x => x * (1 + eps * (2 * rng.NextDouble() - 1))).ToArray();
                if (n > 3) { p[n / 2] = 0; }
                if (!ExactKullbackLeiblerKernel.TryKullbackLeibler(p, q, out _)) declined++;
                AssertAgree(p, q, $"n={n} eps={eps}");
            }
        Assert.Equal(0, declined);
        // And the public function answers near-identical inputs through it, exactly.
        var c = ReferenceCase.Named("near-identical-1e-09");
        Assert.True(ExactKullbackLeiblerKernel.TryKullbackLeibler(c.P, c.Q, out double v));
        Assert.Equal(c.ExpectedValue("kl_pq"), v, c.ExpectedValue("kl_pq") * 1e-12);
    }
}
