using Kullback.Continuous;
using Kullback.Numerics;
using MathNet.Numerics.Integration;

namespace Kullback.Estimation;

/// <summary>
/// The Nemenman–Shafee–Bialek posterior of the entropy: a mixture over the concentration β of symmetric Dirichlet
/// priors Dir(β, …, β) on K outcomes, weighted by p(β) ∝ dξ/dβ = K ψ₁(Kβ + 1) − ψ₁(β + 1) (so that the prior on
/// H is flat, ξ(β) = E[H | β] = ψ(Kβ + 1) − ψ(β + 1)), times the Dirichlet-multinomial evidence
/// p(n | β) ∝ Γ(Kβ)/Γ(N + Kβ) · Πᵢ Γ(nᵢ + β)/Γ(β).
/// </summary>
/// <remarks>
/// The posterior mean is ∫ E[H | n, β] w(β) dβ / ∫ w(β) dβ with E[H | n, β] = ψ(ν + 1) − Σᵢ (aᵢ/ν) ψ(aᵢ + 1),
/// aᵢ = nᵢ + β, ν = N + Kβ (Wolpert and Wolf 1995), and the second moment likewise with E[H² | n, β] (their eq. for
/// the variance, as in Archer, Park and Pillow 2013 eq. 13). The integrals run over t = ln β with composite Gauss–Legendre
/// (MathNet's rule: on each side of the posterior mode 6 panels of 10 points, each twice as wide as the one before), cut where the weight falls below e⁻⁵⁰ of its peak. The sums run
/// over the distinct counts (with their multiplicities), so the cost grows with the number of distinct count values.
/// References: I. Nemenman, F. Shafee, W. Bialek, "Entropy and inference, revisited", NIPS 14 (2002); I. Nemenman,
/// "Coincidences and estimation of entropies of random variables with large cardinalities", Entropy 13 (2011).
/// </remarks>
internal sealed class NsbPosterior
{
    /// <summary>Where the weight is cut, relative to its peak (e⁻⁵⁰ ≈ 2e-22).</summary>
    private const double LogCut = 50;

    /// <summary>Gauss–Legendre panels on each side of the mode, widths in the ratio 1 : 2 : 4 : …: fine at the peak, wide in the tail.</summary>
    private const int Panels = 6;

    /// <summary>The points of each panel's rule.</summary>
    private const int Order = 10;

    private static readonly GaussLegendreRule Rule = new(-1, 1, Order);

    private readonly double[] _values;       // distinct counts v_j, including 0 when some categories are unseen
    private readonly double[] _multiplicity; // z_j: how many categories have count v_j
    private readonly double _n;
    private readonly double _k;

    private NsbPosterior(double[] values, double[] multiplicity, double n, double k)
    {
        _values = values;
        _multiplicity = multiplicity;
        _n = n;
        _k = k;
    }

    /// <summary>The posterior mean and standard deviation of H in nats, for counts summing to <paramref name="total"/> over <paramref name="categories"/> possible outcomes.</summary>
    /// <exception cref="NotComputableException">The integrals could not be resolved (non-finite weights).</exception>
    public static (double Mean, double StandardDeviation) Compute(ReadOnlySpan<long> counts, long total, int categories)
    {
        if (categories == 1) return (0, 0);
        var posterior = Create(counts, total, categories);
        return posterior.Integrate();
    }

    private static NsbPosterior Create(ReadOnlySpan<long> counts, long total, int categories)
    {
        long[] sorted = counts.ToArray();
        Array.Sort(sorted);
        var values = new List<double>();
        var multiplicity = new List<double>();
        int seen = 0;
        for (int i = 0; i < sorted.Length;)
        {
            int j = i;
            while (j < sorted.Length && sorted[j] == sorted[i]) j++;
            if (sorted[i] > 0)
            {
                values.Add(sorted[i]);
                multiplicity.Add(j - i);
                seen += j - i;
            }
            i = j;
        }
        int unseen = categories - seen;
        if (unseen > 0)
        {
            values.Insert(0, 0);
            multiplicity.Insert(0, unseen);
        }
        return new NsbPosterior([.. values], [.. multiplicity], total, categories);
    }

    /// <summary>ln of the posterior weight of t = ln β (the Jacobian β included), up to a constant.</summary>
    private double LogWeight(double t)
    {
        double beta = Math.Exp(t);
        double evidence = -GammaFunctions.LogRising(_k * beta, _n);
        for (int j = 0; j < _values.Length; j++)
            if (_values[j] > 0) evidence += _multiplicity[j] * GammaFunctions.LogRising(beta, _values[j]);
        return Math.Log(Prior(beta)) + evidence + t;
    }

    /// <summary>dξ/dβ = K ψ₁(Kβ + 1) − ψ₁(β + 1); for β ≥ 20 from the difference of the asymptotic series, which cancels nothing.</summary>
    private double Prior(double beta)
    {
        if (beta < 20) return _k * GammaFunctions.Trigamma(_k * beta + 1) - GammaFunctions.Trigamma(beta + 1);
        // ψ₁(x + 1) = 1/x − 1/(2x²) + Σ B₂ₖ/x^(2k+1): K ψ₁(Kβ + 1) − ψ₁(β + 1) = (1 − 1/K)/(2β²) + Σ B₂ₖ (K^(−2k) − 1)/β^(2k+1).
        ReadOnlySpan<double> bernoulli = [1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6];
        double inverse = 1 / beta, inverseK2 = 1 / (_k * _k), power = inverse * inverse * inverse, kPower = inverseK2;
        double sum = 0.5 * inverse * inverse * (1 - 1 / _k);
        foreach (double b in bernoulli)
        {
            sum += b * (kPower - 1) * power;
            power *= inverse * inverse;
            kPower *= inverseK2;
        }
        return sum;
    }

    /// <summary>ψ(y) − ψ(x) for y ≥ x &gt; 0 given y − x: ln(1 + (y − x)/x) − 1/(2y) + 1/(2x) + T(x) − T(y), as ψ = ln − 1/(2·) − T.</summary>
    private static double DigammaDifference(double x, double y, double difference) =>
        Elementary.LogOnePlus(difference / x) + (0.5 / x - 0.5 / y) + (StirlingSeries.T(x) - StirlingSeries.T(y));

    /// <summary>E[H | n, β] and E[H² | n, β].</summary>
    private (double Mean, double SecondMoment) Moments(double beta)
    {
        double kappa = _k * beta, nu = _n + kappa;
        double mean = 0;
        // φⱼ = ψ(aⱼ + 1) − ψ(ν + 2); c = ψ₁(ν + 2).
        double c = GammaFunctions.Trigamma(nu + 2);
        double s1 = 0, diagonal = 0;
        for (int j = 0; j < _values.Length; j++)
        {
            double a = _values[j] + beta, z = _multiplicity[j];
            double gap = (_n - _values[j]) + (kappa - beta);   // ν − aⱼ, formed from its exact parts
            double toNuPlusOne = DigammaDifference(a + 1, nu + 1, gap);
            mean += z * (a / nu) * toNuPlusOne;
            double phi = -(toNuPlusOne + 1 / (nu + 1));
            s1 += z * a * phi;
            double shifted = phi + 1 / (a + 1);
            diagonal += z * (a * (a + 1) * (shifted * shifted + GammaFunctions.Trigamma(a + 2) - c) - a * a * (phi * phi - c));
        }
        double second = (s1 * s1 - c * nu * nu + diagonal) / (nu * (nu + 1));
        return (mean, second);
    }

    private (double Mean, double StandardDeviation) Integrate()
    {
        // The mode of the weight in t: a grid, then golden-section refinement.
        double bestT = 0, best = double.NegativeInfinity;
        for (double t = -35; t <= 35; t += 1)
        {
            double w = LogWeight(t);
            if (w > best) { best = w; bestT = t; }
        }
        if (!double.IsFinite(best))
            throw new NotComputableException("The NSB posterior weight is not finite anywhere: the counts are too large for the integral.");
        double mode = GoldenSectionMaximum(LogWeight, bestT - 1, bestT + 1);
        double peak = Math.Max(LogWeight(mode), best);
        double lower = Edge(mode, peak, -1), upper = Edge(mode, peak, +1);

        var (norm, first, second) = Quadrature(lower, mode, upper, peak);
        if (!(norm > 0) || !double.IsFinite(first) || !double.IsFinite(second))
            throw new NotComputableException("The NSB posterior integrals did not resolve to finite numbers.");
        double mean = Math.Clamp(first / norm, 0, Math.Log(_k));
        double variance = second / norm - mean * mean;
        return (mean, Math.Sqrt(Math.Max(0, variance)));
    }

    /// <summary>Where the weight falls e⁵⁰ below its peak, stepping out from the mode (t stays in [−80, 80]).</summary>
    private double Edge(double mode, double peak, int direction)
    {
        double step = 0.25, t = mode;
        while (Math.Abs(t) < 80)
        {
            t = mode + direction * step;
            if (LogWeight(t) < peak - LogCut) break;
            step *= 1.5;
        }
        return Math.Clamp(t, -80, 80);
    }

    /// <summary>
    /// ∫ w, ∫ w·E[H | β] and ∫ w·E[H² | β] over t, in one pass: on each side of the mode, <see cref="Panels"/> panels of
    /// the <see cref="Order"/>-point Gauss–Legendre rule (MathNet's abscissas and weights), so each point's weight and moments
    /// are computed once. The integrands are smooth and, cut at e⁻⁵⁰, bounded: the rule resolves them to the rounding of
    /// the weight itself (the golden cases agree with mpmath's adaptive quadrature to 1e-10 relative or better).
    /// </summary>
    private (double Norm, double First, double Second) Quadrature(double lower, double mode, double upper, double peak)
    {
        double norm = 0, first = 0, second = 0;
        foreach (var (length, direction) in new[] { (mode - lower, -1.0), (upper - mode, 1.0) })
        {
            // Panel j spans distances L·(2ʲ − 1)/(2ᴾ − 1) to L·(2ʲ⁺¹ − 1)/(2ᴾ − 1) from the mode: fine at the peak, wide in the tail.
            double unit = length / ((1 << Panels) - 1);
            for (int panel = 0; panel < Panels; panel++)
            {
                double near = unit * ((1 << panel) - 1), far = unit * ((1 << (panel + 1)) - 1);
                double centre = mode + direction * 0.5 * (near + far), half = 0.5 * (far - near);
                for (int i = 0; i < Rule.Abscissas.Length; i++)
                {
                    double t = centre + half * Rule.Abscissas[i];
                    double w = half * Rule.Weights[i] * Math.Exp(LogWeight(t) - peak);
                    if (w == 0) continue;
                    var (mean, secondMoment) = Moments(Math.Exp(t));
                    norm += w;
                    first += w * mean;
                    second += w * secondMoment;
                }
            }
        }
        return (norm, first, second);
    }

    private static double GoldenSectionMaximum(Func<double, double> f, double a, double b)
    {
        const double InverseGolden = 0.6180339887498949;
        double c = b - InverseGolden * (b - a), d = a + InverseGolden * (b - a);
        double fc = f(c), fd = f(d);
        while (b - a > 1e-7)
        {
            if (fc > fd) { b = d; d = c; fd = fc; c = b - InverseGolden * (b - a); fc = f(c); }
            else { a = c; c = d; fc = fd; d = a + InverseGolden * (b - a); fd = f(d); }
        }
        return 0.5 * (a + b);
    }
}
