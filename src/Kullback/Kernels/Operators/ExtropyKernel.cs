using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// The fast extropy pass: one vectorised read for the totals (<see cref="WeightTotalsKernel"/>), then one with the terms
/// −(1 − p̂ᵢ)·log1p(−p̂ᵢ) ≥ 0, log1p by <see cref="VectorLogOnePlus"/> (its series for p̂ᵢ &lt; 1/32, so a small p̂ᵢ keeps its
/// digits). It applies when no entry holds half the mass or more (then 1 − p̂ᵢ ≥ ½ never cancels, and the exact path's
/// treatment of a dominant entry, 1 − p̂ as the sum of the others, is not needed) and the vector has no deep entry.
/// </summary>
/// <remarks>Each term carries a few roundings and all are ≥ 0: the sum is within (chain + 8)·u of exact, relative.</remarks>
internal static class ExtropyKernel
{
    /// <summary>J(p) in nats, or false when the input (invalid, deep entries, a dominant entry) needs the exact path.</summary>
    public static bool TryNats(ReadOnlySpan<double> p, KernelSettings settings, out double nats)
    {
        nats = double.NaN;
        if (p.IsEmpty || !WeightTotalsKernel.Of(p, settings).TryScale(out double factor, out var total, out double largest)) return false;
        if (!(2 * largest < total.Hi * (1 - 1e-15))) return false;   // an entry near half the mass or more: the exact path
        var s = FusedPass.Run(new ExtropyOperator(factor / total.Hi), p, p, settings);
        nats = Math.Max(0.0, s.A.Total);
        return true;
    }
}

/// <summary>A = Σ −(1 − p̂ᵢ)·log1p(−p̂ᵢ) with p̂ᵢ = pᵢ·(2ᵉ/Σs), for validated weights with every p̂ᵢ below ½.</summary>
internal readonly struct ExtropyOperator(double scale) : IPassOperator<ExtropyOperator>
{
    private readonly double _scale = scale;

    public static LaneSums Sums => LaneSums.A;
    public static bool ReadsQ => false;
    public static bool TracksInputs => false;
    public static double CleanMinimumP => 0;
    public static double CleanMinimumQ => 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        TV pHat = p * TV.Create(_scale);
        lanes.A -= (TV.Create(1.0) - pHat) * VectorLogOnePlus.Of(-pHat);
    }
}
