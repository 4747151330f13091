using System.Globalization;
using Kullback.Numerics;
using MathNet.Numerics.Distributions;

namespace Kullback.Continuous;

/// <summary>
/// D(P‖Q) = ∫ p(x)·ln(p(x)/q(x)) dx by adaptive Gauss–Kronrod quadrature for any two densities (infinite supports,
/// poles at the ends, mass at 1e-300 or 1e304), and Σ for discrete distributions, with an honest error estimate and
/// a fixed evaluation budget. +∞, with the reason, when P has mass where Q has none or a tail makes the integral diverge.
/// </summary>
/// <remarks>
/// <para>Support reasoning comes first: if P's support reaches outside Q's, the value is +∞ and
/// <see cref="IntegralEstimate.InfiniteOn"/> names the interval ("P has mass on (−∞, 0), where Q = exponential(λ = 1)
/// has none"); for the MathNet families a tail where −ln q grows faster than P has moments (a Pareto of shape 2
/// against a normal) is also +∞. Otherwise the integrand p·g(ln p − ln q) + (q − p) ≥ 0, with g(L) = L − 1 + e^(−L),
/// is integrated in log space (densities that underflow or overflow as numbers are fine as logarithms), in the
/// coordinates of <c>DensityQuadrature</c>, plus Q's mass outside P's support.</para>
/// <para>Either the value comes with an error estimate below 1e-6 of it (usually 1e-13), or
/// <see cref="NotComputableException"/> says why it cannot: mass no double can reach (beta(1e-300, 1e-300), whose mass
/// lies below 1e-308 and within 1e-16 of 1), mass finer than the spacing of doubles (beta(1e300, 1e300)), a tail that does
/// not decay, or a budget of <see cref="EvaluationBudget"/> evaluations spent. It never returns NaN, and never ±∞ for a
/// finite value.</para>
/// </remarks>
public static class NumericalDivergence
{
    /// <summary>The target relative accuracy of the quadrature.</summary>
    public const double TargetRelativeError = DensityQuadrature.TargetRelativeError;

    /// <summary>At most this many integrand evaluations (each one log density of P and of Q) per quadrature.</summary>
    public const int EvaluationBudget = 200_000;

    /// <summary>An absolute error (nats) small enough to be returned whatever the value: 0 ± 1e-25 is an answer.</summary>
    public const double NegligibleError = 1e-20;

    private const double Ulp = 2.220446049250313e-16;

    /// <summary>The error estimate never claims better than this relative accuracy (that of the log densities themselves).</summary>
    public const double RelativeErrorFloor = 1e-12;

    /// <summary>At most this many outcomes per discrete sum.</summary>
    public const int SummationBudget = LatticeEntropy.SummationBudget;

    /// <summary>D(P‖Q) in nats for two continuous MathNet distributions.</summary>
    /// <exception cref="NotComputableException">The quadrature cannot resolve the value (see the remarks).</exception>
    public static IntegralEstimate KullbackLeibler(IContinuousDistribution p, IContinuousDistribution q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        return KullbackLeibler(Density.Of(p), Density.Of(q));
    }

    /// <summary>D(P‖Q) in nats for two densities given as functions.</summary>
    /// <exception cref="InvalidArgumentException">A support is empty or not an interval (lower ≥ upper, or NaN).</exception>
    /// <exception cref="NotComputableException">The quadrature cannot resolve the value (see the remarks).</exception>
    public static IntegralEstimate KullbackLeibler(Density p, Density q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        CheckSupport(p, nameof(p));
        CheckSupport(q, nameof(q));
        string pName = p.Name ?? "P", qName = q.Name ?? "Q";
        if (Same(p, q)) return new IntegralEstimate(0, 0);
        if (p.Lower < q.Lower)
        {
            var region = new SupportInterval(p.Lower, Math.Min(q.Lower, p.Upper), LowerClosed: true, UpperClosed: false);
            return Infinite($"P has mass on {region}, where Q = {qName} has none", region);
        }
        if (p.Upper > q.Upper)
        {
            var region = new SupportInterval(Math.Max(q.Upper, p.Lower), p.Upper, LowerClosed: false, UpperClosed: true);
            return Infinite($"P has mass on {region}, where Q = {qName} has none", region);
        }
        if (TailBehaviour.InfiniteBecause(p.Source, q.Source, p.Lower, p.Upper) is string tail)
            return Infinite(tail, null);

        bool reflect = p.LogDensityBelowUpper is not null && q.LogDensityBelowUpper is not null && p.Upper == q.Upper;
        double? zeroOfQ = null;
        Integrands Integrand(Node node)
        {
            bool fromUpper = reflect && !double.IsNaN(node.BelowUpper);
            if (fromUpper ? !(node.BelowUpper > 0) : !(node.X > p.Lower && node.X < p.Upper)) return default;   // an end: a single point
            double lp = fromUpper ? p.LogDensityBelowUpper!(node.BelowUpper) : p.LogDensity(node.X);
            double lq = fromUpper ? q.LogDensityBelowUpper!(node.BelowUpper) : q.LogDensity(node.X);
            if (double.IsNaN(lp)) throw NotANumber("P", pName, node.X);
            if (double.IsNaN(lq)) throw NotANumber("Q", qName, node.X);
            if (double.IsPositiveInfinity(lp) || double.IsPositiveInfinity(lq)) return default;   // a pole hit exactly
            double qMass = Math.Exp(lq + node.LogJacobian);
            if (double.IsNegativeInfinity(lp)) return new Integrands(qMass, 0, qMass, 0, 0);
            if (double.IsNegativeInfinity(lq))
            {
                zeroOfQ ??= node.X;
                throw new QZero();
            }
            double r = lp - lq, pMass = Math.Exp(lp + node.LogJacobian);
            // p·ln(p/q) − p + q = p·g(r) ≥ 0; where q ≫ p, q + p(r − 1) (e^(−r) would overflow).
            double f = r > -700 ? pMass * DivergenceTerms.G(r) : qMass + pMass * (r - 1);
            // ln p and ln q carry a few ulps each: r is known to ±δ, and p·g(r) to p·|1 − e^(−r)|·δ + q·(e^δ − 1 − δ)
            // (the Taylor remainder of g, with p·e^(−r) = q).
            double delta = 4 * Ulp * (Math.Abs(lp) + Math.Abs(lq) + 1);
            double slope = r > -700 ? pMass * Math.Abs(Elementary.ExpMinusOne(-r)) * delta : qMass * delta;
            double curvature = qMass == 0 ? 0 : qMass * Math.Min(delta * delta, Elementary.ExpMinusOne(Math.Min(delta, 700)) - delta);
            double noise = slope + curvature;
            return new Integrands(f, pMass, qMass, pMass * (Math.Abs(r) + 1), noise);
        }

        DensityQuadrature.Result result;
        bool cdfs = p.Cdf is not null && q.Cdf is not null;
        try
        {
            double[] kinks = q.Center is double c ? [c] : [];
            result = DensityQuadrature.Integrate(p, Integrand, EvaluationBudget, reflect, trackDifference: !cdfs, $"D(P‖Q) with Q = {qName}", kinks);
        }
        catch (QZero)
        {
            var point = new SupportInterval(zeroOfQ!.Value, zeroOfQ.Value, true, true);
            return Infinite(string.Create(CultureInfo.InvariantCulture, $"Q = {qName} has density 0 at x = {zeroOfQ.Value:R}, where P = {pName} has mass"), point);
        }

        // On the covered range R, ∫ p·ln(p/q) = ∫ p·g(r) + P(R) − Q(R). R covers both masses as far as doubles reach,
        // so P(R) − Q(R) = Q's mass outside R − P's is what lies beyond the double range, from the CDFs when both are
        // known (exact where the tails vanish), else 1 − ∫ q − (1 − ∫ p) over R.
        double outside, outsideError, main = result.Value.F;
        if (cdfs)
        {
            double lo = result.Lowest, hi = result.Highest;
            double qOut = q.Cdf!(lo) + (1 - q.Cdf(hi)), pOut = p.Cdf!(lo) + (1 - p.Cdf(hi));
            outside = double.IsFinite(qOut - pOut) ? qOut - pOut : result.Value.M - result.Value.D;
            outsideError = 2.3e-16 * (qOut + pOut);
            // A density whose normalising constant is off by ε (MathNet's ln Γ(1000) is, by 5e-13) inflates ∫ p·g(r) by
            // the factor 1 + ε = ∫ p over R: dividing by the found mass removes it to first order.
            main /= result.Value.M + result.UnresolvedMass;
        }
        else
        {
            outside = result.Value.M - result.Value.D;
            outsideError = result.ErrorD + result.ErrorM;
        }
        double value = Math.Max(0, main + outside);
        // Twice the quadrature's own estimate (QUADPACK's heuristic can fall short), the integrand's rounding noise, what
        // a mass off 1 by its error could change, and a floor of 1e-12 relative: log densities such as the log-normal's
        // at x = e^86 with σ = 0.01 carry more than a few ulps (ln x rounded, divided by σ), which no bound here sees.
        double error = 2 * result.ErrorF + result.Noise + outsideError + result.UnresolvedMass * (1 + value)
            + RelativeErrorFloor * (Math.Abs(main) + Math.Abs(outside)) + (cdfs ? result.ErrorM * Math.Abs(main) : 0);
        if (double.IsInfinity(value))
            throw new NotComputableException($"D(P‖Q) with P = {pName}, Q = {qName} is finite but exceeds the largest double.");
        if (error > DensityQuadrature.AcceptableRelativeError * value && error > NegligibleError)
            throw new NotComputableException(string.Create(CultureInfo.InvariantCulture,
                $"D(P‖Q) with P = {pName}, Q = {qName}: quadrature reached only {value:G6} ± {error:G2} within {result.Evaluations:N0} evaluations{(result.Noise > 0.1 * error ? " (ln p − ln q cancels: P and Q are too close for their log densities to tell apart)" : "")}."));
        return new IntegralEstimate(value, error) { Evaluations = result.Evaluations };
    }

    /// <summary>Differential entropy −∫ p ln p in nats by quadrature.</summary>
    /// <exception cref="NotComputableException">The quadrature cannot resolve the value.</exception>
    public static IntegralEstimate Entropy(IContinuousDistribution p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return Entropy(Density.Of(p));
    }

    /// <summary>Differential entropy −∫ p ln p in nats by quadrature, for a density given as a function.</summary>
    /// <exception cref="InvalidArgumentException">The support is empty or not an interval.</exception>
    /// <exception cref="NotComputableException">The quadrature cannot resolve the value.</exception>
    public static IntegralEstimate Entropy(Density p)
    {
        ArgumentNullException.ThrowIfNull(p);
        CheckSupport(p, nameof(p));
        string pName = p.Name ?? "P";
        bool reflect = p.LogDensityBelowUpper is not null;
        Integrands Integrand(Node node)
        {
            bool fromUpper = reflect && !double.IsNaN(node.BelowUpper);
            if (fromUpper ? !(node.BelowUpper > 0) : !(node.X > p.Lower && node.X < p.Upper)) return default;
            double lp = fromUpper ? p.LogDensityBelowUpper!(node.BelowUpper) : p.LogDensity(node.X);
            if (double.IsNaN(lp)) throw NotANumber("P", pName, node.X);
            if (!double.IsFinite(lp)) return default;
            double mass = Math.Exp(lp + node.LogJacobian);
            return new Integrands(-mass * lp, mass, 0, mass * (Math.Abs(lp) + 1), mass * 4 * Ulp * (Math.Abs(lp) + 1));
        }
        var result = DensityQuadrature.Integrate(p, Integrand, EvaluationBudget, reflect, trackDifference: false, "the entropy");
        // A normalising constant off by ε gives (1 + ε)h − ε(1 + ε): undone with the found mass 1 + ε.
        double mass = result.Value.M + result.UnresolvedMass;
        double value = result.Value.F / mass + (mass - 1);
        double error = 2 * result.ErrorF + result.Noise + result.UnresolvedMass * (1 + Math.Abs(value)) + RelativeErrorFloor * result.AbsoluteF;
        if (error > DensityQuadrature.AcceptableRelativeError * Math.Max(Math.Abs(value), result.AbsoluteF * 1e-3))
            throw new NotComputableException(string.Create(CultureInfo.InvariantCulture,
                $"The entropy of {pName}: quadrature reached only {value:G6} ± {error:G2} within {result.Evaluations:N0} evaluations."));
        return new IntegralEstimate(value, error) { Evaluations = result.Evaluations };
    }

    /// <summary>
    /// D(P‖Q) in nats for two discrete MathNet distributions on the integers, by summation of p·g(ln p − ln q) + (q − p) ≥ 0
    /// from P's mode outwards until the rest of the tail is below 1e-18 of the sum, plus Q's mass outside P's support;
    /// the binomial, Poisson, geometric and negative binomial use log-probabilities in saddle-point form (MathNet's lose
    /// digits for large parameters).
    /// </summary>
    /// <exception cref="NotComputableException">P's mass spreads over more than <see cref="SummationBudget"/> outcomes, or the sum does not account for all of it.</exception>
    public static IntegralEstimate KullbackLeibler(IDiscreteDistribution p, IDiscreteDistribution q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        string pName = FamilyParameters.Describe(p), qName = FamilyParameters.Describe(q);
        if (p.Minimum < q.Minimum)
        {
            var region = new SupportInterval(p.Minimum, Math.Min(q.Minimum - 1, p.Maximum), true, true);
            return Infinite($"P = {pName} has mass on k ∈ {region}, where Q = {qName} has none", region);
        }
        if (p.Maximum > q.Maximum)
        {
            var region = new SupportInterval(Math.Max(q.Maximum + 1, p.Minimum), p.Maximum, true, true);
            return Infinite($"P = {pName} has mass on k ∈ {region}, where Q = {qName} has none", region);
        }
        double mean = SafeMean(p);
        if (!(Math.Abs(mean) < 1e9))
            throw new NotComputableException(string.Create(CultureInfo.InvariantCulture,
                $"D(P‖Q) with P = {pName}: P's mass lies near k = {mean:G4}, beyond the outcomes a sum can reach; use the closed form where one exists."));
        var logP = LogProbability(p);
        var logQ = LogProbability(q);
        int mode = Math.Clamp(SafeMode(p), p.Minimum, p.Maximum);
        var sum = new NeumaierSum();
        var mass = new NeumaierSum();
        var qMass = new NeumaierSum();
        int count = 0;
        for (int direction = 0; direction < 2; direction++)
        {
            long k = direction == 0 ? mode : (long)mode - 1;
            int step = direction == 0 ? 1 : -1;
            double previous = double.PositiveInfinity;
            for (; k >= p.Minimum && k <= p.Maximum; k += step)
            {
                if (++count > SummationBudget)
                    throw new NotComputableException(string.Create(CultureInfo.InvariantCulture,
                        $"D(P‖Q) with P = {pName}: P's mass spreads over more than {SummationBudget:N0} outcomes, beyond the summation budget."));
                double lp = logP((int)k);
                if (double.IsNaN(lp)) throw NotANumber("P", pName, k);
                if (double.IsNegativeInfinity(lp)) { if (k != mode) break; continue; }
                double lq = logQ((int)k);
                if (double.IsNaN(lq)) throw NotANumber("Q", qName, k);
                if (double.IsNegativeInfinity(lq))
                {
                    var point = new SupportInterval(k, k, true, true);
                    return Infinite(string.Create(CultureInfo.InvariantCulture, $"Q = {qName} gives probability 0 to k = {k}, where P = {pName} has mass"), point);
                }
                double pk = Math.Exp(lp), qk = Math.Exp(lq), r = lp - lq;
                double term = r > -700 ? pk * DivergenceTerms.G(r) : qk + pk * (r - 1);
                sum.Add(term);
                mass.Add(pk);
                qMass.Add(qk);
                double ratio = Math.Exp(lp - previous);
                previous = lp;
                if (ratio < 1 && term / (1 - ratio) <= 1e-18 * sum.Total && pk / (1 - ratio) <= 1e-18) break;
            }
        }
        double foundMass = mass.Total;
        if (!(Math.Abs(foundMass - 1) <= 1e-9))
            throw new NotComputableException(string.Create(CultureInfo.InvariantCulture,
                $"D(P‖Q) with P = {pName}: the sum found {foundMass:G6} of P's mass instead of 1, so the value cannot be trusted."));
        double outside = OutsideMass(q, p.Minimum, p.Maximum, qMass.Total);
        double value = Math.Max(0, sum.Total + outside);
        double error = count * 1e-16 * value + Math.Abs(foundMass - 1) * (1 + value);
        if (sum.Total == 0 && outside == 0) error = 0;
        return new IntegralEstimate(value, error) { Evaluations = count };
    }

    /// <summary>Q's mass outside [lower, upper]: from its CDF when P's support is a proper part of Q's.</summary>
    private static double OutsideMass(IDiscreteDistribution q, int lower, int upper, double summed)
    {
        if (lower <= q.Minimum && upper >= q.Maximum) return 0;
        double below = lower > q.Minimum ? q.CumulativeDistribution(lower - 1) : 0;
        double above = upper < q.Maximum ? 1 - q.CumulativeDistribution(upper) : 0;
        double outside = below + above;
        return double.IsFinite(outside) ? Math.Max(0, outside) : Math.Max(0, 1 - summed);
    }

    /// <summary>ln P(k), in saddle-point form for the families where MathNet's form cancels.</summary>
    private static Func<int, double> LogProbability(IDiscreteDistribution d) => d switch
    {
        Poisson x => k => k < 0 ? double.NegativeInfinity : LatticeEntropy.PoissonLog(x.Lambda, k),
        Binomial x => k => LatticeEntropy.BinomialLog(x.N, x.P, k),
        NegativeBinomial x => k => LatticeEntropy.NegativeBinomialLog(x.R, x.P, k),
        Geometric x => k => k < 1 ? double.NegativeInfinity : x.P == 1 ? (k == 1 ? 0 : double.NegativeInfinity) : (k - 1) * Elementary.LogOnePlus(-x.P) + Math.Log(x.P),
        _ => d.ProbabilityLn,
    };

    private static double SafeMean(IDiscreteDistribution d)
    {
        try { return d.Mean; }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidOperationException) { return double.NaN; }
    }

    private static int SafeMode(IDiscreteDistribution d)
    {
        try { return d.Mode; }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidOperationException) { return d.Minimum; }
    }

    private static void CheckSupport(Density d, string name)
    {
        if (!(d.Lower < d.Upper))
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{(name == "p" ? "P" : "Q")}'s support [{d.Lower:R}, {d.Upper:R}] is empty or not an interval: a density needs lower < upper."), name);
    }

    /// <summary>The same density: one object, or MathNet distributions of one family with the same parameters.</summary>
    private static bool Same(Density p, Density q) =>
        ReferenceEquals(p, q) || ReferenceEquals(p.LogDensity, q.LogDensity)
        || (p.Source is { } a && q.Source is { } b && a.GetType() == b.GetType() && FamilyParameters.Describe(a) == FamilyParameters.Describe(b)
            && FamilyParameters.Describe(a) != a.GetType().Name);

    private static IntegralEstimate Infinite(string because, SupportInterval? region) =>
        new(double.PositiveInfinity, 0) { InfiniteBecause = because, InfiniteOn = region };

    private static NotComputableException NotANumber(string role, string name, double x) =>
        new(string.Create(CultureInfo.InvariantCulture, $"the log density of {role} = {name} is NaN at x = {x:R}: the integrand cannot be evaluated there."));

    /// <summary>Signals, from inside the integrand, that Q has density 0 where P has mass.</summary>
    private sealed class QZero : Exception;
}
