using System.Collections.Immutable;
using Kullback.Fitting;

namespace Kullback.Analysis;

/// <summary>A sweep: the fit it starts from, the parameter values tried, and D(P‖Q) at each.</summary>
/// <param name="Fit">The maximum-likelihood fit whose other parameters stay fixed.</param>
/// <param name="Parameter">The parameter that varies.</param>
/// <param name="Values">The grid, evenly spaced from the request's From to To.</param>
/// <param name="Divergences">D(P‖Q) at each grid value (+∞ where the model misses an observed outcome).</param>
/// <param name="MinimumIndex">The grid point with the smallest divergence.</param>
public sealed record SweepResult(ModelFit Fit, Parameter Parameter, ImmutableArray<double> Values,
                                 ImmutableArray<Information> Divergences, int MinimumIndex)
{
    /// <summary>The fitted value of the parameter.</summary>
    public double FittedValue => Fit.Model[Parameter];

    /// <summary>The grid value with the smallest divergence.</summary>
    public double MinimumValue => Values[MinimumIndex];

    /// <summary>The smallest divergence on the grid.</summary>
    public Information Minimum => Divergences[MinimumIndex];
}
