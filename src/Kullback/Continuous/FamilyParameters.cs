using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Kullback.Continuous;

/// <summary>
/// The parameter checks of the closed forms (MathNet accepts σ = 0, rates of 0 or +∞ and infinite means, which are
/// point masses or no distribution at all), and culture-invariant descriptions of distributions for messages.
/// </summary>
internal static class FamilyParameters
{
    /// <summary>Throws unless <paramref name="value"/> is finite and &gt; 0.</summary>
    public static double Positive(double value, string symbol, string family, string role) =>
        double.IsFinite(value) && value > 0 ? value
        : throw new InvalidArgumentException($"{role}'s {symbol} = {Format(value)} is not valid: the {family} needs a finite {symbol} > 0.", role.ToLowerInvariant());

    /// <summary>Throws unless <paramref name="value"/> is finite.</summary>
    public static double Finite(double value, string symbol, string family, string role) =>
        double.IsFinite(value) ? value
        : throw new InvalidArgumentException($"{role}'s {symbol} = {Format(value)} is not valid: the {family} needs a finite {symbol}.", role.ToLowerInvariant());

    /// <summary>Throws unless <paramref name="value"/> lies in [0, 1] (or (0, 1] when <paramref name="allowZero"/> is false).</summary>
    public static double Probability(double value, string symbol, string family, string role, bool allowZero) =>
        (allowZero ? value >= 0 : value > 0) && value <= 1 ? value
        : throw new InvalidArgumentException(
            $"{role}'s {symbol} = {Format(value)} is not valid: the {family} needs {symbol} in {(allowZero ? "[0, 1]" : "(0, 1]")}.", role.ToLowerInvariant());

    /// <summary>The validated (μ, σ) of a normal.</summary>
    public static (double Mean, double Sigma) Of(Normal d, string role) =>
        (Finite(d.Mean, "μ", "normal", role), Positive(d.StdDev, "σ", "normal", role));

    /// <summary>The validated (μ, σ) of a log-normal (of ln X).</summary>
    public static (double Mu, double Sigma) Of(LogNormal d, string role) =>
        (Finite(d.Mu, "μ", "log-normal", role), Positive(d.Sigma, "σ", "log-normal", role));

    /// <summary>The validated rate λ of an exponential.</summary>
    public static double Of(Exponential d, string role) => Positive(d.Rate, "rate λ", "exponential", role);

    /// <summary>The validated (shape k, rate θ) of a gamma.</summary>
    public static (double Shape, double Rate) Of(Gamma d, string role) =>
        (Positive(d.Shape, "shape k", "gamma", role), Positive(d.Rate, "rate θ", "gamma", role));

    /// <summary>The validated (a, b) of a beta.</summary>
    public static (double A, double B) Of(Beta d, string role) =>
        (Positive(d.A, "a", "beta", role), Positive(d.B, "b", "beta", role));

    /// <summary>The validated (μ, b) of a Laplace.</summary>
    public static (double Location, double Scale) Of(Laplace d, string role) =>
        (Finite(d.Location, "μ", "Laplace", role), Positive(d.Scale, "scale b", "Laplace", role));

    /// <summary>The validated bounds of a continuous uniform.</summary>
    public static (double Lower, double Upper) Of(ContinuousUniform d, string role)
    {
        double a = Finite(d.LowerBound, "lower bound", "uniform", role), b = Finite(d.UpperBound, "upper bound", "uniform", role);
        return a < b ? (a, b)
            : throw new InvalidArgumentException($"{role}'s bounds [{Format(a)}, {Format(b)}] are not valid: the uniform needs lower < upper.", role.ToLowerInvariant());
    }

    /// <summary>The validated (scale xₘ, shape α) of a Pareto.</summary>
    public static (double Scale, double Shape) Of(Pareto d, string role) =>
        (Positive(d.Scale, "scale xₘ", "Pareto", role), Positive(d.Shape, "shape α", "Pareto", role));

    /// <summary>The validated λ of a Poisson.</summary>
    public static double Of(Poisson d, string role) => Positive(d.Lambda, "λ", "Poisson", role);

    /// <summary>The validated (n, p) of a binomial.</summary>
    public static (int N, double P) Of(Binomial d, string role) =>
        (d.N >= 0 ? d.N : throw new InvalidArgumentException($"{role}'s n = {d.N} is not valid: the binomial needs n ≥ 0.", role.ToLowerInvariant()),
         Probability(d.P, "p", "binomial", role, allowZero: true));

    /// <summary>The validated success probability of a geometric.</summary>
    public static double Of(Geometric d, string role) => Probability(d.P, "p", "geometric", role, allowZero: false);

    /// <summary>The validated (r, p) of a negative binomial.</summary>
    public static (double R, double P) Of(NegativeBinomial d, string role) =>
        (Positive(d.R, "r", "negative binomial", role), Probability(d.P, "p", "negative binomial", role, allowZero: false));

    /// <summary>A distribution as <c>normal(μ = 0, σ = 1)</c>, culture-invariant, for messages.</summary>
    public static string Describe(object? distribution) => distribution switch
    {
        Normal d => $"normal(μ = {Format(d.Mean)}, σ = {Format(d.StdDev)})",
        LogNormal d => $"lognormal(μ = {Format(d.Mu)}, σ = {Format(d.Sigma)})",
        Exponential d => $"exponential(λ = {Format(d.Rate)})",
        Gamma d => $"gamma(k = {Format(d.Shape)}, θ = {Format(d.Rate)})",
        Beta d => $"beta(a = {Format(d.A)}, b = {Format(d.B)})",
        Laplace d => $"laplace(μ = {Format(d.Location)}, b = {Format(d.Scale)})",
        ContinuousUniform d => $"uniform({Format(d.LowerBound)}, {Format(d.UpperBound)})",
        Pareto d => $"pareto(xₘ = {Format(d.Scale)}, α = {Format(d.Shape)})",
        Poisson d => $"poisson(λ = {Format(d.Lambda)})",
        ZeroRatePoisson => "poisson(λ = 0)",
        Binomial d => $"binomial(n = {d.N}, p = {Format(d.P)})",
        Geometric d => $"geometric(p = {Format(d.P)})",
        NegativeBinomial d => $"negative binomial(r = {Format(d.R)}, p = {Format(d.P)})",
        null => "the distribution",
        _ => distribution.GetType().Name,
    };

    /// <summary>Round-trip, culture-invariant.</summary>
    public static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
