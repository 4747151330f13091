using Kullback.Numerics;

namespace Kullback.Kernels;

/// <summary>
/// The error model of the fast passes, in one place. u = 2⁻⁵³ is the unit roundoff; a sum of terms tᵢ taken by a pass is
/// within <see cref="PassSums.Chain"/>·u·Σ|tᵢ| of exact; the vector logarithm is within <see cref="LogUlps"/> ulps plus
/// u absolute (near 1); a result is accepted when its bound is at most <see cref="AcceptedRelativeError"/> of it.
/// </summary>
internal static class ErrorBound
{
    /// <summary>The unit roundoff, 2⁻⁵³.</summary>
    public const double U = 1.1102230246251565E-16;

    /// <summary>The largest bound on the relative error a fast result may have (the exact path reaches ~1e-15; tests demand 1e-12).</summary>
    public const double AcceptedRelativeError = 2e-13;

    /// <summary>The vector logarithm's relative error in ulps (measured ≤ 2: VectorLog, .NET's Vector256/128.Log).</summary>
    public const double LogUlps = 4;

    /// <summary>The vector exponential's relative error in ulps (measured ≤ 2 for .NET's Vector512.Exp).</summary>
    public const double ExpUlps = 4;

    /// <summary>
    /// Each operation whose result is subnormal may be off by 2⁻¹⁰⁷⁵ absolute; with room for the largest factor a term
    /// carries (a logarithm, ≤ 745), every term of a pass is within this much of exact besides its relative error.
    /// </summary>
    public const double TinyTermError = 8e-323;   // 2⁻¹⁰⁷⁰

    /// <summary>ln(smallest normal double): a logarithm below it came from a ratio that lost bits.</summary>
    public const double LogSmallestNormal = -708.3964185322641;

    /// <summary>The absolute error subnormal terms may add to a pass's sum of <paramref name="count"/> terms, relative to <paramref name="scale"/>.</summary>
    public static double Underflow(int count, double scale) => count * TinyTermError / scale;

    /// <summary>
    /// A finite, positive value whose bound is positive, finite and small enough. An exact 0 is always left to the exact
    /// path (which gives it exactly), and a bound of 0 can only come from an intermediate that overflowed.
    /// </summary>
    public static bool Accept(double value, double bound) =>
        double.IsFinite(value) && value > 0 && bound > 0 && bound <= AcceptedRelativeError * value;

    /// <summary>
    /// Whether Σp and Σq differ by more than their rounding: then a pass at w = Σp/Σq (for the measures whose pass
    /// weighs q by w) can succeed where the one at w = 1 failed.
    /// </summary>
    public static bool Mismatched(in PassSums s) => s.Usable(readsQ: true) && Math.Abs(s.P - s.Q) > 4 * s.Chain * U * (s.P + s.Q);

    /// <summary>ln(y/x) for two positive, finite sums, with a bound on its error given theirs (first order: errX/x + errY/y).</summary>
    public static double LogRatio(double x, double y, double errorX, double errorY, out double error)
    {
        double difference = y - x;
        double log;
        if (Math.Abs(difference) <= 0.5 * x)
        {
            log = Elementary.LogOnePlus(difference / x);
            error = errorX / x + errorY / y + 2 * U * (Math.Abs(difference) / x + Math.Abs(log));
        }
        else
        {
            log = Math.Log(y) - Math.Log(x);
            error = errorX / x + errorY / y + U * (Math.Abs(Math.Log(x)) + Math.Abs(Math.Log(y)) + Math.Abs(log));
        }
        return log;
    }
}
