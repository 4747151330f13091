using Kullback.Fitting;

namespace Kullback.Analysis;

/// <summary>D(P‖Q_θ) as one parameter θ of a fitted model varies over a grid and the others stay at their fit.</summary>
/// <param name="Data">The data P.</param>
/// <param name="Family">The model family, fitted by maximum likelihood first.</param>
/// <param name="Parameter">The parameter to vary: one of the family's <see cref="ModelFamily.VariableParameters"/>.</param>
/// <param name="From">The start of the grid; null for a default around the fit (probabilities: 0.005).</param>
/// <param name="To">The end of the grid; null for a default around the fit (probabilities: 0.995).</param>
/// <param name="Steps">The number of grid points, 2 … <see cref="SweepAnalysis.MaximumSteps"/>.</param>
/// <param name="Trials">n for the binomial families; null to take the largest observed value.</param>
public sealed record SweepRequest(DiscreteDistribution Data, ModelFamily Family, Parameter Parameter,
                                  double? From = null, double? To = null, int Steps = 101, long? Trials = null);
