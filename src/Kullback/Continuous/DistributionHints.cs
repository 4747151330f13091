using MathNet.Numerics.Distributions;

namespace Kullback.Continuous;

/// <summary>Where a MathNet distribution keeps its mass: a centre and a spread for the quadrature to start from.</summary>
internal static class DistributionHints
{
    /// <summary>The median, else the mode, else the mean (the first strictly inside the support); null when none is.</summary>
    public static double? Center(IContinuousDistribution d)
    {
        foreach (var get in new Func<double>[] { () => d.Median, () => d.Mode, () => d.Mean })
        {
            double v = SafeGet(get);
            if (double.IsFinite(v) && v > d.Minimum && v < d.Maximum) return v;
        }
        return null;
    }

    /// <summary>The standard deviation when finite and positive; for the heavy-tailed families a scale parameter.</summary>
    public static double? Scale(IContinuousDistribution d)
    {
        double sd = d switch
        {
            LogNormal x => x.Sigma * Math.Exp(x.Mu),   // the spread of ln X, carried to the median
            Beta x => BetaSpread(x.A, x.B),
            _ => SafeGet(() => d.StdDev),
        };
        if (double.IsFinite(sd) && sd > 0) return sd;
        return d switch
        {
            Pareto x => x.Scale / x.Shape,
            Cauchy x => x.Scale,
            StudentT x => x.Scale,
            _ => null,
        };
    }

    /// <summary>√(ab/((a + b)²(a + b + 1))) without overflow of ab.</summary>
    private static double BetaSpread(double a, double b)
    {
        double c = a + b;
        return Math.Sqrt(a / c) * Math.Sqrt(b / c) / Math.Sqrt(c + 1);
    }

    private static double SafeGet(Func<double> get)
    {
        try { return get(); }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidOperationException or ArithmeticException) { return double.NaN; }
    }
}
