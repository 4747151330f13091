using System.Globalization;
using Kullback.Numerics;

namespace Kullback.Continuous;

/// <summary>Where the quadrature evaluates: x, its distance below the support's upper end when known exactly, and ln dx/dτ.</summary>
/// <param name="X">The point.</param>
/// <param name="BelowUpper">b − x computed without rounding (the ray from the upper end), else NaN.</param>
/// <param name="LogJacobian">ln |dx/dτ|.</param>
internal readonly record struct Node(double X, double BelowUpper, double LogJacobian);

/// <summary>
/// Integrals over a density's support in coordinates where its mass is of unit size: x = c + s·τ on the whole line,
/// x = a + e^τ or x = b − e^τ from a finite end (so mass at 1e-300 or at 1e304 is a few units of τ away, and an
/// integrable pole at the end becomes a decaying exponential). From the centre, pieces of width h, 2h, 4h, … are laid
/// towards each end until they no longer matter or the end of the double range is reached; then the piece with the
/// largest error is bisected (global adaptive Gauss–Kronrod 7/15) until the error is below the target or the
/// evaluation budget is spent. P's mass is integrated alongside, and must come to 1.
/// </summary>
internal sealed class DensityQuadrature
{
    /// <summary>The target relative error of the integral.</summary>
    public const double TargetRelativeError = 1e-13;

    /// <summary>The estimate is given up (NotComputableException) when its error exceeds this fraction of it.</summary>
    public const double AcceptableRelativeError = 1e-6;

    /// <summary>How far P's found mass may differ from 1.</summary>
    private const double MassTolerance = 1e-8;

    /// <summary>Mass beyond what doubles can reach that is still treated as negligible (it enters the error estimate).</summary>
    private const double UnresolvedMassTolerance = 1e-10;

    private const int MaximumPiecesPerRay = 2200;

    /// <summary>A path from the centre of the mass to one end of the support.</summary>
    private sealed record Ray(Func<double, Node> At, Func<double, double> TauOf, double Start, double Step, int Direction, double Limit, Func<double>? MassBeyondLimit, string Where);

    private readonly Func<Node, Integrands> _integrand;
    private readonly int _budget;
    private readonly bool _trackDifference;
    private readonly List<Segment> _segments = [];
    private readonly List<Func<double, Integrands>> _functions = [];
    private readonly List<Ray> _rays = [];
    private Ray? _currentRay;
    private int _evaluations;

    private DensityQuadrature(Func<Node, Integrands> integrand, int budget, bool trackDifference)
    {
        _integrand = integrand;
        _budget = budget;
        _trackDifference = trackDifference;
    }

    /// <summary>The three integrals with their error estimates, the x-range covered, and what was spent.</summary>
    public readonly record struct Result(Integrands Value, double ErrorF, double ErrorM, double ErrorD, double AbsoluteF, double UnresolvedMass, double Lowest, double Highest, int Evaluations)
    {
        /// <summary>The rounding error of the integrand, integrated: the floor of any quadrature's error.</summary>
        public double Noise => Value.N;
    }

    /// <summary>
    /// Integrates over P's support. <paramref name="integrand"/> returns (F, M, D, T) at a node, times dx/dτ, where M
    /// must be p·dx/dτ (for the mass check) and T a magnitude that is negligible where the rest of the support is.
    /// </summary>
    /// <param name="p">P's density, with its hints.</param>
    /// <param name="integrand">The integrands at a node.</param>
    /// <param name="budget">At most this many evaluations.</param>
    /// <param name="reflectUpper">Whether the integrand can be evaluated from <see cref="Node.BelowUpper"/> alone (then mass within 1e-16 of a finite upper end is reached).</param>
    /// <param name="trackDifference">Whether the error of D (Q's mass) matters (it is part of the result).</param>
    /// <param name="what">What is computed, for messages.</param>
    /// <exception cref="NotComputableException">P's mass cannot be located or reached, a tail does not decay, or the error stays large.</exception>
    /// <param name="breakpoints">Points where the integrand may have a kink (Q's centre): pieces are split there.</param>
    public static Result Integrate(Density p, Func<Node, Integrands> integrand, int budget, bool reflectUpper, bool trackDifference, string what, IReadOnlyList<double>? breakpoints = null) =>
        new DensityQuadrature(integrand, budget, trackDifference).Run(p, reflectUpper, what, breakpoints ?? []);

    private Result Run(Density p, bool reflectUpper, string what, IReadOnlyList<double> breakpoints)
    {
        double unresolved = 0, lowest = double.PositiveInfinity, highest = double.NegativeInfinity;
        var unresolvedWhere = new List<string>();
        var rays = Rays(p, reflectUpper);
        foreach (var ray in rays)
        {
            var (beyond, reached) = Explore(ray);
            lowest = Math.Min(lowest, reached);
            highest = Math.Max(highest, reached);
            if (beyond > 0)
            {
                unresolved += beyond;
                unresolvedWhere.Add(string.Create(CultureInfo.InvariantCulture, $"{beyond:G3} {ray.Where}"));
            }
        }
        if (unresolved > UnresolvedMassTolerance)
            throw new NotComputableException($"{what}: P = {p.Name ?? "the density"} has mass that no double can reach ({string.Join("; ", unresolvedWhere)}), so quadrature cannot resolve it.");
        foreach (double x in breakpoints) SplitAt(rays, x);
        Refine();
        var total = Totals(out double errorF, out double errorM, out double errorD, out double absoluteF);
        double mass = total.M + unresolved;
        if (!(Math.Abs(mass - 1) <= MassTolerance + errorM))
            throw new NotComputableException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: the quadrature found {total.M:G6} of P's mass instead of 1 (within {_evaluations:N0} evaluations), so the value cannot be trusted; P = {p.Name ?? "the density"} on [{p.Lower:R}, {p.Upper:R}]{(p.Center is null ? " (giving its Center and Scale helps)" : "")}."));
        return new Result(total, errorF, errorM, errorD, absoluteF, unresolved, lowest, highest, _evaluations);
    }

    /// <summary>The rays from the centre of P's mass to the ends of its support.</summary>
    private static List<Ray> Rays(Density p, bool reflectUpper)
    {
        double a = p.Lower, b = p.Upper;
        double center = p.Center is double c && c > a && c < b ? c
            : double.IsFinite(a) && double.IsFinite(b) ? a + 0.5 * (b - a) : double.IsFinite(a) ? a + 1 : double.IsFinite(b) ? b - 1 : 0;
        double scale = p.Scale is double s && s > 0 && double.IsFinite(s) ? s : double.NaN;
        CheckResolvable(p, center, scale);
        var cdf = p.Cdf;
        var rays = new List<Ray>();
        if (double.IsInfinity(a) && double.IsInfinity(b))
        {
            double step = double.IsNaN(scale) ? Math.Max(1, Math.Abs(center)) : scale;
            double logStep = Math.Log(step);
            Node At(double t) => new(center + step * t, double.NaN, logStep);
            double Tau(double x) => (x - center) / step;
            rays.Add(new Ray(At, Tau, 0, 1, +1, (double.MaxValue - center) / step, cdf is null ? null : () => 1 - cdf(double.MaxValue), "above the largest double"));
            rays.Add(new Ray(At, Tau, 0, 1, -1, (-double.MaxValue - center) / step, cdf is null ? null : () => cdf(-double.MaxValue), "below the most negative double"));
            return rays;
        }
        if (double.IsFinite(a))
        {
            double distance = center - a;
            double t0 = Math.Log(distance);
            double h = double.IsNaN(scale) ? 1 : Math.Clamp(scale / distance, 1e-300, 2);
            double lowestLog = LowestLog(a);
            Node At(double t) => new(a + Math.Exp(t), double.NaN, t);
            double Tau(double x) => Math.Log(x - a);
            rays.Add(new Ray(At, Tau, t0, h, -1, lowestLog, cdf is null ? null : () => cdf(a + Math.Exp(lowestLog)),
                string.Create(CultureInfo.InvariantCulture, $"within {Math.Exp(lowestLog):G3} of the lower end {a:R}")));
            if (double.IsInfinity(b))
            {
                double highestLog = Math.Log(double.MaxValue) + (a < 0 ? 0 : Elementary.LogOnePlus(-a / double.MaxValue));
                rays.Add(new Ray(At, Tau, t0, h, +1, highestLog, cdf is null ? null : () => 1 - cdf(double.MaxValue), "above the largest double"));
            }
        }
        if (double.IsFinite(b))
        {
            double distance = b - center;
            double t0 = Math.Log(distance);
            double h = double.IsNaN(scale) ? 1 : Math.Clamp(scale / distance, 1e-300, 2);
            double lowestLog = reflectUpper ? Math.Log(double.Epsilon) : LowestLog(b);
            Node At(double t) { double y = Math.Exp(t); return new(b - y, y, t); }
            double Tau(double x) => Math.Log(b - x);
            Func<double>? beyond = p.Source is MathNet.Numerics.Distributions.Beta beta && b == 1
                ? () => new MathNet.Numerics.Distributions.Beta(beta.B, beta.A).CumulativeDistribution(Math.Exp(lowestLog))
                : cdf is null ? null : () => 1 - cdf(b - Math.Exp(lowestLog));
            rays.Add(new Ray(At, Tau, t0, h, -1, lowestLog, beyond,
                string.Create(CultureInfo.InvariantCulture, $"within {Math.Exp(lowestLog):G3} of the upper end {b:R}")));
            if (double.IsInfinity(a))
            {
                double highestLog = Math.Log(double.MaxValue) + (b > 0 ? 0 : Elementary.LogOnePlus(b / double.MaxValue));
                rays.Add(new Ray(At, Tau, t0, h, +1, highestLog, cdf is null ? null : () => cdf(-double.MaxValue), "below the most negative double"));
            }
        }
        return rays;
    }

    /// <summary>ln of the smallest step from <paramref name="end"/> that a double can represent.</summary>
    private static double LowestLog(double end) =>
        end == 0 ? Math.Log(double.Epsilon) : Math.Log(Math.BitIncrement(Math.Abs(end)) - Math.Abs(end));

    /// <summary>Refuses a mass concentrated on fewer doubles than quadrature needs (beta(1e300, 1e300) around ½).</summary>
    private static void CheckResolvable(Density p, double center, double scale)
    {
        if (double.IsNaN(scale) || center == 0) return;
        double spacing = Math.BitIncrement(Math.Abs(center)) - Math.Abs(center);
        if (scale < 1e6 * spacing)
            throw new NotComputableException(string.Create(CultureInfo.InvariantCulture,
                $"P = {p.Name ?? "the density"} has its mass within about {scale:G3} of {center:R}, where doubles are {spacing:G3} apart: quadrature cannot resolve it."));
    }

    /// <summary>
    /// Lays the pieces of one ray. Returns the mass beyond the double range when the ray reached it with mass left, and
    /// the farthest x covered.
    /// </summary>
    private (double Beyond, double Reached) Explore(Ray ray)
    {
        Func<double, Integrands> f = t => _integrand(ray.At(t));
        _currentRay = ray;
        double previous = ray.Start, width = ray.Step;
        double lastMagnitude = double.PositiveInfinity;
        int growing = 0;
        for (int k = 0; k < MaximumPiecesPerRay; k++)
        {
            double next = ray.Start + ray.Direction * width;
            bool atLimit = ray.Direction > 0 ? !(next < ray.Limit) : !(next > ray.Limit);
            if (atLimit) next = ray.Limit;
            if (!(next != previous)) return (0, ray.At(previous).X);
            var segment = Evaluate(f, Math.Min(previous, next), Math.Max(previous, next));
            double reached = ray.At(next).X;
            var totals = Totals(out _, out _, out _, out _);
            // Negligible once some mass has been found (a ray that starts away from the mass keeps looking).
            // Q's mass (D) is followed too, so that Q's mass outside the covered range is only what no double reaches.
            if (k >= 2 && totals.M > 0 && segment.Value.T <= 1e-18 * totals.T && Math.Abs(segment.Value.M) <= 1e-18 && Math.Abs(segment.Value.D) <= 1e-18) return (0, reached);
            growing = segment.Value.T >= lastMagnitude && Math.Abs(segment.Value.M) < 1e-6 ? growing + 1 : 0;
            if (growing >= 12)
                throw new NotComputableException(string.Create(CultureInfo.InvariantCulture,
                    $"the integrand does not decay in the tail of P (the pieces out to x = {reached:G4} keep growing): the integral may diverge, and quadrature cannot say."));
            lastMagnitude = segment.Value.T;
            if (atLimit)
            {
                double beyond = ray.MassBeyondLimit?.Invoke() ?? 0;
                return (double.IsFinite(beyond) && beyond > 0 ? beyond : 0, reached);
            }
            previous = next;
            width *= 2;
        }
        throw new NotComputableException("the integrand's tail did not become negligible within the quadrature's range: the integral may diverge.");
    }

    /// <summary>Splits the piece whose coordinate range holds x (on the ray that covers x) at x, so a kink there is an end.</summary>
    private void SplitAt(List<Ray> rays, double x)
    {
        if (!double.IsFinite(x)) return;
        foreach (var ray in rays)
        {
            double t = ray.TauOf(x);
            if (!double.IsFinite(t)) continue;
            for (int i = 0; i < _segments.Count; i++)
            {
                var s = _segments[i];
                if (!ReferenceEquals(_rays[i], ray) || !(t > s.Lower && t < s.Upper)) continue;
                if (_evaluations + 2 * GaussKronrod.Points > _budget) return;
                var f = _functions[i];
                var left = GaussKronrod.Apply(f, s.Lower, t);
                var right = GaussKronrod.Apply(f, t, s.Upper);
                _evaluations += 2 * GaussKronrod.Points;
                if (!left.Value.IsFinite || !right.Value.IsFinite) throw NotFinite(s.Lower, s.Upper);
                _segments[i] = left;
                _segments.Add(right);
                _functions.Add(f);
                _rays.Add(ray);
                return;
            }
        }
    }

    private Segment Evaluate(Func<double, Integrands> f, double lower, double upper)
    {
        if (_evaluations + GaussKronrod.Points > _budget)
            throw new NotComputableException(string.Create(CultureInfo.InvariantCulture,
                $"the quadrature spent its budget of {_budget:N0} evaluations before locating all of P's mass."));
        _evaluations += GaussKronrod.Points;
        var segment = GaussKronrod.Apply(f, lower, upper);
        if (!segment.Value.IsFinite) throw NotFinite(lower, upper);
        _segments.Add(segment);
        _functions.Add(f);
        _rays.Add(_currentRay!);
        return segment;
    }

    private static NotComputableException NotFinite(double lower, double upper) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"the integrand is not finite on the piece [{lower:G6}, {upper:G6}] of the quadrature's coordinate: the value cannot be resolved."));

    private double Priority(Segment s) => s.ErrorF + (_trackDifference ? s.ErrorD : 0) + 1e-3 * s.ErrorM;

    /// <summary>Bisects the segment with the largest error until the errors are below target or the budget is spent.</summary>
    private void Refine()
    {
        var queue = new PriorityQueue<int, double>();
        for (int i = 0; i < _segments.Count; i++) queue.Enqueue(i, -Priority(_segments[i]));
        double noise = Totals(out double errorF, out double errorM, out double errorD, out double absoluteF).N;
        while (queue.Count > 0 && _evaluations + 2 * GaussKronrod.Points <= _budget)
        {
            bool differenceConverged = !_trackDifference || errorD + errorM <= TargetRelativeError * Math.Max(absoluteF, 1e-290);
            // Below the integrand's own rounding noise, bisecting gains nothing.
            double floor = Math.Max(TargetRelativeError * absoluteF, noise);
            if (errorF <= floor && errorM <= 1e-12 && differenceConverged) return;
            int worst = queue.Dequeue();
            var s = _segments[worst];
            double mid = 0.5 * (s.Lower + s.Upper);
            if (!(mid > s.Lower && mid < s.Upper)) continue;   // no room left: keep its estimate
            var f = _functions[worst];
            var left = GaussKronrod.Apply(f, s.Lower, mid);
            var right = GaussKronrod.Apply(f, mid, s.Upper);
            _evaluations += 2 * GaussKronrod.Points;
            if (!left.Value.IsFinite || !right.Value.IsFinite) throw NotFinite(s.Lower, s.Upper);
            errorF += left.ErrorF + right.ErrorF - s.ErrorF;
            errorM += left.ErrorM + right.ErrorM - s.ErrorM;
            errorD += left.ErrorD + right.ErrorD - s.ErrorD;
            absoluteF += left.AbsoluteF + right.AbsoluteF - s.AbsoluteF;
            _segments[worst] = left;
            _segments.Add(right);
            _functions.Add(f);
            _rays.Add(_rays[worst]);
            queue.Enqueue(worst, -Priority(left));
            queue.Enqueue(_segments.Count - 1, -Priority(right));
        }
    }

    private Integrands Totals(out double errorF, out double errorM, out double errorD, out double absoluteF)
    {
        var sf = new NeumaierSum();
        var sm = new NeumaierSum();
        var sd = new NeumaierSum();
        var st = new NeumaierSum();
        var sn = new NeumaierSum();
        errorF = errorM = errorD = absoluteF = 0;
        foreach (var s in _segments)
        {
            sf.Add(s.Value.F);
            sm.Add(s.Value.M);
            sd.Add(s.Value.D);
            st.Add(s.Value.T);
            sn.Add(s.Value.N);
            errorF += s.ErrorF;
            errorM += s.ErrorM;
            errorD += s.ErrorD;
            absoluteF += s.AbsoluteF;
        }
        return new Integrands(sf.Total, sm.Total, sd.Total, st.Total, sn.Total);
    }
}
