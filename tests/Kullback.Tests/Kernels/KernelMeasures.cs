using Kullback.Kernels;
using Kullback.Numerics;

namespace Kullback.Tests;

/// <summary>
/// Every fast pass paired with the exact scalar path it must agree with: the registry the generic kernel harness runs.
/// A fast pass answers (accepted, value); when it declines, the public measure runs the exact path.
/// </summary>
internal static class KernelMeasures
{
    public delegate (bool Accepted, double Value) Fast<T>(T[] p, T[] q, KernelSettings settings);

    /// <summary>
    /// One measure: its fast pass for double and float inputs, and the exact reference (on doubles). A pass that
    /// <paramref name="Validates"/> must decline invalid input; the vectorised exact path runs on checked input only.
    /// </summary>
    public sealed record Case(string Name, Fast<double> FastDouble, Fast<float> FastFloat, Func<double[], double[], double> Exact, bool Validates = true);

    private static (bool, double) Run(bool accepted, double value) => (accepted, value);

    /// <summary>The outcome whose information content the harness measures: one that moves with the length.</summary>
    public static int Outcome(int length) => length / 3;

    public static readonly IReadOnlyList<Case> All =
    [
        new("entropy",
            (p, _, s) => Run(EntropyKernel.TryEntropy<double>(p, s, out double v), v),
            (p, _, s) => Run(EntropyKernel.TryEntropy<float>(p, s, out double v), v),
            (p, _) => Measures.EntropyNats(p)),
        new("cross_entropy",
            (p, q, s) => Run(EntropyKernel.TryCrossEntropy<double>(p, q, s, out double v), v),
            (p, q, s) => Run(EntropyKernel.TryCrossEntropy<float>(p, q, s, out double v), v),
            (p, q) => Measures.CrossEntropyNats(p, q)),
        new("kl",
            (p, q, s) => Run(KullbackLeiblerKernel.TryForward<double>(p, q, s, out double v), v),
            (p, q, s) => Run(KullbackLeiblerKernel.TryForward<float>(p, q, s, out double v), v),
            (p, q) => Measures.KullbackLeiblerNats(p, q)),
        new("kl_reverse",
            (p, q, s) => Run(KullbackLeiblerKernel.TryBothDirections<double>(p, q, s, out _, out double v), v),
            (p, q, s) => Run(KullbackLeiblerKernel.TryBothDirections<float>(p, q, s, out _, out double v), v),
            (p, q) => Measures.KullbackLeiblerNats(q, p)),
        new("jeffreys",
            (p, q, s) => Run(KullbackLeiblerKernel.TryJeffreys<double>(p, q, s, out double v), v),
            (p, q, s) => Run(KullbackLeiblerKernel.TryJeffreys<float>(p, q, s, out double v), v),
            (p, q) => Measures.KullbackLeiblerNats(p, q) + Measures.KullbackLeiblerNats(q, p)),
        new("js_divergence",
            (p, q, s) => Run(JensenShannonKernel.TryDivergence<double>(p, q, s, out double v), v),
            (p, q, s) => Run(JensenShannonKernel.TryDivergence<float>(p, q, s, out double v), v),
            (p, q) => Measures.JensenShannonNats(p, q)),
        new("hellinger_squared",
            (p, q, s) => Run(HellingerKernel.TrySquared<double>(p, q, s, out double v), v),
            (p, q, s) => Run(HellingerKernel.TrySquared<float>(p, q, s, out double v), v),
            (p, q) => Measures.HellingerSquared(p, q)),
        new("bhattacharyya",
            (p, q, s) => Run(HellingerKernel.TryBhattacharyya<double>(p, q, s, out double v), v),
            (p, q, s) => Run(HellingerKernel.TryBhattacharyya<float>(p, q, s, out double v), v),
            (p, q) => Measures.BhattacharyyaNats(p, q)),
        new("total_variation",
            (p, q, s) => Run(TotalVariationKernel.TryDistance<double>(p, q, s, out double v), v),
            (p, q, s) => Run(TotalVariationKernel.TryDistance<float>(p, q, s, out double v), v),
            (p, q) => Measures.TotalVariationExact(p, q)),
        new("chi2",
            (p, q, s) => Run(ChiSquaredKernel.TryDivergence<double>(p, q, s, out double v), v),
            (p, q, s) => Run(ChiSquaredKernel.TryDivergence<float>(p, q, s, out double v), v),
            (p, q) => Measures.ChiSquaredExact(p, q)),
        new("renyi_3",
            (p, q, s) => Run(RenyiKernel.TryDivergence<double>(p, q, 3, s, out double v), v),
            (p, q, s) => Run(RenyiKernel.TryDivergence<float>(p, q, 3, s, out double v), v),
            (p, q) => Measures.RenyiNats(p, q, 3)),
        new("renyi_0.3",
            (p, q, s) => Run(RenyiKernel.TryDivergence<double>(p, q, 0.3, s, out double v), v),
            (p, q, s) => Run(RenyiKernel.TryDivergence<float>(p, q, 0.3, s, out double v), v),
            (p, q) => Measures.RenyiNats(p, q, 0.3)),
        new("information_content",
            (p, _, s) => p.Length == 0 ? (false, double.NaN) : Run(SumsKernel.TryInformationContent<double>(p, p[Outcome(p.Length)], s, out double v), v),
            (p, _, s) => p.Length == 0 ? (false, double.NaN) : Run(SumsKernel.TryInformationContent<float>(p, p[Outcome(p.Length)], s, out double v), v),
            (p, _) => Measures.InformationContentNats(p, Outcome(p.Length))),
        // The vectorised exact paths, which always answer (for pairs without deep entries), against the same terms one
        // outcome at a time.
        Exact("kl_exact_vectorised", Measures.ExactKullbackLeiblerNats, Measures.KullbackLeiblerNats),
        Exact("js_exact_vectorised", Measures.JensenShannonNats, Measures.JensenShannonNats),
        Exact("hellinger_exact_vectorised", Measures.HellingerSquared, Measures.HellingerSquared),
        Exact("chi2_exact_vectorised", Measures.ChiSquaredExact, Measures.ChiSquaredExact),
        Exact("tv_exact_vectorised", Measures.TotalVariationExact, Measures.TotalVariationExact),
    ];

    public static Case Named(string name) => All.Single(c => c.Name == name);

    public static TheoryData<string> Names() => new(All.Select(c => c.Name));

    /// <summary>Whether the measure reads q (the others take p alone).</summary>
    public static bool ReadsQ(string name) => name is not ("entropy" or "information_content");

    public static double[] Widen(float[] x) => x.Select(v => (double)v).ToArray();

    /// <summary>A vectorised exact path as a "fast" pass that answers whenever the pair has no deep entries.</summary>
    private delegate double Vectorised(ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings);

    /// <summary>The outcome-by-outcome reference.</summary>
    private delegate double OneByOne(ReadOnlySpan<double> p, ReadOnlySpan<double> q);

    private static Case Exact(string name, Vectorised vectorised, OneByOne reference)
    {
        (bool, double) Run(double[] p, double[] q, KernelSettings settings) =>
            p.Length == 0 || new ExactPair(p, q).HasDeep ? (false, double.NaN) : (true, vectorised(p, q, settings));
        return new Case(name, Run, (p, q, s) => Run(Widen(p), Widen(q), s), (p, q) => reference(p, q), Validates: false);
    }
}
