using System.Globalization;
using Kullback.Continuous;

namespace Kullback.Analysis;

/// <summary>The job of <c>kullback estimate</c>: divergence and entropies from two samples by k nearest neighbours.</summary>
public static class EstimateAnalysis
{
    /// <summary>Runs the estimators.</summary>
    /// <exception cref="InvalidInputException">Too few samples for k, or points of different dimensions.</exception>
    /// <exception cref="InvalidArgumentException">k &lt; 1, non-finite coordinates, or all points identical.</exception>
    public static SampleEstimates Run(EstimateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.K < 1) throw new InvalidArgumentException($"k must be at least 1; got {request.K}.", nameof(request));
        RequireSamples(request.P, request.PSource, request.K);
        RequireSamples(request.Q, request.QSource, request.K);
        int d = request.P[0].Length;
        if (request.Q[0].Length != d)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"the points of {request.PSource} have {d} coordinates and those of {request.QSource} have {request.Q[0].Length}: they must have the same dimensions."));
        return new SampleEstimates(
            Information.FromNats(NearestNeighbourEstimators.KullbackLeibler(request.P, request.Q, request.K)),
            Information.FromNats(NearestNeighbourEstimators.Entropy(request.P, request.K)),
            Information.FromNats(NearestNeighbourEstimators.Entropy(request.Q, request.K)),
            request.P.Count, request.Q.Count, d, request.K);
    }

    private static void RequireSamples(IReadOnlyList<double[]> points, string source, int k)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count <= k)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"there are {points.Count} samples; k = {k} needs at least {k + 1}."), new InputLocation(source));
    }
}
