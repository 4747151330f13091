using System.Globalization;
using Kullback.Estimation;
using Kullback.Numerics;

namespace Kullback.Analysis;

/// <summary>The job of <c>kullback measure</c>: checks two distributions as a user gave them and computes every measure.</summary>
public static class MeasureAnalysis
{
    /// <summary>Every measure between the request's P and Q.</summary>
    /// <exception cref="InvalidInputException">The vectors have different lengths or are all zero.</exception>
    /// <exception cref="ProbabilitySumException">Values given as probabilities do not sum to 1.</exception>
    /// <exception cref="InvalidArgumentException">An entry is negative, NaN or infinite.</exception>
    public static MeasureSummary Run(MeasureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Check(request.P, "P", request.PSource, request.AreWeights);
        Check(request.Q, "Q", request.QSource, request.AreWeights);
        if (request.P.Length != request.Q.Length)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"P ({request.PSource}) has {request.P.Length} values but Q ({request.QSource}) has {request.Q.Length}: they must list the same outcomes in the same order."));
        return MeasureSummary.Compute(request.P, request.Q, request.All);
    }

    /// <summary>
    /// The estimates from counts the request asks for (<see cref="MeasureRequest.Estimation"/>, with
    /// <see cref="MeasureRequest.AreWeights"/>): both entropies and both divergences, each with its interval. Call after
    /// <see cref="Run(MeasureRequest)"/>, which checks the vectors.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="unavailable">Why there are no estimates although they were asked for (the values are weights, not whole counts), or null.</param>
    /// <returns>The estimates; null when none were asked for or they do not apply (then <paramref name="unavailable"/> says why).</returns>
    /// <exception cref="NotComputableException">NSB's integrals could not be resolved.</exception>
    public static CountMeasureEstimates? Estimate(MeasureRequest request, out string? unavailable)
    {
        ArgumentNullException.ThrowIfNull(request);
        unavailable = null;
        if (request.Estimation is not { } options || !request.AreWeights) return null;
        if (WholeCounts.TryFrom(request.P) is not { } p || WholeCounts.TryFrom(request.Q) is not { } q)
        {
            unavailable = "No estimates from counts: the values are not all whole counts summing to at most 2^53, so the number of observations is unknown (the measures above treat them as weights).";
            return null;
        }
        return CountMeasureEstimates.Compute(p, q, options);
    }

    private static void Check(double[] values, string role, string source, bool areWeights)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0) throw new InvalidInputException("there are no values: a distribution needs at least one outcome.", new InputLocation(source));
        if (values.All(v => v == 0))
            throw new InvalidInputException("every value is 0; at least one outcome needs a positive probability.", new InputLocation(source));
        Preconditions.CheckWeights(values, role);
        if (areWeights) return;
        var sum = new NeumaierSum();
        foreach (double v in values) sum.Add(v);
        if (!(Math.Abs(sum.Total - 1.0) <= DiscreteDistribution.ProbabilitySumTolerance))
            throw new ProbabilitySumException(source, sum.Total);
    }
}
