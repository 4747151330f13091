using Kullback.Continuous;
using MathNet.Numerics.Distributions;

namespace Kullback.Analysis;

/// <summary>The job of <c>kullback continuous</c>: two named distributions compared both ways, closed form and numerically.</summary>
public static class ContinuousAnalysis
{
    /// <summary>Compares <paramref name="p"/> and <paramref name="q"/>.</summary>
    /// <exception cref="InvalidArgumentException">One is discrete and the other continuous.</exception>
    /// <exception cref="NotComputableException">A numerical method cannot resolve a value.</exception>
    public static ContinuousComparison Run(DistributionSpec p, DistributionSpec q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        if (p.Family.IsDiscrete != q.Family.IsDiscrete)
            throw new InvalidArgumentException(
                "One distribution is discrete and the other continuous: there is no divergence between a probability mass function and a density.", nameof(q));
        return new ContinuousComparison(p, q, Divergence(p.Distribution, q.Distribution), Divergence(q.Distribution, p.Distribution),
                                        Entropy(p.Distribution), Entropy(q.Distribution));
    }

    private static DivergenceEstimate Divergence(IUnivariateDistribution p, IUnivariateDistribution q)
    {
        var numerical = (p, q) switch
        {
            (IContinuousDistribution a, IContinuousDistribution b) => NumericalDivergence.KullbackLeibler(a, b),
            (IDiscreteDistribution a, IDiscreteDistribution b) => NumericalDivergence.KullbackLeibler(a, b),
            _ => throw new InvalidArgumentException("The distributions must both be discrete or both continuous.", nameof(q)),
        };
        double? closed = ClosedFormDivergence.TryKullbackLeibler(p, q);
        return new DivergenceEstimate(closed is double c ? Information.FromNats(c) : null,
                                      Information.FromNats(numerical.Value), Information.FromNats(numerical.ErrorEstimate));
    }

    private static Information? Entropy(IUnivariateDistribution d) => ClosedFormEntropy.TryOf(d) is double h ? Information.FromNats(h) : null;
}
