using Kullback.Numerics;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Kullback.Continuous;

/// <summary>
/// Entropy in nats: differential entropy h = −∫ p ln p for continuous families (may be negative), Shannon entropy
/// for the discrete ones. Tested against numerical integration or summation.
/// </summary>
public static class ClosedFormEntropy
{
    /// <summary>Normal: ½ ln(2πe σ²).</summary>
    public static double Of(Normal d) => 0.5 * Math.Log(2 * Math.PI * Math.E * d.StdDev * d.StdDev);

    /// <summary>Log-normal: μ + ½ ln(2πe σ²).</summary>
    public static double Of(LogNormal d) => d.Mu + 0.5 * Math.Log(2 * Math.PI * Math.E * d.Sigma * d.Sigma);

    /// <summary>Exponential with rate λ: 1 − ln λ.</summary>
    public static double Of(Exponential d) => 1 - Math.Log(d.Rate);

    /// <summary>Gamma with shape k and rate θ: k − ln θ + ln Γ(k) + (1 − k)ψ(k).</summary>
    public static double Of(Gamma d) => d.Shape - Math.Log(d.Rate) + SpecialFunctions.GammaLn(d.Shape) + (1 - d.Shape) * SpecialFunctions.DiGamma(d.Shape);

    /// <summary>Beta: ln B(a, b) − (a − 1)ψ(a) − (b − 1)ψ(b) + (a + b − 2)ψ(a + b).</summary>
    public static double Of(Beta d) =>
        SpecialFunctions.BetaLn(d.A, d.B) - (d.A - 1) * SpecialFunctions.DiGamma(d.A) - (d.B - 1) * SpecialFunctions.DiGamma(d.B)
        + (d.A + d.B - 2) * SpecialFunctions.DiGamma(d.A + d.B);

    /// <summary>Laplace with scale b: 1 + ln(2b).</summary>
    public static double Of(Laplace d) => 1 + Math.Log(2 * d.Scale);

    /// <summary>Uniform on [a, b]: ln(b − a).</summary>
    public static double Of(ContinuousUniform d) => Math.Log(d.UpperBound - d.LowerBound);

    /// <summary>Geometric with success probability p: (−(1 − p) ln(1 − p) − p ln p)/p.</summary>
    public static double Of(Geometric d) => d.P == 1 ? 0 : (-(1 - d.P) * Elementary.LogOnePlus(-d.P) - d.P * Math.Log(d.P)) / d.P;

    /// <summary>Binomial: −Σ Q(k) ln Q(k) over k = 0…n, exactly (no closed form exists).</summary>
    public static double Of(Binomial d) =>
        Measures.Entropy(Enumerable.Range(0, d.N + 1).Select(k => Binomial.PMF(d.P, d.N, k)).ToArray());

    /// <summary>Poisson: −Σ Q(k) ln Q(k), summed over all but a negligible tail (no closed form exists).</summary>
    public static double Of(Poisson d) => NumericalDivergence.Entropy(d);

    /// <summary>Negative binomial: −Σ Q(k) ln Q(k), summed over all but a negligible tail (no closed form exists); with r = 1, the geometric of failures.</summary>
    public static double Of(NegativeBinomial d) => d.R == 1 ? Of(new Geometric(d.P)) : NumericalDivergence.Entropy(d);

    /// <summary>The entropy of any of the families above, or null for another distribution.</summary>
    public static double? TryOf(IUnivariateDistribution d) => d switch
    {
        Normal x => Of(x),
        LogNormal x => Of(x),
        Exponential x => Of(x),
        Gamma x => Of(x),
        Beta x => Of(x),
        Laplace x => Of(x),
        ContinuousUniform x => Of(x),
        Geometric x => Of(x),
        Binomial x => Of(x),
        Poisson x => Of(x),
        NegativeBinomial x => Of(x),
        _ => null,
    };
}
