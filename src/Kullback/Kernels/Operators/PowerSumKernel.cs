using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// The fast pass of the Rényi and Tsallis entropies of an order α other than 0, 1 and ∞: A = Σ pᵢ^α = Σ e^(α·ln pᵢ) on
/// the raw input, so that Σ p̂ᵢ^α = A/(Σp)^α, H_α = (ln A − α·ln Σp)/(1 − α) and S_α = (1 − e^(ln A − α·ln Σp))/(α − 1).
/// </summary>
/// <remarks>
/// A term's exponent α·ln p carries α·(4u·|ln p| + u) + u of absolute error (the logarithm, the product, the exponential),
/// so with B = Σ term·|ln p| the sum is within (chain + 6 + 2α)·u·A + 5α·u·B of exact (as the Rényi divergence's pass).
/// Near a point mass (Σ p̂^α ≈ 1) or near α = 1 the logarithm cancels and the bound sends the work to the exact path.
/// </remarks>
internal static class PowerSumKernel
{
    /// <summary>H_α(p) in nats, or false when the bound (or the input) sends the work to the exact path.</summary>
    public static bool TryRenyiEntropy<T>(ReadOnlySpan<T> p, double alpha, KernelSettings settings, out double nats) where T : unmanaged
    {
        nats = double.NaN;
        if (!TryLogPowerSum(p, alpha, settings, out double logSum, out double error)) return false;
        nats = logSum / (1 - alpha);
        return ErrorBound.Accept(nats, error / Math.Abs(1 - alpha) + 2 * ErrorBound.U * Math.Abs(nats));
    }

    /// <summary>S_α(p), or false when the bound (or the input) sends the work to the exact path.</summary>
    public static bool TryTsallisEntropy<T>(ReadOnlySpan<T> p, double alpha, KernelSettings settings, out double value) where T : unmanaged
    {
        value = double.NaN;
        if (!TryLogPowerSum(p, alpha, settings, out double logSum, out double error)) return false;
        double excess = Numerics.Elementary.ExpMinusOne(logSum);   // Σ p̂^α − 1
        value = -excess / (alpha - 1);
        double bound = (Math.Exp(logSum) * error * 1.01 + 2 * ErrorBound.U * Math.Abs(excess)) / Math.Abs(alpha - 1) + 2 * ErrorBound.U * Math.Abs(value);
        return ErrorBound.Accept(value, bound);
    }

    /// <summary>ln Σ p̂ᵢ^α and a bound on its absolute error.</summary>
    private static bool TryLogPowerSum<T>(ReadOnlySpan<T> p, double alpha, KernelSettings settings, out double logSum, out double error) where T : unmanaged
    {
        logSum = error = double.NaN;
        bool square = alpha == 2;   // p·p: one rounding per term, about 5× faster than e^(2 ln p)
        var s = square ? FusedPass.Run(default(SquareSumOperator), p, p, settings) : FusedPass.Run(new PowerSumOperator(alpha), p, p, settings);
        if (!s.Usable(readsQ: false)) return false;
        double sp = s.P, a = s.A.Total, u = ErrorBound.U, chain = s.Chain;
        if (!(a > 0) || !double.IsFinite(a)) return false;
        double errorA = square
            ? (chain + 1) * u * a + s.Count * ErrorBound.TinyTermError
            : (chain + 6 + 2 * alpha) * u * a + 5 * alpha * u * s.B.Total + s.Count * ErrorBound.TinyTermError;
        double logA = Math.Log(a), logP = Math.Log(sp);
        logSum = logA - alpha * logP;
        error = errorA / a + u * Math.Abs(logA) + alpha * (chain * u + u * Math.Abs(logP)) + u * Math.Abs(alpha * logP) + u * Math.Abs(logSum);
        return double.IsFinite(logSum);
    }
}

/// <summary>A = Σ p^α over p &gt; 0, B = Σ p^α·|ln p|; a subnormal p is left to the exact path.</summary>
internal readonly struct PowerSumOperator(double alpha) : IPassOperator<PowerSumOperator>
{
    private readonly double _alpha = alpha;

    public static LaneSums Sums => LaneSums.A | LaneSums.B;
    public static bool ReadsQ => false;
    public static double CleanMinimumP => 2.2250738585072014E-308;
    public static double CleanMinimumQ => 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        TV log = TV.Log(p);
        TV term = TV.Exp(TV.Create(_alpha) * log);
        if (TMode.Masked)
        {
            TV positive = TV.GreaterThanZero(p);
            lanes.Trouble |= positive & TV.LessThan(p, TV.Create(2.2250738585072014E-308));
            term &= positive;
            log &= positive;
        }
        lanes.A += term;
        lanes.B += term * TV.Abs(log);
    }
}
