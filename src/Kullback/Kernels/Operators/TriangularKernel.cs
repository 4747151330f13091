using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// One-pass fast paths for the triangular discrimination and Clark's sum, on the raw inputs. With x = w·q and
/// d = p − x (one fused multiply–add), the terms t(w) = d²/(p + x) (triangular; degree 1, so Δ(p̂, q̂) = T(w*)/Σp at
/// w* = Σp/Σq) and c(w) = (d/(p + x))² (Clark; degree 0, so the sum is C(w*)) are taken at w with their derivatives in w,
/// and the normalisation to first order: T(w(1 + δ)) = T(w) + wδ·T′(w) + R, δ = Σp/(wΣq) − 1, with the remainder bounded
/// by the second derivatives, t″ = 8p²q²/(p + x)³ ≤ 2q/w and |c″| ≤ 16/w² per outcome. The pass runs at w = 1, and once
/// more at w = Σp/Σq when the inputs are not normalised; the result is accepted when its bound (roundings, δ's own error,
/// the remainder, subnormal terms) is within <see cref="ErrorBound.AcceptedRelativeError"/>, else the exact path decides
/// (near-identical inputs, where the remainder is not small against the value, and exact zeros, go there).
/// </summary>
internal static class TriangularKernel
{
    /// <summary>Δ(p, q) = Σ (p̂ − q̂)²/(p̂ + q̂), or false when the bound (or the input) sends the work to the exact path.</summary>
    public static bool TryTriangular(ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings, out double value) =>
        Try<TriangularOperator>(p, q, settings, degreeOne: true, termUlps: 6, out value);

    /// <summary>Σ ((p̂ − q̂)/(p̂ + q̂))² (Clark's distance squared), or false as <see cref="TryTriangular"/>.</summary>
    public static bool TryClarkSum(ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings, out double value) =>
        Try<ClarkOperator>(p, q, settings, degreeOne: false, termUlps: 6, out value);

    /// <summary>
    /// K(p‖q) = Σ p̂ ln(2p̂/(p̂ + q̂)) in nats (<see cref="KDivergenceOperator"/>; degree 1, its remainder within the
    /// triangular one's, q/(4w) ≤ 2q/w per outcome), or false as <see cref="TryTriangular"/>.
    /// </summary>
    public static bool TryKDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings, out double value) =>
        Try<KDivergenceOperator>(p, q, settings, degreeOne: true, termUlps: 400, out value);

    private static bool Try<TOp>(ReadOnlySpan<double> p, ReadOnlySpan<double> q, KernelSettings settings, bool degreeOne, double termUlps, out double value)
        where TOp : struct, IPassOperator<TOp>, IWeighted<TOp>
    {
        value = double.NaN;
        if (p.Length != q.Length || p.IsEmpty) return false;
        var s = FusedPass.Run(TOp.At(1.0), p, q, settings);
        if (Finish(s, 1.0, degreeOne, termUlps, out value)) return true;
        if (!ErrorBound.Mismatched(s)) return false;
        double weight = s.P / s.Q;
        s = FusedPass.Run(TOp.At(weight), p, q, settings);
        return Finish(s, weight, degreeOne, termUlps, out value);
    }

    private static bool Finish(in PassSums s, double weight, bool degreeOne, double termUlps, out double value)
    {
        value = double.NaN;
        if (!s.Usable(readsQ: true) || s.InfiniteA) return false;
        double sp = s.P, sq = s.Q, u = ErrorBound.U, chain = s.Chain;
        double a = s.A.Total, b = s.B.Total;
        double delta = sp / (weight * sq) - 1;
        double deltaError = (2 * chain + 3) * u * (1 + Math.Abs(delta));
        double reach = Math.Abs(delta) + deltaError;
        if (reach > 1e-3) return false;   // far from normalised: the second pass (or the exact path) decides
        double wd = weight * delta;
        double sum = a + wd * b;
        // Roundings of A (termUlps per term: 6 for the quotients; 400 for K-divergence's φ, whose moderate form u·ln u − v
        // cancels up to 82-fold at |v| = 0.05) and of B's terms (≤ 8) and the product; δ's error; the remainder ½(wδ)²·Σ|f″| over
        // [w, w*] (w* within 0.1% of w); subnormal terms.
        // The remainder ½(wδ)²·Σ|f″| with Σ|f″| ≤ 2.01·Σq/w (degree one) or 16.1·n/w², w² taken into it: (w·reach)² itself
        // underflows when w is tiny (Σp = 1e-150 against Σq = 1e70).
        double remainder = degreeOne ? 2.01 * (weight * sq) : 16.1 * s.Count;
        double bound = (chain + termUlps) * u * a + ((chain + 8) * u * Math.Abs(wd) + weight * deltaError) * Math.Abs(b)
                       + 0.5 * reach * reach * remainder + 2 * s.Count * ErrorBound.TinyTermError;
        if (degreeOne)
        {
            value = sum / sp;
            bound = bound / sp + Math.Abs(value) * (chain + 2) * u;
        }
        else
        {
            value = sum;
            bound += Math.Abs(value) * u;
        }
        return ErrorBound.Accept(value, bound);
    }
}

/// <summary>An operator of the one-pass kernels, built at a weight w of q.</summary>
internal interface IWeighted<TSelf> where TSelf : struct
{
    static abstract TSelf At(double weight);
}

/// <summary>A = Σ d²/(p + x), B = Σ ∂/∂w = −Σ q·(d/s)·(3p + x)/s, with x = wq, d = p − x, s = p + x; nothing where p = q = 0.</summary>
internal readonly struct TriangularOperator(double weight) : IPassOperator<TriangularOperator>, IWeighted<TriangularOperator>
{
    private readonly double _weight = weight;

    public static TriangularOperator At(double weight) => new(weight);
    public static LaneSums Sums => LaneSums.A | LaneSums.B;
    public static bool ReadsQ => true;
    public static double CleanMinimumP => 0;
    public static double CleanMinimumQ => 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        TV w = TV.Create(_weight), x = q * w;
        TV d = TV.FusedMultiplyAdd(-w, q, p), s = p + x;
        TV ratio = d / s;
        TV term = d * ratio, slope = -(q * ratio) * ((TV.FusedMultiplyAdd(TV.Create(3.0), p, x)) / s);
        if (TMode.Masked)
        {
            TV any = TV.GreaterThanZero(s);
            term &= any;
            slope &= any;
        }
        lanes.A += term;
        lanes.B += slope;
    }
}

/// <summary>A = Σ (d/s)², B = Σ ∂/∂w = −4·Σ (p/s)·(q/s)·(d/s), with x = wq, d = p − x, s = p + x; nothing where p = q = 0.</summary>
internal readonly struct ClarkOperator(double weight) : IPassOperator<ClarkOperator>, IWeighted<ClarkOperator>
{
    private readonly double _weight = weight;

    public static ClarkOperator At(double weight) => new(weight);
    public static LaneSums Sums => LaneSums.A | LaneSums.B;
    public static bool ReadsQ => true;
    public static double CleanMinimumP => 0;
    public static double CleanMinimumQ => 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate<TV, TMode>(TV p, TV q, ref Lanes<TV> lanes) where TV : struct, ISimd<TV> where TMode : struct, IPassMode
    {
        TV w = TV.Create(_weight);
        TV d = TV.FusedMultiplyAdd(-w, q, p), s = TV.FusedMultiplyAdd(w, q, p);
        TV inverse = TV.Create(1.0) / s;
        TV ratio = d * inverse;
        TV term = ratio * ratio, slope = TV.Create(-4.0) * (p * inverse) * (q * inverse) * ratio;
        if (TMode.Masked)
        {
            TV any = TV.GreaterThanZero(s);
            term &= any;
            slope &= any;
        }
        lanes.A += term;
        lanes.B += slope;
    }
}
