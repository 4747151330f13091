using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback.Tests;

/// <summary>
/// The vectorised exact KL against the same algorithm one outcome at a time, where the fast pass cannot be used:
/// near-identical inputs, every reference case, every width.
/// </summary>
public class ExactKernelTests
{
    public static TheoryData<string> Widths() => new() { nameof(VectorWidth.Bits512), nameof(VectorWidth.Bits256), nameof(VectorWidth.Bits128), nameof(VectorWidth.Scalar) };

    private static void AssertAgree(double[] p, double[] q, KernelSettings settings, string what)
    {
        var c = new ExactPair(p, q);
        if (c.HasDeep) return;   // deep entries: only the outcome-by-outcome path applies
        FastKernelTests.AssertAgrees(Measures.KullbackLeiblerNats(p, q), ExactKullbackLeiblerKernel.Run(c, settings), what);
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
    public void The_public_function_answers_near_identical_inputs_exactly_on_every_core()
    {
        var c = ReferenceCase.Named("near-identical-1e-09");
        GoldenValueTests.AssertClose(c.ExpectedValue("kl_pq"), ExactKullbackLeiblerKernel.Run(new ExactPair(c.P, c.Q), KernelSettings.Default), "vectorised exact");
        var rng = new Random(5);
        var p = Enumerable.Range(0, 200_001).Select(_ => rng.NextDouble() + 1e-3).ToArray();
        var q = p.Select(x => x * (1 + 1e-9 * (2 * rng.NextDouble() - 1))).ToArray();
        double one = Measures.KullbackLeibler(p, q, InformationUnit.Nats, 1), all = Measures.KullbackLeibler(p, q, InformationUnit.Nats, -1);
        FastKernelTests.AssertAgrees(Measures.KullbackLeiblerNats(p, q), one, "one core");
        FastKernelTests.AssertAgrees(one, all, "all cores");
    }
}
