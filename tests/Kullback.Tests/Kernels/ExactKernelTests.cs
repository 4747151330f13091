using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback.Tests;

/// <summary>
/// The vectorised exact paths (KL, Jensen–Shannon, Hellinger, χ², total variation) against the same terms one outcome
/// at a time, where the fast passes cannot be used: every reference case, near-identical inputs of every length, every
/// width.
/// </summary>
public class ExactKernelTests
{
    private delegate double Vectorised(ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings);

    private delegate double OneByOne(ReadOnlySpan<double> p, ReadOnlySpan<double> q);

    private static readonly (string Name, Vectorised Vectorised, OneByOne Reference)[] Paths =
    [
        ("kl", Measures.ExactKullbackLeiblerNats, Measures.KullbackLeiblerNats),
        ("js", Measures.JensenShannonNats, Measures.JensenShannonNats),
        ("hellinger_squared", Measures.HellingerSquared, Measures.HellingerSquared),
        ("chi2", Measures.ChiSquaredExact, Measures.ChiSquaredExact),
        ("total_variation", Measures.TotalVariationExact, Measures.TotalVariationExact),
    ];

    public static TheoryData<string> Widths() => new() { nameof(VectorWidth.Bits512), nameof(VectorWidth.Bits256), nameof(VectorWidth.Bits128), nameof(VectorWidth.Scalar) };

    private static void AssertAgree(double[] p, double[] q, KernelSettings settings, string what)
    {
        if (new ExactPair(p, q).HasDeep) return;   // deep entries: only the outcome-by-outcome paths apply
        foreach (var (name, vectorised, reference) in Paths)
            FastKernelTests.AssertAgrees(reference(p, q), vectorised(p, q, settings), $"{name}: {what}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_reference_case_agrees_with_the_outcome_by_outcome_path(string width)
    {
        var settings = new KernelSettings(Enum.Parse<VectorWidth>(width), 1, int.MaxValue);
        foreach (var c in ReferenceCase.All)
        {
            AssertAgree(c.P, c.Q, settings, c.Name);
            AssertAgree(c.Q, c.P, settings, c.Name + " reversed");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Near_identical_inputs_of_every_length_agree(string width)
    {
        var settings = new KernelSettings(Enum.Parse<VectorWidth>(width), 1, int.MaxValue);
        var rng = new Random(12);
        for (int n = 1; n <= 256; n++)
            foreach (double eps in new[] { 1e-3, 1e-7, 1e-11, 0.2 })
            {
                var p = Enumerable.Range(0, n).Select(_ => rng.NextDouble() + 1e-3).ToArray();
                var q = p.Select(x => x * (1 + eps * (2 * rng.NextDouble() - 1))).ToArray();
                if (n > 3) p[n / 2] = 0;
                AssertAgree(p, q, settings, $"n={n} eps={eps}");
            }
    }

    [Fact]
    public void The_public_functions_answer_near_identical_inputs_exactly_on_every_core()
    {
        var c = ReferenceCase.Named("near-identical-1e-09");
        GoldenValueTests.AssertClose(c.ExpectedValue("kl_pq"), ExactKullbackLeiblerKernel.Run(new ExactPair(c.P, c.Q), KernelSettings.Default), "vectorised exact");
        var rng = new Random(5);
        var p = Enumerable.Range(0, 200_001).Select(_ => rng.NextDouble() + 1e-3).ToArray();
        var q = p.Select(x => x * (1 + 1e-9 * (2 * rng.NextDouble() - 1))).ToArray();
        foreach (var (name, vectorised, reference) in Paths)
        {
            double one = vectorised(p, q, KernelSettings.WithParallelism(1)), all = vectorised(p, q, KernelSettings.Default);
            FastKernelTests.AssertAgrees(reference(p, q), one, $"{name}: one core");
            FastKernelTests.AssertAgrees(one, all, $"{name}: all cores");
        }
        FastKernelTests.AssertAgrees(Measures.KullbackLeiblerNats(p, q), Measures.KullbackLeibler(p, q), "public KL");
        FastKernelTests.AssertAgrees(Measures.JensenShannonNats(p, q), Measures.JensenShannonDivergence(p, q), "public JS");
    }
}
