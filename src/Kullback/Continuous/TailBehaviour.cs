using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Kullback.Continuous;

/// <summary>
/// When a divergence is infinite because of a tail rather than a support: D(P‖Q) = ∫ p ln p − ∫ p ln q, and for the
/// MathNet families the second integral diverges exactly when −ln q grows like |x|^γ in a tail where P has no moment
/// of order γ (a Pareto of shape α ≤ 2 against a normal, of shape α ≤ 1 against an exponential or a Laplace).
/// </summary>
internal static class TailBehaviour
{
    /// <summary>How −ln q(x) grows in one tail: like |x|^Exponent (Exponent &gt; 0), or only logarithmically (Exponent = 0).</summary>
    private readonly record struct Growth(double Exponent);

    /// <summary>
    /// The reason D(P‖Q) is +∞ because of a tail, or null when the tails give a finite integral (or are not known).
    /// Supports must already be compatible (P's within Q's).
    /// </summary>
    public static string? InfiniteBecause(object? p, object? q, double lower, double upper)
    {
        if (p is null || q is null) return null;
        foreach (int side in new[] { +1, -1 })
        {
            double end = side > 0 ? upper : lower;
            if (!double.IsInfinity(end)) continue;
            double? moments = MomentBound(p, side);
            var growth = GrowthOf(q, side);
            if (moments is not double alpha || growth is not Growth g || g.Exponent == 0) continue;
            if (alpha <= g.Exponent)
            {
                string region = side > 0 ? "the upper tail" : "the lower tail";
                return string.Create(CultureInfo.InvariantCulture,
                    $"P = {FamilyParameters.Describe(p)} has no moment of order {g.Exponent:R} in {region} (E|X|^s is finite only for s < {alpha:R}), and −ln q grows like |x|^{g.Exponent:R} there for Q = {FamilyParameters.Describe(q)}: the integral of p·ln(p/q) diverges");
            }
        }
        return null;
    }

    /// <summary>The order below which P's absolute moments in that tail are finite: ∞ for light tails, null when not known.</summary>
    private static double? MomentBound(object p, int side) => p switch
    {
        Normal or Laplace or LogNormal or Exponential or Gamma or Weibull or Beta or ContinuousUniform => double.PositiveInfinity,
        Pareto x => side > 0 ? x.Shape : double.PositiveInfinity,
        Cauchy => 1,
        StudentT x => x.DegreesOfFreedom,
        _ => null,
    };

    /// <summary>How −ln q grows in that tail, or null when not known.</summary>
    private static Growth? GrowthOf(object q, int side) => q switch
    {
        Normal => new Growth(2),
        Laplace => new Growth(1),
        Exponential or Gamma => side > 0 ? new Growth(1) : null,
        Weibull x => side > 0 ? new Growth(x.Shape) : null,
        LogNormal or Pareto or Cauchy or StudentT => new Growth(0),
        _ => null,
    };
}
