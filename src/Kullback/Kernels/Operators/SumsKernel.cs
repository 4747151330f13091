using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>The pass that only sums (and validates) p: the normaliser the information content needs.</summary>
internal static class SumsKernel
{
    /// <summary>−ln(pᵢ/Σp) in nats, with <paramref name="pi"/> = pᵢ, for an outcome holding at most half the mass, or false.</summary>
    public static bool TryInformationContent<T>(ReadOnlySpan<T> p, double pi, KernelSettings settings, out double nats) where T : unmanaged
    {
        var s = FusedPass.Run(default(SumsOperator), p, p, settings);
        nats = double.NaN;
        if (!s.Usable(readsQ: false)) return false;
        double sp = s.P;
        if (pi == 0)
        {
            nats = double.PositiveInfinity;
            return true;
        }
        if (!(pi <= 0.5 * sp)) return false;   // a dominant outcome: ln(1 − ε) needs ε exactly
        double ratio = sp / pi;
        nats = double.IsFinite(ratio) ? Math.Log(ratio) : Math.Log(sp) - Math.Log(pi);
        double u = ErrorBound.U;
        return ErrorBound.Accept(nats, (s.Chain + 2) * u + 2 * u * (Math.Abs(Math.Log(sp)) + Math.Abs(Math.Log(pi))));
    }
}

/// <summary>Nothing beyond the sums the pass keeps.</summary>
internal readonly struct SumsOperator : IPassOperator<SumsOperator>
{
    public static LaneSums Sums => LaneSums.None;
    public static bool ReadsQ => false;
    public static double CleanMinimumP => 0;
    public static double CleanMinimumQ => 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
    }
}
