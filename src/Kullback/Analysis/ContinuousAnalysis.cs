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
        var forward = Divergence(p.Distribution, q.Distribution);   // the answer asked for: its failure is the command's
        DivergenceEstimate reverse;
        try
        {
            reverse = Divergence(q.Distribution, p.Distribution);
        }
        catch (NotComputableException e)
        {
            reverse = DivergenceEstimate.Unresolved(e.Reason);
        }
        return new ContinuousComparison(p, q, forward, reverse, Entropy(p.Distribution), Entropy(q.Distribution));
    }

    private static DivergenceEstimate Divergence(IUnivariateDistribution p, IUnivariateDistribution q)
    {
        double? closed = ClosedFormDivergence.TryKullbackLeibler(p, q);
        Information? closedForm = closed is double c ? Information.FromNats(c) : null;
        IntegralEstimate numerical;
        try
        {
            numerical = (p, q) switch
            {
                (IContinuousDistribution a, IContinuousDistribution b) => NumericalDivergence.KullbackLeibler(a, b),
                (IDiscreteDistribution a, IDiscreteDistribution b) => NumericalDivergence.KullbackLeibler(a, b),
                _ => throw new InvalidArgumentException("The distributions must both be discrete or both continuous.", nameof(q)),
            };
        }
        catch (NotComputableException e) when (closedForm is not null)
        {
            // The closed form answers; say why the numerical check could not.
            return new DivergenceEstimate(closedForm, null, Information.Zero) { NumericalUnresolved = e.Reason };
        }
        return new DivergenceEstimate(closedForm, Information.FromNats(numerical.Value), Information.FromNats(numerical.ErrorEstimate))
        {
            InfiniteBecause = numerical.InfiniteBecause,
        };
    }

    private static Information? Entropy(IUnivariateDistribution d)
    {
        try
        {
            return ClosedFormEntropy.TryOf(d) is double h ? Information.FromNats(h) : null;
        }
        catch (NotComputableException)
        {
            return null;   // shown as "—": the entropy is a side note, not the answer
        }
    }
}
