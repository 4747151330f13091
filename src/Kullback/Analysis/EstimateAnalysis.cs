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
        ArgumentNullException.ThrowIfNull(request.P);
        ArgumentNullException.ThrowIfNull(request.Q);
        if (request.K < 1) throw new InvalidArgumentException($"k must be at least 1; got {request.K}.", nameof(request));
        RequireSamples(request.P, request.K);
        RequireSamples(request.Q, request.K);
        int d = request.P.Dimensions;
        if (request.Q.Dimensions != d)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"the points of {request.P.Source} have {d} coordinates and those of {request.Q.Source} have {request.Q.Dimensions}: they must have the same dimensions."));
        // One call builds each tree once and reuses the P-to-P distances for h(P).
        var estimates = NearestNeighbourEstimators.KullbackLeiblerAndEntropies(request.P.Coordinates.Span, request.Q.Coordinates.Span, d, request.K);
        return new SampleEstimates(Information.FromNats(estimates.KullbackLeibler), Information.FromNats(estimates.EntropyP), Information.FromNats(estimates.EntropyQ),
                                   request.P.Count, request.Q.Count, d, request.K);
    }

    private static void RequireSamples(SamplePoints points, int k)
    {
        if (points.Count <= k)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"there are {points.Count} samples; k = {k} needs at least {k + 1}."), new InputLocation(points.Source));
    }
}
