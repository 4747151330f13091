using System.Collections.Immutable;
using System.Globalization;
using Kullback.Fitting;

namespace Kullback.Analysis;

/// <summary>The job of <c>kullback sweep</c>: fit a family, then trace D(P‖Q_θ) along one parameter.</summary>
public static class SweepAnalysis
{
    /// <summary>The most grid points a sweep takes (each costs one evaluation of the model over the data).</summary>
    public const int MaximumSteps = 100_000;

    /// <summary>Runs the sweep.</summary>
    /// <exception cref="InvalidArgumentException">Steps out of range; a parameter the family cannot vary; a grid end
    /// outside the parameter's range or From ≥ To; the family cannot be fitted to the data (the reason says why).</exception>
    public static SweepResult Run(SweepRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Steps < 2 || request.Steps > MaximumSteps)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"A sweep takes from 2 to {MaximumSteps:N0} steps; got {request.Steps:N0}."), nameof(request));
        if (!request.Family.Parameters.Contains(request.Parameter))
            throw new InvalidArgumentException(
                $"{request.Family.Key} has no parameter {request.Parameter.Key}; its parameters are {string.Join(", ", request.Family.Parameters.Select(p => p.Key))}.",
                nameof(request));
        if (!request.Data.IsNumeric)
            throw new InvalidArgumentException("The outcomes are labels: only the uniform applies to them, and it has no parameter to vary.", nameof(request));

        var report = ModelFitter.Fit(request.Data, new FitOptions
        {
            Families = [request.Family], Trials = request.Trials, RankBy = RankCriterion.KullbackLeibler,
        });
        if (report.Best is not { } fit)
            throw new InvalidArgumentException($"{request.Family.Key} cannot be fitted to these data: {report.NotApplicable[0].Reason}", nameof(request));

        var model = fit.Model;
        double fitted = model[request.Parameter];
        model.With(request.Parameter, fitted);   // refuses a parameter the family cannot vary
        var (low, high) = DefaultRange(model, request.Parameter, fitted);
        low = request.From ?? low;
        high = request.To ?? high;
        if (!double.IsFinite(low) || !double.IsFinite(high) || !(high > low))
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The sweep must run from a finite start to a larger finite end; got {low:R} to {high:R}."), nameof(request));
        CheckEnd(model, request.Parameter, low, "start");
        CheckEnd(model, request.Parameter, high, "end");

        var values = ImmutableArray.CreateBuilder<double>(request.Steps);
        var divergences = ImmutableArray.CreateBuilder<Information>(request.Steps);
        for (int i = 0; i < request.Steps; i++)
        {
            // The ends exactly; in between, evenly spaced without accumulated rounding.
            double v = i == request.Steps - 1 ? high : low + (high - low) * i / (request.Steps - 1);
            values.Add(v);
            divergences.Add(ModelFitter.Evaluate(model.With(request.Parameter, v), fit.ParameterCount, fit.Method, request.Data).DataToModel);
        }
        int minimum = 0;
        for (int i = 1; i < divergences.Count; i++)
            if (divergences[i] < divergences[minimum]) minimum = i;
        return new SweepResult(fit, request.Parameter, values.MoveToImmutable(), divergences.MoveToImmutable(), minimum);
    }

    private static void CheckEnd(DiscreteModel model, Parameter parameter, double value, string end)
    {
        try
        {
            model.With(parameter, value);
        }
        catch (InvalidArgumentException e)
        {
            throw new InvalidArgumentException($"The sweep's {end} is outside the parameter's range: {e.Reason}", nameof(value), e);
        }
    }

    /// <summary>Probabilities over (0, 1); μ over ±3σ; positive parameters from a fifth to three times the fit.</summary>
    private static (double Low, double High) DefaultRange(DiscreteModel model, Parameter parameter, double fitted)
    {
        if (parameter == Parameter.SuccessProbability) return (0.005, 0.995);
        if (parameter == Parameter.Location)
        {
            double sigma = model[Parameter.Scale];
            return (fitted - 3 * sigma, fitted + 3 * sigma);
        }
        return fitted > 0 ? (fitted / 5, fitted * 3) : (0, 1);
    }
}
