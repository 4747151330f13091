using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;
using Kullback.Numerics;

namespace Kullback.Continuous;

/// <summary>
/// D(P‖Q) = ∫ p(x)·ln(p(x)/q(x)) dx by adaptive Gauss–Kronrod quadrature (MathNet.Numerics), for any two densities,
/// including infinite supports; Σ for discrete distributions. +∞ when P has mass where Q has none.
/// </summary>
public static class NumericalDivergence
{
    /// <summary>The target relative accuracy of the quadrature.</summary>
    public const double TargetRelativeError = 1e-12;

    /// <summary>D(P‖Q) in nats for two continuous MathNet distributions.</summary>
    public static IntegralEstimate KullbackLeibler(IContinuousDistribution p, IContinuousDistribution q) =>
        KullbackLeibler(Density.Of(p), Density.Of(q), Splits(p, q));

    /// <summary>D(P‖Q) in nats for two densities given as functions.</summary>
    /// <exception cref="ArgumentException">A support is empty or not an interval (lower ≥ upper).</exception>
    public static IntegralEstimate KullbackLeibler(Density p, Density q) => KullbackLeibler(p, q, []);

    private static IntegralEstimate KullbackLeibler(Density p, Density q, IEnumerable<double> splits)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        if (!(p.Lower < p.Upper)) throw new InvalidArgumentException($"P's support [{p.Lower}, {p.Upper}] is empty.", nameof(p));
        if (!(q.Lower < q.Upper)) throw new InvalidArgumentException($"Q's support [{q.Lower}, {q.Upper}] is empty.", nameof(q));
        if (p.Lower < q.Lower || p.Upper > q.Upper) return new IntegralEstimate(double.PositiveInfinity, 0);

        bool qMissing = false;
        double Integrand(double x)
        {
            // The ends of a support can be poles of the density (ln p = +∞ at exactly 0): a single point, worth nothing.
            if (x <= p.Lower || x >= p.Upper) return 0;
            double lp = p.LogDensity(x);
            if (!double.IsFinite(lp)) return 0;
            double lq = q.LogDensity(x);
            if (double.IsNegativeInfinity(lq)) { qMissing = true; return 0; }
            if (double.IsPositiveInfinity(lq)) return 0;
            return Math.Exp(lp) * (lp - lq);
        }
        var (value, error) = IntegrateOverPieces(Integrand, p.Lower, p.Upper, splits);
        if (qMissing) return new IntegralEstimate(double.PositiveInfinity, 0);
        return new IntegralEstimate(Math.Max(0, value), error);
    }

    /// <summary>Differential entropy −∫ p ln p in nats by quadrature.</summary>
    public static IntegralEstimate Entropy(IContinuousDistribution p)
    {
        double Integrand(double x)
        {
            if (x <= p.Minimum || x >= p.Maximum) return 0;
            double lp = p.DensityLn(x);
            return double.IsFinite(lp) ? -Math.Exp(lp) * lp : 0;
        }
        var (value, error) = IntegrateOverPieces(Integrand, p.Minimum, p.Maximum, Splits(p, p));
        return new IntegralEstimate(value, error);
    }

    /// <summary>D(P‖Q) in nats for two discrete MathNet distributions on the integers, by summation with the tail bounded.</summary>
    public static IntegralEstimate KullbackLeibler(IDiscreteDistribution p, IDiscreteDistribution q)
    {
        var (lo, hi) = MassRange(p);
        int n = hi - lo + 1;
        var pk = new double[n + 1];
        var qk = new double[n + 1];
        var logTerms = new NeumaierSum();
        var inside = new NeumaierSum();
        bool underflow = false;
        for (int i = 0; i < n; i++)
        {
            double lp = p.ProbabilityLn(lo + i), lq = q.ProbabilityLn(lo + i);
            if (double.IsNegativeInfinity(lp)) continue;
            if (double.IsNegativeInfinity(lq)) return new IntegralEstimate(double.PositiveInfinity, 0);
            pk[i] = Math.Exp(lp);
            qk[i] = Math.Exp(lq);
            underflow |= qk[i] == 0 && pk[i] > 0;
            logTerms.Add(pk[i] * (lp - lq));
            inside.Add(qk[i]);
        }
        double pTail = Math.Max(0, 1 - pk.Sum());
        if (underflow)
            return new IntegralEstimate(Math.Max(0, logTerms.Total), pTail * (1 + Math.Abs(logTerms.Total)) + 1e-15 * Math.Abs(logTerms.Total));
        // Q's mass beyond the range is one more outcome, where P has (almost) none: the exact discrete KL does the rest.
        qk[n] = Math.Max(0, 1 - inside.Total);
        double value = Measures.KullbackLeibler(pk, qk);
        return new IntegralEstimate(value, pTail * (1 + Math.Abs(value)) + 1e-16 * value);
    }

    /// <summary>The range of k holding all of a discrete distribution's mass but what is beyond 1e-20 per outcome in its tail.</summary>
    private static (int Low, int High) MassRange(IDiscreteDistribution d)
    {
        int lo = d.Minimum, hi = d.Maximum;
        if ((long)hi - lo < 1_000_000) return (lo, hi);
        int k = lo;
        while (k - lo < 10_000_000 && !(k > d.Mean && d.Probability(k) < 1e-20)) k++;
        return (lo, k);
    }

    /// <summary>Shannon entropy of a discrete distribution on the integers, summed over all but a negligible tail.</summary>
    internal static double Entropy(IDiscreteDistribution d)
    {
        var (lo, hi) = MassRange(d);
        return Measures.Entropy(Enumerable.Range(lo, hi - lo + 1).Select(d.Probability).ToArray());
    }

    /// <summary>Points where the integrand has structure (modes, means), so each piece is smooth.</summary>
    private static IEnumerable<double> Splits(IContinuousDistribution p, IContinuousDistribution q)
    {
        foreach (var d in new[] { p, q })
        {
            double mode = SafeGet(() => d.Mode), mean = SafeGet(() => d.Mean), sd = SafeGet(() => d.StdDev);
            yield return mode;
            yield return mean;
            if (double.IsFinite(sd)) { yield return mean - 4 * sd; yield return mean + 4 * sd; }
        }
    }

    private static double SafeGet(Func<double> get)
    {
        try { return get(); }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidOperationException) { return double.NaN; }
    }

    private static (double Value, double Error) IntegrateOverPieces(Func<double, double> f, double a, double b, IEnumerable<double> splits)
    {
        var cuts = splits.Where(x => double.IsFinite(x) && x > a && x < b).Distinct().Order().ToList();
        if (cuts.Count == 0 && double.IsFinite(a) && double.IsFinite(b)) cuts.Add(a + (b - a) / 2);
        var edges = new List<double> { a };
        edges.AddRange(cuts);
        edges.Add(b);
        var total = new NeumaierSum();
        double error = 0;
        for (int i = 0; i + 1 < edges.Count; i++)
        {
            double lo = edges[i], hi = edges[i + 1];
            if (!(hi > lo)) continue;
            Func<double, double> g;
            double from, to;
            if (i == 0 && double.IsFinite(a))
            {
                // x = a + e^(−s): an integrable singularity (x − a)^(α−1) at the end becomes the decaying e^(−αs).
                g = s => { double h = Math.Exp(-s); return f(a + h) * h; };
                (from, to) = (-Math.Log(hi - a), double.PositiveInfinity);
            }
            else if (i + 2 == edges.Count && double.IsFinite(b))
            {
                g = s => { double h = Math.Exp(-s); return f(b - h) * h; };
                (from, to) = (-Math.Log(b - lo), double.PositiveInfinity);
            }
            else
            {
                (g, from, to) = (f, lo, hi);
            }
            total.Add(GaussKronrodRule.Integrate(g, from, to, out double e, out _, TargetRelativeError, 25, 61));
            error += Math.Abs(e);
        }
        return (total.Total, error);
    }
}
